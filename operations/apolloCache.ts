/**
 * The cache an Apollo Client app gives this gateway, so that pages merge and events update what is
 * shown without a refetch. Apollo's `relayStylePagination` merges `edges` (a `fetchMore` with
 * `after` appends); it does not merge `nodes`, which is why the example operations page with
 * `edges`. The key arguments are those that pick a different list: one cached list per filter and
 * order, one per search. Every object with an `id` is normalised on `__typename:id` (Apollo's
 * default), which is why the examples select `id` on every object that has one.
 */
import { InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

export function createGatewayCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          cases: relayStylePagination(['filter', 'orderBy']),
          contacts: relayStylePagination(['search']),
        },
      },
      Contact: { fields: { notes: relayStylePagination() } },
    },
  });
}

/**
 * The `Cache-Control` header of a GraphQL answer, from the same `@cacheControl` hints the record
 * cache reads: Apollo Server's cache-control plugin computes it (`max-age=<the least maxAge of the
 * fields resolved>, private`; `no-store` when a field is not cacheable, as every case and
 * mutation payload is), and RECORD_CACHE_MAX_AGE_S caps it here, so that no client keeps an
 * answer longer than the gateway would.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import type { GatewayContext } from '../../domain/context.js';

/** Apollo's plugin, and before it, with a cap, the cap. */
export function cacheControlPlugins(capS: number | null): ApolloServerPlugin<GatewayContext>[] {
  const cap: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart({ overallCachePolicy }) {
      return {
        // After every field has given its hint and before Apollo's plugin writes the header: a
        // policy restricted before execution would make that plugin skip the fields' hints.
        async executionDidStart() {
          return {
            async executionDidEnd() {
              if (capS !== null && overallCachePolicy.maxAge !== undefined) overallCachePolicy.restrict({ maxAge: capS });
            },
          };
        },
      };
    },
  };
  return [...(capS === null ? [] : [cap]), ApolloServerPluginCacheControl({ defaultMaxAge: 0 })];
}

import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { primeContact } from '../../loaders/prime.js';
import { pagedConnectionOf } from '../../pagination/connection.js';
import { planSlice } from '../../pagination/slice.js';
import { listContacts, searchContacts } from '../../upstream/contacts.js';
import { boundedText } from '../inputs.js';

const PAGE_SIZES = { maxPageSize: 100, defaultPageSize: 20 };
const MAX_SEARCH_LENGTH = 200;

/**
 * The list, or with a search the upstream's filter list; both page by limit and page. The contact
 * list documents no `page` (customer/untitled.md:25-39): an account that ignores it answers every
 * page with the first, which ends the connection (pagedConnectionOf) and is logged.
 */
export const contactsQuery: NonNullable<QueryResolvers['contacts']> = async (_parent, args, { upstream, loaders, planner }, info) => {
  const range = planSlice({ first: args.first ?? null, after: args.after ?? null }, 'ASC', PAGE_SIZES).range(null);
  const search = boundedText(args.search ?? '', 'search', MAX_SEARCH_LENGTH).trim();
  const { items, total } =
    search === ''
      ? await listContacts(upstream, range, planner.contactRelations(info, ['nodes'], ['edges', 'node']))
      : await searchContacts(upstream, search, range);
  const connection = pagedConnectionOf(items, range.start, total, args.after, () =>
    upstream.notice(
      `Acquire answered the contacts after offset ${range.start - 1} with the page before again: the list ends there (ACQUIRE_CONTACT_PAGING=filter pages through the filter list, which documents page; npm run doctor tells)`,
    ),
  );
  for (const contact of connection.nodes) primeContact(loaders, contact);
  return connection;
};

import type { QueryCasesArgs, QueryResolvers } from '../../__generated__/resolvers-types.js';
import { prefetchContacts, prefetchThreads, primeFromCase } from '../../loaders/prime.js';
import { connectionOf } from '../../pagination/connection.js';
import { planSlice } from '../../pagination/slice.js';
import { countCases, listCases, type CaseConditions } from '../../upstream/cases.js';
import { knownChannel, knownStatus, parseOptionalId } from '../inputs.js';

const PAGE_SIZES = { maxPageSize: 100, defaultPageSize: 20 };

export function conditionsOf(filter: QueryCasesArgs['filter']): CaseConditions {
  if (!filter) return {};
  const where: CaseConditions = {};
  if (filter.status) where.status = knownStatus(filter.status, 'filter.status');
  if (filter.channel) where.channel = knownChannel(filter.channel, 'filter.channel');
  for (const column of ['contactId', 'parentId', 'closedBy'] as const) {
    const id = parseOptionalId(filter[column], `filter.${column}`);
    if (id !== undefined) where[column] = id;
  }
  return where;
}

/**
 * The upstream lists cases oldest first. Newest first reads from the end: a first page needs the
 * list's total (one cheap call) before the page itself; a page after a cursor does not.
 */
export const casesQuery: NonNullable<QueryResolvers['cases']> = async (_parent, args, { upstream, loaders, planner }, info) => {
  const direction = args.orderBy?.direction ?? 'ASC';
  const slice = planSlice(args, direction, PAGE_SIZES);
  const where = conditionsOf(args.filter);
  const relations = planner.caseRelations(info, ['nodes'], ['edges', 'node']);
  const select = planner.caseColumns(info, ['nodes'], ['edges', 'node']);
  const contactRelations = planner.caseContactRelations(info, ['nodes'], ['edges', 'node']);
  const threadReads = planner.caseThreadReads(info, ['nodes'], ['edges', 'node']);

  const counted = slice.needsTotal ? await countCases(upstream, where) : null;
  const range = slice.range(counted);
  if (counted !== null && range.count === 0) return connectionOf([], range.start, counted, direction);
  const { items, total } = await listCases(upstream, { ...range, where, relations, select });
  // Rows read with `select` lack columns: they must not stand in for whole cases later.
  for (const record of items) primeFromCase(loaders, record, relations, { wholeCase: select === null });
  prefetchContacts(loaders, items, contactRelations);
  if (threadReads) prefetchThreads(loaders, items);
  return connectionOf(items, range.start, total, direction);
};

import type { QueryCasesArgs, QueryResolvers } from '../../__generated__/resolvers-types.js';
import { prefetchContacts, primeFromCase } from '../../loaders/prime.js';
import { caseConnection } from '../../pagination/connection.js';
import { cursorToOffset } from '../../pagination/cursors.js';
import { badUserInput } from '../../domain/errors.js';
import { listCases, type CaseConditions } from '../../upstream/cases.js';
import { knownChannel, knownStatus, parseOptionalId } from '../inputs.js';

const MAX_PAGE_SIZE = 100;

function conditionsOf(filter: QueryCasesArgs['filter']): CaseConditions {
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

export const casesQuery: NonNullable<QueryResolvers['cases']> = async (_parent, args, { upstream, loaders, planner }, info) => {
  const first = args.first ?? 20;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be from 0 to ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  let start = 0;
  if (args.after !== null && args.after !== undefined) {
    const offset = cursorToOffset(args.after);
    if (offset === null) throw badUserInput('after is not a cursor of this connection', 'after');
    start = offset + 1;
  }
  const where = conditionsOf(args.filter);
  const relations = planner.caseRelations(info, ['nodes'], ['edges', 'node']);
  const select = planner.caseColumns(info, ['nodes'], ['edges', 'node']);
  const contactRelations = planner.caseContactRelations(info, ['nodes'], ['edges', 'node']);

  const { items, total } = await listCases(upstream, { start, count: first, where, relations, select });
  // Rows read with `select` lack columns: they must not stand in for whole cases later.
  for (const record of items) primeFromCase(loaders, record, relations, { wholeCase: select === null });
  prefetchContacts(loaders, items, contactRelations);
  return caseConnection(items, start, total);
};

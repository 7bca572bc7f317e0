import type { QueryCasesArgs, QueryResolvers } from '../../__generated__/resolvers-types.js';
import { prefetchContacts, primeFromCase } from '../../loaders/prime.js';
import { caseConnection } from '../../pagination/connection.js';
import { cursorToOffset } from '../../pagination/cursors.js';
import { pageWindow } from '../../pagination/window.js';
import { badUserInput } from '../../server/errors.js';
import { listCases, type CaseCondition } from '../../upstream/cases.js';
import { upstreamCaseStatus, upstreamChannel } from '../../upstream/normalize.js';
import { knownChannel, knownStatus, parseOptionalId } from '../inputs.js';

export const MAX_PAGE_SIZE = 100;
// The upstream documents no page-size limit; keep the widened window modest.
const MAX_UPSTREAM_LIMIT = 2 * MAX_PAGE_SIZE;

function conditionsOf(filter: QueryCasesArgs['filter']): CaseCondition[] {
  if (!filter) return [];
  const where: CaseCondition[] = [];
  if (filter.status) where.push(['status', upstreamCaseStatus(knownStatus(filter.status, 'filter.status'))]);
  if (filter.channel) where.push(['channel', upstreamChannel(knownChannel(filter.channel, 'filter.channel'))]);
  const ids = [['contactId', filter.contactId], ['parentId', filter.parentId], ['closedBy', filter.closedBy]] as const;
  for (const [column, value] of ids) {
    const id = parseOptionalId(value, `filter.${column}`);
    if (id !== undefined) where.push([column, id]);
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

  const window = pageWindow(start, first, MAX_UPSTREAM_LIMIT);
  const pages = await Promise.all(
    window.pages.map((page) => listCases(upstream, { limit: window.limit, page, where, relations, select })),
  );
  const rows = pages.flatMap((page) => page.items).slice(window.skip, window.skip + first);
  // Rows read with `select` lack columns: they must not stand in for whole cases later.
  for (const record of rows) primeFromCase(loaders, record, relations, { wholeCase: select === null });
  prefetchContacts(loaders, rows, contactRelations);
  // Without a count in the envelope, what was seen is the best lower bound.
  const total = pages[0]?.total ?? start + rows.length;
  return caseConnection(rows, start, Math.max(total, start + rows.length));
};

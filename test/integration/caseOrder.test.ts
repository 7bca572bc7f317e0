/**
 * Newest first and backward paging over the upstream's oldest-first list, with the calls pinned:
 * a page read newest first costs at most one call more (the list's count) than the same rows
 * read forwards, and cursors stay valid when new cases arrive.
 */
import { callLines, useStack } from '../helpers/emulatorSetup.js';
import { underDialect } from '../helpers/dialect.js';
import { codes, graphql } from '../helpers/graphql.js';

const stack = useStack('reset');

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const PAGE = 'totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const NEWEST = '{ field: CREATED_AT, direction: DESC }';

async function page(args: string): Promise<Page> {
  const result = await graphql(stack.url, `{ cases(${args}) { ${PAGE} } }`);
  expect(result.errors).toBeUndefined();
  return result.data.cases as Page;
}

const ids = (connection: Page): string[] => connection.edges.map((edge) => edge.node.id);

async function allIdsOldestFirst(): Promise<string[]> {
  const all: string[] = [];
  let after: string | null = null;
  for (;;) {
    const current: Page = await page(`first: 100${after ? `, after: "${after}"` : ''}`);
    all.push(...ids(current));
    if (!current.pageInfo.hasNextPage) return all;
    after = current.pageInfo.endCursor;
  }
}

describe('newest first', () => {
  it('reads the first page from the end: one count call, then the page; the same rows forwards cost one call', async () => {
    const all = await allIdsOldestFirst();
    expect(all).toHaveLength(250);
    const justBefore = (await page(`first: 21, orderBy: ${NEWEST}`)).pageInfo.endCursor;
    stack.emulator.resetCalls();

    const newest = await page(`first: 20, orderBy: ${NEWEST}`);
    expect(ids(newest)).toEqual(all.slice(-20).reverse());
    expect(newest.totalCount).toBe(250);
    expect(newest.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const newestCalls = callLines(stack.emulator.calls);
    expect(newestCalls).toHaveLength(2);
    expect(newestCalls[0]).toBe('GET /crm/objects/case?limit=1&page=0&select=id');

    stack.emulator.resetCalls();
    const forwards = await page(`first: 20, after: "${justBefore}"`);
    expect(ids(forwards)).toEqual(all.slice(-20));
    expect(callLines(stack.emulator.calls)).toEqual(newestCalls.slice(1));
  });

  it('reads later pages after a cursor without counting again, and ends at the oldest case', async () => {
    const all = await allIdsOldestFirst();
    stack.emulator.resetCalls();
    const seen: string[] = [];
    let after: string | null = null;
    let calls = 0;
    for (;;) {
      const current: Page = await page(`first: 100, orderBy: ${NEWEST}${after ? `, after: "${after}"` : ''}`);
      seen.push(...ids(current));
      calls += 1;
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(seen).toEqual([...all].reverse());
    // The count, then one read per page of 100 (positions 150-249, 50-149, 0-49).
    expect(calls).toBe(3);
    expect(callLines(stack.emulator.calls)).toEqual([
      'GET /crm/objects/case?limit=1&page=0&select=id',
      'GET /crm/objects/case?limit=125&page=1&select=id',
      'GET /crm/objects/case?limit=150&page=0&select=id',
      'GET /crm/objects/case?limit=50&page=0&select=id',
    ]);
  });

  it('keeps cursors stable when a case is created between two pages', async () => {
    const first = await page(`first: 5, orderBy: ${NEWEST}`);
    const created = await graphql(stack.url, 'mutation { createCase(input: {contactId: "750901", title: "New while paging"}) { case { id } } }');
    expect(created.errors).toBeUndefined();
    const second = await page(`first: 5, orderBy: ${NEWEST}, after: "${first.pageInfo.endCursor}"`);
    const fresh = await page(`first: 11, orderBy: ${NEWEST}`);
    expect(ids(fresh)).toEqual([created.data.createCase.case.id, ...ids(first), ...ids(second)]);
    expect(second.totalCount).toBe(251);
    // The same cursor means the same case, whichever the order.
    expect(fresh.edges[1]?.cursor).toBe(first.edges[0]?.cursor);
  });

  it('filters newest first: the count and the page carry the same conditions', async () => {
    stack.emulator.resetCalls();
    const queue = await graphql(stack.url, `{ cases(first: 2, filter: {status: QUEUE}, orderBy: ${NEWEST}) { totalCount nodes { id status } pageInfo { hasNextPage } } }`);
    expect(queue.errors).toBeUndefined();
    expect(queue.data.cases.totalCount).toBe(3);
    expect(queue.data.cases.nodes.map((node: { status: string }) => node.status)).toEqual(['QUEUE', 'QUEUE']);
    expect(Number(queue.data.cases.nodes[0].id)).toBeGreaterThan(Number(queue.data.cases.nodes[1].id));
    expect(queue.data.cases.pageInfo.hasNextPage).toBe(true);
    expect(callLines(stack.emulator.calls)).toEqual(
      underDialect({
        default: ['GET /crm/objects/case?limit=1&page=0&where=status|eq|queue&select=id', 'GET /crm/objects/case?limit=3&page=0&where=status|eq|queue&select=id&select=status'],
        // Queued cases are pending there: the pending list is read whole once, for the count and the page.
        docs: ['GET /crm/objects/case?limit=200&page=0&where=status|eq|pending&select=id&select=status&select=queueId&select=dateActive'],
      }),
    );
  });

  it('answers an empty list with one call', async () => {
    stack.emulator.resetCalls();
    const none = await page(`first: 10, filter: {contactId: "999999"}, orderBy: ${NEWEST}`);
    expect(none).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    expect(stack.emulator.calls).toHaveLength(1);
  });
});

describe('backward paging', () => {
  it('reads the last cases oldest first with last, and the ones before a cursor with before', async () => {
    const all = await allIdsOldestFirst();
    stack.emulator.resetCalls();
    const tail = await page('last: 3');
    expect(ids(tail)).toEqual(all.slice(-3));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(stack.emulator.calls).toHaveLength(2);

    stack.emulator.resetCalls();
    const before = await page(`last: 4, before: "${tail.pageInfo.startCursor}"`);
    expect(ids(before)).toEqual(all.slice(-7, -3));
    expect(stack.emulator.calls).toHaveLength(1);

    const start = await page(`last: 10, before: "${(await page('first: 2')).pageInfo.endCursor}"`);
    expect(ids(start)).toEqual(all.slice(0, 1));
    expect(start.pageInfo.hasPreviousPage).toBe(false);
  });

  it('pages back towards the newest when reading newest first', async () => {
    const all = await allIdsOldestFirst();
    stack.emulator.resetCalls();
    const oldest = await page(`last: 3, orderBy: ${NEWEST}`);
    expect(ids(oldest)).toEqual(all.slice(0, 3).reverse());
    expect(oldest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // The oldest rows are the first of the upstream's list: no count needed.
    expect(callLines(stack.emulator.calls)).toEqual(['GET /crm/objects/case?limit=3&page=0&select=id']);

    const newer = await page(`last: 2, orderBy: ${NEWEST}, before: "${oldest.pageInfo.startCursor}"`);
    expect(ids(newer)).toEqual(all.slice(3, 5).reverse());
  });

  it('refuses first with last, page sizes out of range and foreign cursors before any call', async () => {
    stack.emulator.resetCalls();
    for (const [args, argumentName] of [
      ['first: 2, last: 2', 'last'],
      ['last: 101', 'last'],
      ['last: -1', 'last'],
      ['before: "bm90LWEtY3Vyc29y"', 'before'],
    ] as const) {
      const result = await graphql(stack.url, `{ cases(${args}) { totalCount } }`);
      expect({ args, codes: codes(result), argumentName: result.errors?.[0]?.extensions?.argumentName }).toEqual({ args, codes: ['BAD_USER_INPUT'], argumentName });
    }
    expect(stack.emulator.calls).toHaveLength(0);
  });
});

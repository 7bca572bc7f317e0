/**
 * The pending list read whole (ACQUIRE_QUEUE_STATUS=pending) over a scripted session: it walks
 * the pages it needs, and a page that repeats the one before ends the walk, reported, instead of
 * reading the same rows for ever.
 */
import type { UpstreamRequest, UpstreamSession } from '../../src/domain/context.js';
import { loadConfig } from '../../src/config.js';
import { countCases, listCases } from '../../src/upstream/cases.js';

const dialect = loadConfig({ ACQUIRE_QUEUE_STATUS: 'pending' }).dialect;

function rows(from: number, count: number, queued: (id: number) => boolean) {
  return Array.from({ length: count }, (_, index) => {
    const id = from + index;
    return { id, status: 'pending', queueId: queued(id) ? 15 : null, dateActive: null };
  });
}

function scripted(pages: (page: number) => unknown[], count: number) {
  const requests: UpstreamRequest[] = [];
  const notices: string[] = [];
  const session: UpstreamSession = {
    dialect,
    notice: (message) => notices.push(message),
    read: async (request, _kind, normalise) => {
      requests.push(request);
      const page = Number(request.searchParams?.find(([name]) => name === 'page')?.[1]);
      return normalise({ data: { page, count, data: pages(page) } });
    },
    write: () => Promise.reject(new Error('no writes here')),
    onInvalidate: () => {},
    admit: () => {},
  };
  return { session, requests, notices };
}

const query = { where: { status: 'QUEUE' as const }, relations: [], select: null };

it('reads every page of the pending list and splits it, with the filtered total', async () => {
  const { session, requests, notices } = scripted((page) => (page < 2 ? rows(page * 200 + 1, 200, (id) => id % 10 === 0) : rows(401, 50, () => true)), 450);
  const { items, total } = await listCases(session, { ...query, start: 0, count: 5 });
  expect(requests.map((request) => request.searchParams?.find(([name]) => name === 'where')?.[1])).toEqual(['status|eq|pending', 'status|eq|pending', 'status|eq|pending']);
  expect(total).toBe(40 + 50);
  expect(items.map((record) => record.id)).toEqual(['10', '20', '30', '40', '50']);
  expect(items.every((record) => record.status === 'QUEUE')).toBe(true);
  expect(notices).toEqual([]);
});

it('stops at a page identical to the one before, and says so', async () => {
  const { session, requests, notices } = scripted(() => rows(1, 200, (id) => id <= 3), 1_000_000);
  expect(await countCases(session, { status: 'QUEUE' })).toBe(3);
  expect(requests).toHaveLength(2);
  expect(notices).toEqual([expect.stringContaining('answered page 1 of the case list with the rows of page 0')]);
});

import { connectionOf, pagedConnectionOf } from '../../src/pagination/connection.js';
import { cursorPage, cursorToOffset, offsetToCursor, pageFingerprint } from '../../src/pagination/cursors.js';
import { planSlice } from '../../src/pagination/slice.js';
import { pageWindow } from '../../src/upstream/pageWindow.js';

describe('cursors', () => {
  it('round-trips offsets through an opaque string', () => {
    for (const offset of [0, 1, 19, 20, 12345]) {
      const cursor = offsetToCursor(offset);
      expect(cursor).not.toContain(String(offset === 0 ? 'offset' : offset));
      expect(cursorToOffset(cursor)).toBe(offset);
    }
  });

  it('rejects strings that are not our cursors', () => {
    for (const cursor of ['', 'abc', 'b2Zmc2V0Oi0x', Buffer.from('offset:1.5').toString('base64url'), '!!!', 'x'.repeat(100)]) {
      expect(cursorToOffset(cursor)).toBeNull();
    }
  });

  it('carries a page fingerprint when asked, and refuses a malformed one', () => {
    const page = pageFingerprint(['750901', '750902']);
    expect(page).toMatch(/^[0-9a-f]{8}$/);
    const cursor = offsetToCursor(19, page);
    expect([cursorToOffset(cursor), cursorPage(cursor)]).toEqual([19, page]);
    expect(cursorPage(offsetToCursor(19))).toBeNull();
    for (const text of ['offset:19:', 'offset:19:ZZZZZZZZ', 'offset:19:0123456789', 'offset:19:abcdef12:x', `offset:19:${'a'.repeat(8)}\n`]) {
      const forged = Buffer.from(text).toString('base64url');
      expect([cursorToOffset(forged), cursorPage(forged)]).toEqual([null, null]);
    }
  });
});

describe('pagedConnectionOf', () => {
  const rows = (ids: string[]) => ids.map((id) => ({ id }));

  it('ends the connection, and says so, when a page repeats the one its cursor came from', () => {
    const first = pagedConnectionOf(rows(['1', '2']), 0, 6, null, () => {
      throw new Error('no repeat on a first page');
    });
    let repeated = 0;
    const again = pagedConnectionOf(rows(['1', '2']), 2, 6, first.pageInfo.endCursor, () => (repeated += 1));
    expect(again).toMatchObject({ nodes: [], totalCount: 2, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expect(repeated).toBe(1);
    const next = pagedConnectionOf(rows(['3', '4']), 2, 6, first.pageInfo.endCursor, () => (repeated += 1));
    expect(next.nodes).toEqual(rows(['3', '4']));
    expect(repeated).toBe(1);
  });
});

describe('pageWindow', () => {
  it('reads aligned pages directly', () => {
    expect(pageWindow(0, 20, 200)).toEqual({ limit: 20, pages: [0], skip: 0 });
    expect(pageWindow(40, 20, 200)).toEqual({ limit: 20, pages: [2], skip: 0 });
  });

  it('widens the page to serve an unaligned range in one call', () => {
    expect(pageWindow(25, 20, 200)).toEqual({ limit: 23, pages: [1], skip: 2 });
    expect(pageWindow(3, 10, 200)).toEqual({ limit: 13, pages: [0], skip: 3 });
  });

  it('always covers the requested range, in one or two pages', () => {
    for (let start = 0; start < 400; start += 1) {
      for (const count of [1, 2, 7, 20, 33, 100]) {
        const window = pageWindow(start, count, 200);
        const first = window.pages[0]! * window.limit;
        const end = (window.pages.at(-1)! + 1) * window.limit;
        expect(window.limit).toBeLessThanOrEqual(200);
        expect(first + window.skip).toBe(start);
        expect(end).toBeGreaterThanOrEqual(start + count);
        expect(window.pages.length).toBeLessThanOrEqual(2);
      }
    }
  });

  it('asks for one row when none are wanted, to learn the total', () => {
    expect(pageWindow(0, 0, 200)).toEqual({ limit: 1, pages: [0], skip: 0 });
  });
});

describe('planSlice', () => {
  const limits = { maxPageSize: 100, defaultPageSize: 20 };
  const cursor = (position: number): string => offsetToCursor(position);
  const plan = (args: Parameters<typeof planSlice>[0], direction: 'ASC' | 'DESC', total: number | null = null) => {
    const slice = planSlice(args, direction, limits);
    return { needsTotal: slice.needsTotal, ...slice.range(total) };
  };

  it('reads from the start of the upstream list oldest first, 20 rows unless told', () => {
    expect(plan({}, 'ASC')).toEqual({ needsTotal: false, start: 0, count: 20 });
    expect(plan({ first: 5, after: cursor(9) }, 'ASC')).toEqual({ needsTotal: false, start: 10, count: 5 });
  });

  it('needs the total only to read from an end that no cursor gives', () => {
    expect(plan({ first: 5 }, 'DESC', 250)).toEqual({ needsTotal: true, start: 245, count: 5 });
    expect(plan({ last: 5 }, 'ASC', 250)).toEqual({ needsTotal: true, start: 245, count: 5 });
    expect(plan({ first: 5, after: cursor(245) }, 'DESC')).toEqual({ needsTotal: false, start: 240, count: 5 });
    expect(plan({ last: 5, before: cursor(245) }, 'ASC')).toEqual({ needsTotal: false, start: 240, count: 5 });
    expect(plan({ last: 5 }, 'DESC')).toEqual({ needsTotal: false, start: 0, count: 5 });
    expect(plan({ last: 5, before: cursor(3) }, 'DESC')).toEqual({ needsTotal: false, start: 4, count: 5 });
  });

  it('stops at the other cursor and at the ends of the list', () => {
    expect(plan({ first: 10, after: cursor(3), before: cursor(7) }, 'ASC')).toEqual({ needsTotal: false, start: 4, count: 3 });
    expect(plan({ first: 10, after: cursor(3) }, 'DESC')).toEqual({ needsTotal: false, start: 0, count: 3 });
    expect(plan({ first: 10 }, 'DESC', 4)).toEqual({ needsTotal: true, start: 0, count: 4 });
    expect(plan({ first: 10, after: cursor(7), before: cursor(3) }, 'ASC')).toEqual({ needsTotal: false, start: 8, count: 0 });
    expect(plan({ first: 0 }, 'DESC', 0)).toEqual({ needsTotal: true, start: 0, count: 0 });
  });

  it('refuses first with last, sizes out of range and foreign cursors', () => {
    expect(() => planSlice({ first: 1, last: 1 }, 'ASC', limits)).toThrow('not both');
    expect(() => planSlice({ first: 101 }, 'ASC', limits)).toThrow('0 to 100');
    expect(() => planSlice({ last: -1 }, 'DESC', limits)).toThrow('0 to 100');
    expect(() => planSlice({ before: 'nope' }, 'ASC', limits)).toThrow('before is not a cursor');
  });
});

describe('connectionOf', () => {
  it('gives each row the cursor of its upstream position, in the order asked, with the pages around it', () => {
    const ascending = connectionOf(['a', 'b'], 3, 10);
    expect(ascending.edges.map((edge) => [edge.node, cursorToOffset(edge.cursor)])).toEqual([['a', 3], ['b', 4]]);
    expect(ascending.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const descending = connectionOf(['a', 'b'], 8, 10, 'DESC');
    expect(descending.nodes).toEqual(['b', 'a']);
    expect(descending.edges.map((edge) => cursorToOffset(edge.cursor))).toEqual([9, 8]);
    expect(descending.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(connectionOf([], 0, 0, 'DESC').pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

import { cursorToOffset, offsetToCursor } from '../../src/pagination/cursors.js';
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

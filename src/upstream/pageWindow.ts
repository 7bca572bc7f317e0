import type { Page } from './envelopes.js';

/**
 * The upstream pages with `limit` and a 0-based `page`, so one call can only return rows that
 * start at a multiple of `limit`. To serve `count` rows from any `start`, prefer the smallest page
 * size (up to `maxLimit`) whose page holds the whole range; failing that, two consecutive pages of
 * `count` rows always do.
 */
export interface PageWindow {
  limit: number;
  /** The upstream pages to read, consecutive. */
  pages: number[];
  /** Rows of the first page that come before `start`. */
  skip: number;
}

export function pageWindow(start: number, count: number, maxLimit: number): PageWindow {
  const wanted = Math.max(count, 1);
  for (let limit = wanted; limit <= maxLimit; limit += 1) {
    const page = Math.floor(start / limit);
    if (Math.floor((start + wanted - 1) / limit) === page) return { limit, pages: [page], skip: start - page * limit };
  }
  const page = Math.floor(start / wanted);
  return { limit: wanted, pages: [page, page + 1], skip: start - page * wanted };
}

/**
 * `count` rows from offset `start` of a list read with `readPage(limit, page)` (one call, or two
 * for an awkward range), with the list's total.
 */
export async function readRange<T>(
  start: number,
  count: number,
  maxLimit: number,
  readPage: (limit: number, page: number) => Promise<Page<T>>,
): Promise<{ items: T[]; total: number }> {
  const window = pageWindow(start, count, maxLimit);
  const pages = await Promise.all(window.pages.map((page) => readPage(window.limit, page)));
  const items = pages.flatMap((page) => page.items).slice(window.skip, window.skip + count);
  // Without a count in the envelope, what was seen is the best lower bound.
  const total = Math.max(pages[0]?.total ?? 0, start + items.length);
  return { items, total };
}

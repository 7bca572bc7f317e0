import { cursorPage, offsetToCursor, pageFingerprint } from './cursors.js';
import type { Direction } from './slice.js';

/**
 * A Relay connection over rows read at ascending positions `start`, `start + 1`... of a list of
 * `total` rows, each with the cursor of its position, in the order the client asked for. With
 * `page`, the page's fingerprint goes into each cursor too (see cursors.ts).
 */
export function connectionOf<T>(rows: readonly T[], start: number, total: number, direction: Direction = 'ASC', page?: string) {
  const ascending = rows.map((node, index) => ({ cursor: offsetToCursor(start + index, page), node }));
  const edges = direction === 'ASC' ? ascending : ascending.reverse();
  const rowsBefore = start > 0;
  const rowsAfter = start + rows.length < total;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount: total,
    pageInfo: {
      hasNextPage: direction === 'ASC' ? rowsAfter : rowsBefore,
      hasPreviousPage: direction === 'ASC' ? rowsBefore : rowsAfter,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A connection over rows the upstream read by page number, where an account may answer a page
 * with the rows of another (a `page` it ignores, or counts from another base). Each cursor
 * carries its page's fingerprint, and a page identical to the one its `after` came from ends the
 * connection there (`repeated` is told, for the log) instead of being served again and again.
 * Pages asked for with the same `first`, as clients page, are always told apart this way.
 */
export function pagedConnectionOf<T extends { readonly id: string }>(rows: readonly T[], start: number, total: number, after: string | null | undefined, repeated: () => void) {
  const page = pageFingerprint(rows.map((row) => row.id));
  if (rows.length > 0 && after && cursorPage(after) === page) {
    repeated();
    return connectionOf<T>([], start, start);
  }
  return connectionOf(rows, start, total, 'ASC', page);
}

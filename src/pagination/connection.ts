import { offsetToCursor } from './cursors.js';
import type { Direction } from './slice.js';

/**
 * A Relay connection over rows read at ascending positions `start`, `start + 1`... of a list of
 * `total` rows, each with the cursor of its position, in the order the client asked for.
 */
export function connectionOf<T>(rows: readonly T[], start: number, total: number, direction: Direction = 'ASC') {
  const ascending = rows.map((node, index) => ({ cursor: offsetToCursor(start + index), node }));
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

import type { CaseRecord } from '../domain/records.js';
import { offsetToCursor } from './cursors.js';

/** A Relay connection over one slice of the upstream list, starting at offset `start` of `total`. */
export function caseConnection(records: CaseRecord[], start: number, total: number) {
  const edges = records.map((node, index) => ({ cursor: offsetToCursor(start + index), node }));
  return {
    edges,
    nodes: records,
    totalCount: total,
    pageInfo: {
      hasNextPage: start + records.length < total,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

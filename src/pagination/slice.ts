/**
 * Relay's `first`/`after`/`last`/`before` over a list that the upstream reads by position, in
 * either order. Cursors stand for a row's position in the upstream's own ascending order: rows
 * appended to the list (new cases) shift none of them, and a cursor names the same row whichever
 * the direction a client reads in. Reading newest first is reading from the end, which needs the
 * list's total when no cursor bounds the end.
 */
import { badUserInput } from '../domain/errors.js';
import { cursorToOffset } from './cursors.js';

export type Direction = 'ASC' | 'DESC';

export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

/** Rows to read: ascending positions `[start, start + count)`. */
export interface Range {
  readonly start: number;
  readonly count: number;
}

export interface SlicePlan {
  /** True when the range depends on the list's total, which must be read first. */
  readonly needsTotal: boolean;
  /** The range, given the total when `needsTotal`. */
  range(total: number | null): Range;
}

export interface SliceLimits {
  /** The most rows one page may hold. */
  readonly maxPageSize: number;
  /** The page size when neither `first` nor `last` is given. */
  readonly defaultPageSize: number;
}

function pageSize(value: number | null | undefined, name: string, limits: SliceLimits): number | null {
  if (value === null || value === undefined) return null;
  if (value < 0 || value > limits.maxPageSize) throw badUserInput(`${name} must be from 0 to ${limits.maxPageSize}, got ${value}`, name);
  return value;
}

function position(cursor: string | null | undefined, name: string): number | null {
  if (cursor === null || cursor === undefined) return null;
  const offset = cursorToOffset(cursor);
  if (offset === null) throw badUserInput(`${name} is not a cursor of this connection`, name);
  return offset;
}

/**
 * Checks the arguments (before any upstream call) and plans the read. Rows are taken from the
 * bounds the cursors leave: from the low end (`first` ascending, `last` descending), which any
 * read reaches, or from the high end, which needs the total unless a cursor gives it.
 */
export function planSlice(args: ConnectionArgs, direction: Direction, limits: SliceLimits): SlicePlan {
  const first = pageSize(args.first, 'first', limits);
  const last = pageSize(args.last, 'last', limits);
  if (first !== null && last !== null) throw badUserInput('Give first or last, not both', 'last');
  const after = position(args.after, 'after');
  const before = position(args.before, 'before');
  const ascending = direction === 'ASC';
  // Bounds in ascending positions: rows from `low` (inclusive) up to `high` (exclusive).
  const low = (ascending ? after : before) ?? -1;
  const high = ascending ? before : after;
  const lowFrom = low + 1;
  const wanted = first ?? last ?? limits.defaultPageSize;
  const fromLowEnd = ascending ? last === null : last !== null;
  if (fromLowEnd) {
    const end = high === null ? lowFrom + wanted : Math.max(lowFrom, Math.min(lowFrom + wanted, high));
    return { needsTotal: false, range: () => ({ start: lowFrom, count: end - lowFrom }) };
  }
  return {
    needsTotal: high === null,
    range(total) {
      const end = high ?? total ?? 0;
      const start = Math.min(end, Math.max(lowFrom, end - wanted));
      return { start, count: end - start };
    },
  };
}

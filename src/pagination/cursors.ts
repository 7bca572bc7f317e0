/**
 * Opaque offset cursors, as graphql-relay's `connectionFromArraySlice` makes them: the upstream
 * pages by number, the cursor remembers a position in the whole list. A connection whose upstream
 * may answer a page with the rows of another (contacts) also puts the fingerprint of the page
 * the cursor came from into it, so that the page after it can be told apart from a repeat.
 */
import { createHash } from 'node:crypto';

const PREFIX = 'offset:';
const CURSOR = /^offset:(0|[1-9]\d{0,9})(?::([0-9a-f]{8}))?$/;

export function offsetToCursor(offset: number, page?: string): string {
  return Buffer.from(`${PREFIX}${offset}${page === undefined ? '' : `:${page}`}`, 'utf8').toString('base64url');
}

function parse(cursor: string): RegExpExecArray | null {
  if (!/^[A-Za-z0-9_-]{1,40}={0,2}$/.test(cursor)) return null;
  return CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
}

/** The offset a cursor stands for, or null when it is not one of ours. */
export function cursorToOffset(cursor: string): number | null {
  const parsed = parse(cursor);
  return parsed ? Number(parsed[1]) : null;
}

/** The fingerprint of the page a cursor came from, when it carries one. */
export function cursorPage(cursor: string): string | null {
  return parse(cursor)?.[2] ?? null;
}

/** A short fingerprint of a page: the ids of its rows, in order. */
export function pageFingerprint(ids: readonly string[]): string {
  return createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 8);
}

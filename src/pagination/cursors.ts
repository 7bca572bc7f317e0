/**
 * Opaque offset cursors, as graphql-relay's `connectionFromArraySlice` makes them: the upstream
 * pages by number, the cursor remembers a position in the whole list.
 */
const PREFIX = 'offset:';

export function offsetToCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** The offset a cursor stands for, or null when it is not one of ours. */
export function cursorToOffset(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,40}={0,2}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const digits = text.slice(PREFIX.length);
  if (!/^(0|[1-9]\d{0,9})$/.test(digits)) return null;
  return Number(digits);
}

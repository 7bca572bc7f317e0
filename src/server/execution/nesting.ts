/**
 * How deeply brackets nest in a JSON or GraphQL text, found in one pass without recursion, so a
 * hostile document or body nested thousands deep is refused before any recursive parser,
 * validator or JSON.stringify gets to overflow its stack on it.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HASH = 0x23;

const opens = (c: number): boolean => c === 0x7b || c === 0x5b || c === 0x28;
const closes = (c: number): boolean => c === 0x7d || c === 0x5d || c === 0x29;

/** The index just past the string that starts at `start` (a `"` in both languages). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE || c === 0x0a) return i + 1;
    else i += 1;
  }
  return text.length;
}

/** The index just past the GraphQL block string (`"""..."""`, where `\"""` is escaped) at `start`. */
function endOfBlockString(text: string, start: number): number {
  let at = start + 3;
  for (;;) {
    const end = text.indexOf('"""', at);
    if (end === -1) return text.length;
    if (text.charCodeAt(end - 1) !== BACKSLASH) return end + 3;
    at = end + 3;
  }
}

/** Whether `{`, `[` and `(` nest deeper than `limit` anywhere in `text`, strings (and GraphQL comments) aside. */
export function nestsDeeperThan(text: string, limit: number, language: 'json' | 'graphql'): boolean {
  const graphql = language === 'graphql';
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = graphql && text.startsWith('"""', i) ? endOfBlockString(text, i) : endOfString(text, i);
      continue;
    }
    if (graphql && c === HASH) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i += 1;
      continue;
    }
    if (opens(c)) {
      depth += 1;
      if (depth > limit) return true;
    } else if (closes(c) && depth > 0) {
      depth -= 1;
    }
    i += 1;
  }
  return false;
}

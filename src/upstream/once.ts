/**
 * Coalesced reads hand the same parsed body to every request that shared the call; this keeps
 * what a body was normalised into, so that is done once, not once per request. Keyed weakly by
 * the body: when the last request lets go of it, the result goes too.
 */
const results = new WeakMap<object, Map<string, unknown>>();

export function normaliseOnce<T>(body: unknown, kind: string, read: () => T): T {
  if (typeof body !== 'object' || body === null) return read();
  let byKind = results.get(body);
  if (!byKind) results.set(body, (byKind = new Map()));
  if (byKind.has(kind)) return byKind.get(kind) as T;
  const value = read();
  byKind.set(kind, value);
  return value;
}

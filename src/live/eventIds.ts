/** Event ids (src/domain/events.ts EVENT_ID): `<milliseconds>-<sequence>`, ordered as numbers. */
import { EVENT_ID } from '../domain/events.js';

export interface EventIdParts {
  readonly ms: number;
  readonly seq: number;
}

export function parseEventId(id: string): EventIdParts | null {
  const found = EVENT_ID.exec(id);
  if (!found) return null;
  const ms = Number(found[1]);
  const seq = Number(found[2]);
  return Number.isSafeInteger(ms) && Number.isSafeInteger(seq) ? { ms, seq } : null;
}

/** Negative, zero or positive as `a` comes before, with or after `b`; ids that do not parse come first. */
export function compareEventIds(a: string, b: string): number {
  const x = parseEventId(a);
  const y = parseEventId(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  return x.ms - y.ms || x.seq - y.seq;
}

/** Ids of one process's log, in order even when the clock steps back. */
export function eventIdClock(now: () => number = Date.now): () => string {
  let last: EventIdParts = { ms: 0, seq: 0 };
  return () => {
    const ms = now();
    last = ms > last.ms ? { ms, seq: 0 } : { ms: last.ms, seq: last.seq + 1 };
    return `${last.ms}-${last.seq}`;
  };
}

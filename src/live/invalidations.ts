/**
 * What events make stale in the record cache (src/upstream/recordCache.ts), and the form a change
 * takes in the log. A webhook names what Acquire changed: an agent whose status changed, the
 * contact of a case that started or changed. The gateway's own writes and its polls have dropped
 * what they changed already, here; the log carries them to the other replicas as invalidations.
 */
import { MAX_INVALIDATION_TOUCHES, type LiveEvent } from '../domain/events.js';
import type { Touched } from '../domain/touches.js';

/** The records a webhook's event says changed; none for the events of writes and polls. */
export function staleAfter(event: LiveEvent): Touched[] {
  if (event.source !== 'webhook') return [];
  switch (event.kind) {
    case 'agent':
      return [{ kind: 'user', id: event.userId }];
    case 'case':
      return event.contactId === null ? [] : [{ kind: 'contact', id: event.contactId }];
    case 'message':
      return [];
    default: {
      const unreachable: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

/** `touched` as an invalidation in the log: past the bound, whole kinds in place of their records. */
export function boundedTouches(touched: ReadonlyArray<Touched>): Touched[] {
  if (touched.length <= MAX_INVALIDATION_TOUCHES) return [...touched];
  return [...new Set(touched.map(({ kind }) => kind))].map((kind) => ({ kind }));
}

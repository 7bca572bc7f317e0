/** What the live layer reports, for the server's metrics and logs (the layer knows neither). */
import type { LiveEvent, ResyncReason } from '../domain/events.js';

export type PollOutcome = 'unchanged' | 'changed' | 'failed';

export interface LiveObserver {
  /** An event this replica added to the log. */
  published(event: LiveEvent | { kind: 'gap' }): void;
  /** An event not added because it announced a delivery or a change already announced. */
  duplicate(kind: string): void;
  /** Events not given to one subscriber, for whom a RESYNC (or, for agent events, nothing) stands instead. */
  dropped(count: number): void;
  /** A RESYNC sent to one subscriber. */
  resynced(reason: ResyncReason): void;
  /** An event of this replica dropped while Redis was away because too many waited; a gap stands in the log instead. */
  lost(): void;
  /** Events of this replica waiting for Redis. */
  waiting(count: number): void;
  poll(outcome: PollOutcome): void;
  /** Cases this replica polls (it holds their lease), +1 or -1. */
  polling(delta: number): void;
  /** Whether the backplane shares events between replicas right now. */
  backplaneUp(up: boolean): void;
  backplaneError(): void;
}

export const silentObserver: LiveObserver = {
  published: () => {},
  duplicate: () => {},
  dropped: () => {},
  resynced: () => {},
  lost: () => {},
  waiting: () => {},
  poll: () => {},
  polling: () => {},
  backplaneUp: () => {},
  backplaneError: () => {},
};

/** What the live layer reports, for the server's metrics and logs (the layer knows neither). */
import type { LiveEvent } from '../domain/events.js';

export type PollOutcome = 'unchanged' | 'changed' | 'failed';

export interface LiveObserver {
  published(event: LiveEvent): void;
  /** An event left out of a slow subscriber's queue. */
  dropped(): void;
  poll(outcome: PollOutcome): void;
  /** Cases this replica polls (it holds their lease), +1 or -1. */
  polling(delta: number): void;
  /** Whether the backplane shares events between replicas right now. */
  backplaneUp(up: boolean): void;
  backplaneError(): void;
}

export const silentObserver: LiveObserver = {
  published: () => {},
  dropped: () => {},
  poll: () => {},
  polling: () => {},
  backplaneUp: () => {},
  backplaneError: () => {},
};

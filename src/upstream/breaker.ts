/**
 * A circuit breaker for one upstream: after `failureThreshold` failures in a row it opens and
 * calls fail fast for `cooldownMs`; then one trial call goes through, and its outcome closes it
 * again or re-opens it. Failures are what says the upstream is unwell (no answer in time, a
 * network error, 5xx, 429), never a 4xx about the request itself; a call its caller abandoned
 * says nothing either way, but frees the trial.
 */
export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface Breaker {
  /** Whether a call may go out now; in half-open state only one trial at a time may. */
  tryAcquire(): boolean;
  success(): void;
  failure(): void;
  /** The call ended without saying anything about the upstream (its caller went away). */
  abandon(): void;
  state(): BreakerState;
}

export function createBreaker(options: BreakerOptions): Breaker {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;

  const state = (): BreakerState => {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= options.cooldownMs ? 'half-open' : 'open';
  };

  return {
    state,
    tryAcquire() {
      const current = state();
      if (current === 'closed') return true;
      if (current === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    success() {
      failures = 0;
      openedAt = null;
      trialInFlight = false;
    },
    failure() {
      failures += 1;
      if (trialInFlight || failures >= options.failureThreshold) openedAt = now();
      trialInFlight = false;
    },
    abandon() {
      trialInFlight = false;
    },
  };
}

/**
 * Circuit breakers, one per tenant and endpoint: the registry keys them by credential hash and
 * endpoint template, so one key's failing calls (or one failing endpoint) never hold back
 * another's. A breaker opens after `failureThreshold` failed calls in a row (a call counts once,
 * after its retries) and calls fail fast for `cooldownMs`; then one trial call goes through, and
 * its outcome closes it again or re-opens it. Failures are what says the upstream is unwell (no
 * answer in time, a network error, 5xx), never a 4xx about the request itself; a call its caller
 * abandoned says nothing either way, but frees the trial. A 429 is no failure either: it is
 * back-pressure, and the breaker holds that key's calls to that endpoint for as long as the
 * upstream asked (`holdFor`).
 */
export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  /** Breakers the registry keeps at most; the least recently used go first. */
  maxBreakers?: number;
  now?: () => number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface Breaker {
  /** Whether a call may go out now; in half-open state only one trial at a time may. */
  tryAcquire(): boolean;
  success(): void;
  failure(): void;
  /** The call ended without saying anything about the upstream (its caller went away, or a 429). */
  abandon(): void;
  state(): BreakerState;
  /** The upstream asked to slow down (429): calls wait `ms` before going out. */
  holdFor(ms: number): void;
  /** How long calls must still wait (0 when they need not). */
  heldForMs(): number;
}

export function createBreaker(options: BreakerOptions): Breaker {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;
  let heldUntil = 0;

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
    holdFor(ms) {
      heldUntil = Math.max(heldUntil, now() + ms);
    },
    heldForMs() {
      return heldUntil === 0 ? 0 : Math.max(0, heldUntil - now());
    },
  };
}

const DEFAULT_MAX_BREAKERS = 10_000;

/** The breaker of one credential's calls to one endpoint template (`/crm/objects/case/{id}`). */
export type BreakerRegistry = (credentialHash: string, endpoint: string) => Breaker;

export function createBreakerRegistry(options: BreakerOptions): BreakerRegistry {
  const max = options.maxBreakers ?? DEFAULT_MAX_BREAKERS;
  const breakers = new Map<string, Breaker>();
  return (credentialHash, endpoint) => {
    const key = `${credentialHash} ${endpoint}`;
    let breaker = breakers.get(key);
    if (breaker) {
      // Most recently used last, so the oldest one goes when the registry is full.
      breakers.delete(key);
    } else {
      breaker = createBreaker(options);
      if (breakers.size >= max) breakers.delete(breakers.keys().next().value as string);
    }
    breakers.set(key, breaker);
    return breaker;
  };
}

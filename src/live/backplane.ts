/**
 * What replicas share for live events: one ordered log of events that every replica reads, and
 * small shared state beside it (one-time claims, changed values, leases). In one process (no
 * REDIS_URL) it is all local; src/live/redisBackplane.ts shares it through Redis Streams.
 *
 * The log keeps what happened for `retentionMs` (and at most `maxEvents`), so a subscriber that
 * comes back with the id of the last event it received is replayed what came after. Its floor
 * is the id below which events may be missing (before the log began, or trimmed): a cursor at
 * or above the floor can be replayed completely, one below it cannot.
 */
import type { LoggedEvent, NewLoggedEvent } from '../domain/events.js';
import { compareEventIds, eventIdClock, parseEventId } from './eventIds.js';

export interface BackplaneState {
  /** `local`: this process alone (no REDIS_URL); `redis`: shared with the other replicas. */
  readonly mode: 'local' | 'redis';
  /** Whether events reach (and come from) the other replicas now; always true when local. */
  readonly connected: boolean;
  /** The Redis host and port, never its password. */
  readonly target?: string;
  /** Since when `connected` has had its value. */
  readonly since: string;
  readonly lastError?: string;
  /** Events of this replica waiting for the log to be reachable again. */
  readonly waiting: number;
}

export interface Backplane {
  /**
   * Adds an event to the log every replica reads; never throws. Resolves once the event is in
   * the log, or kept by this replica to be appended when the log can be reached again.
   */
  append(event: NewLoggedEvent): Promise<void>;
  /** Each event of the log once, in log order, from when this replica joined it. */
  onEvent(listener: (event: LoggedEvent) => void): void;
  /**
   * This replica may have missed the events after `after` up to and including `upTo` (it was
   * cut off from the log, and the log did not keep them); it reads on from `upTo`.
   */
  onGap(listener: (after: string | null, upTo: string) => void): void;
  /**
   * The events after `id`, oldest first; null when they cannot all be given (`id` is below the
   * floor, past the retention, or beyond the newest event) or the log cannot be reached.
   */
  since(id: string): Promise<LoggedEvent[] | null>;
  /** A valid cursor for "now": the newest event this replica has read, or the log's floor. */
  position(): string;
  /** True for the first claim of `key` within `ttlMs` (across replicas), unless one of `unlessAny` is claimed. */
  claim(key: string, ttlMs: number, unlessAny?: readonly string[]): Promise<boolean>;
  /** Sets `key` to `value` for `ttlMs` and returns what it held before (null if nothing). */
  swap(key: string, value: string, ttlMs: number): Promise<string | null>;
  /** Takes or renews the lease `key` for this replica; false while another replica holds it. */
  lease(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a lease of this replica up, so another replica may take it at once. */
  release(key: string): Promise<void>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Keeps `key` for `ttlMs` more, if it exists. */
  keep(key: string, ttlMs: number): Promise<void>;
  state(): BackplaneState;
  /** Resolves once events flow between replicas (at once in one process). */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

export interface LogBounds {
  /** How long the log keeps events for subscribers that resume. */
  retentionMs: number;
  /** The most events it keeps, whatever their age. */
  maxEvents: number;
}

/** Keys that expire, in one process. */
export class ExpiringMap {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  set(key: string, value: string, ttlMs: number): void {
    this.sweep();
    // Re-inserted at the end, so that the map stays roughly in expiry order for the sweep.
    this.entries.delete(key);
    this.entries.set(key, { value, expires: Date.now() + ttlMs });
  }

  keep(key: string, ttlMs: number): void {
    const value = this.get(key);
    if (value !== null) this.set(key, value, ttlMs);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops expired entries from the oldest on, so that claims of a busy webhook do not pile up. */
  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(key);
    }
  }
}

/** The shared state of the backplane, in one process: what a Redis backplane falls back to as well. */
export function localState(values = new ExpiringMap()): Pick<Backplane, 'claim' | 'swap' | 'lease' | 'release' | 'get' | 'set' | 'keep'> {
  return {
    async claim(key, ttlMs, unlessAny = []) {
      if (values.get(key) !== null || unlessAny.some((other) => values.get(other) !== null)) return false;
      values.set(key, '1', ttlMs);
      return true;
    },
    async swap(key, value, ttlMs) {
      const before = values.get(key);
      values.set(key, value, ttlMs);
      return before;
    },
    async lease() {
      return true;
    },
    async release() {},
    async get(key) {
      return values.get(key);
    },
    async set(key, value, ttlMs) {
      values.set(key, value, ttlMs);
    },
    async keep(key, ttlMs) {
      values.keep(key, ttlMs);
    },
  };
}

/** The first id of a log that begins now: every event appended later is above it. */
export function floorAt(ms: number): string {
  return `${Math.max(0, ms - 1)}-0`;
}

/** The floor of a log whose events older than `retentionMs` may be gone. */
export function retentionFloor(now: number, retentionMs: number): string {
  return `${Math.max(0, now - retentionMs)}-0`;
}

export function laterOf(a: string, b: string): string {
  return compareEventIds(a, b) >= 0 ? a : b;
}

export function createLocalBackplane(bounds: LogBounds): Backplane {
  const listeners: Array<(event: LoggedEvent) => void> = [];
  const log: LoggedEvent[] = [];
  const nextId = eventIdClock();
  const startedAt = new Date().toISOString();
  let floor = floorAt(Date.now());
  let read = floor;

  const trim = (): void => {
    const expired = retentionFloor(Date.now(), bounds.retentionMs);
    let drop = 0;
    while (drop < log.length && (log.length - drop > bounds.maxEvents || compareEventIds(log[drop]!.id, expired) < 0)) drop += 1;
    if (drop === 0) return;
    floor = laterOf(floor, log[drop - 1]!.id);
    log.splice(0, drop);
  };

  return {
    ...localState(),
    append(event) {
      const logged = { ...event, id: nextId(), occurredAt: event.occurredAt ?? new Date().toISOString() } as LoggedEvent;
      log.push(logged);
      trim();
      // Never inside the publisher's own call (a mutation's resolver): delivery runs later.
      setImmediate(() => {
        read = logged.id;
        for (const listener of listeners) listener(logged);
      });
      return Promise.resolve();
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    onGap() {},
    async since(id) {
      trim();
      const newest = log.at(-1)?.id ?? floor;
      if (!parseEventId(id) || compareEventIds(id, floor) < 0 || compareEventIds(id, newest) > 0) return null;
      let low = 0;
      let high = log.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (compareEventIds(log[middle]!.id, id) <= 0) low = middle + 1;
        else high = middle;
      }
      return log.slice(low);
    },
    position: () => laterOf(read, floor),
    state: () => ({ mode: 'local', connected: true, since: startedAt, waiting: 0 }),
    async ready() {},
    async stop() {},
  };
}

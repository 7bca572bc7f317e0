/**
 * What replicas share for live events: a channel every replica hears, one-time claims (a webhook
 * body seen once), leases (one replica polls a watched case) and small values. In one process
 * (no REDIS_URL) it is all local; src/live/redisBackplane.ts shares it through Redis.
 */
import type { LiveEvent } from '../domain/events.js';

export interface Backplane {
  /** Sends an event to every replica, this one included (the listeners of `onEvent`); never throws. */
  publish(event: LiveEvent): void;
  onEvent(listener: (event: LiveEvent) => void): void;
  /** True for the first claim of `key` within `ttlMs`, across replicas. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Takes or renews the lease `key` for this replica; false while another replica holds it. */
  lease(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a lease of this replica up, so another replica may take it at once. */
  release(key: string): Promise<void>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Resolves once events flow between replicas (at once in one process). */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

/** Keys that expire, in one process. */
class ExpiringMap {
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

export function createLocalBackplane(): Backplane {
  const listeners: Array<(event: LiveEvent) => void> = [];
  const values = new ExpiringMap();
  return {
    publish(event) {
      // Never inside the publisher's own call (a mutation's resolver): delivery runs later.
      setImmediate(() => {
        for (const listener of listeners) listener(event);
      });
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    async claimOnce(key, ttlMs) {
      if (values.get(key) !== null) return false;
      values.set(key, '1', ttlMs);
      return true;
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
    async ready() {},
    async stop() {},
  };
}

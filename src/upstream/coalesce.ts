/**
 * In-flight coalescing of upstream reads across requests: concurrent identical GETs of one
 * credential share one call, and so its parsing and normalisation. Not a cache: an entry lives
 * while its call is in flight and goes when it settles.
 *
 * Safety rules:
 * - the key holds a hash of the credential (never the credential): callers with different keys
 *   never share, even for the same URL;
 * - read-your-writes: when a caller starts a write, its reads in flight are closed to newcomers,
 *   so its later reads go out fresh;
 * - a caller who goes away only leaves; the call is abandoned when every caller has gone;
 * - the shared call is one ordinary upstream call: time-out, retries and breaker apply as usual.
 */
import { createHash } from 'node:crypto';
import { cancelledError } from './errors.js';

interface Entry {
  promise: Promise<unknown>;
  waiters: number;
  settled: boolean;
  controller: AbortController;
}

export interface Coalescer {
  /**
   * The shared answer of the read `key` for the credential of that hash (`credentialHash`),
   * starting the call with `send` when none is in flight. `cancel` lets this caller leave early.
   */
  read(hash: string, key: string, send: (signal: AbortSignal) => Promise<unknown>, cancel?: AbortSignal): Promise<unknown>;
  /** The credential of that hash starts a write: its reads already in flight take no more joiners. */
  writeStarted(hash: string): void;
  /** Reads in flight, for tests and metrics. */
  inFlight(): number;
}

/** The map key of a credential: its SHA-256, so the key itself is never held here. */
export function credentialHash(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url');
}

export function createCoalescer(): Coalescer {
  const groups = new Map<string, Map<string, Entry>>();

  const forget = (hash: string, key: string, entry: Entry): void => {
    const group = groups.get(hash);
    if (group?.get(key) !== entry) return;
    group.delete(key);
    if (group.size === 0) groups.delete(hash);
  };

  return {
    read(hash, key, send, cancel) {
      if (cancel?.aborted) return Promise.reject(cancelledError());
      let group = groups.get(hash);
      if (!group) groups.set(hash, (group = new Map()));
      let entry = group.get(key);
      if (!entry) {
        const controller = new AbortController();
        const fresh: Entry = { waiters: 0, settled: false, controller, promise: Promise.resolve() };
        fresh.promise = send(controller.signal).finally(() => {
          fresh.settled = true;
          forget(hash, key, fresh);
        });
        // Followers attach their own handlers; this one keeps an unobserved failure quiet.
        fresh.promise.catch(() => {});
        group.set(key, fresh);
        entry = fresh;
      }
      const joined = entry;
      joined.waiters += 1;
      return new Promise((resolve, reject) => {
        let left = false;
        const leave = (): void => {
          if (left) return;
          left = true;
          joined.waiters -= 1;
          cancel?.removeEventListener('abort', onCancel);
        };
        const onCancel = (): void => {
          leave();
          reject(cancelledError());
          if (joined.waiters === 0 && !joined.settled) {
            forget(hash, key, joined);
            joined.controller.abort();
          }
        };
        cancel?.addEventListener('abort', onCancel, { once: true });
        joined.promise.then(
          (value) => {
            if (left) return;
            leave();
            resolve(value);
          },
          (error: unknown) => {
            if (left) return;
            leave();
            reject(error);
          },
        );
      });
    },
    writeStarted(hash) {
      groups.delete(hash);
    },
    inFlight() {
      let count = 0;
      for (const group of groups.values()) count += group.size;
      return count;
    },
  };
}

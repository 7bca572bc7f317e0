/**
 * In-flight coalescing of upstream reads across requests: concurrent identical GETs of one
 * credential share one call, and so its parsing and normalisation. Not a cache: an entry lives
 * while its call is in flight and goes when it settles.
 *
 * Safety rules:
 * - the key holds a hash of the credential (never the credential): callers with different keys
 *   never share, even for the same URL;
 * - read-your-writes: when a caller starts a write, its reads in flight are closed to newcomers,
 *   and until the write is answered its reads are not shared at all, so nothing a read returns
 *   after a write can have been read before it finished;
 * - a caller who goes away only leaves; the call is abandoned when every caller has gone;
 * - the shared call is one ordinary upstream call: time-out, retries and breaker apply as usual.
 */
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
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
  /**
   * The credential of that hash starts a write: its reads in flight take no more joiners, and its
   * reads go unshared until the returned function says the write is over.
   */
  writeStarted(hash: string): () => void;
}

/** The map key of a credential: its SHA-256, so the key itself is never held here. */
export function credentialHash(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url');
}

export function createCoalescer(): Coalescer {
  const groups = new Map<string, Map<string, Entry>>();
  // Writes in flight per credential hash; an entry lives only while one is.
  const writing = new Map<string, number>();

  const forget = (hash: string, key: string, entry: Entry): void => {
    const group = groups.get(hash);
    if (group?.get(key) !== entry) return;
    group.delete(key);
    if (group.size === 0) groups.delete(hash);
  };

  return {
    read(hash, key, send, cancel) {
      if (cancel?.aborted) return Promise.reject(cancelledError());
      if (writing.has(hash)) return send(cancel ?? new AbortController().signal);
      let group = groups.get(hash);
      if (!group) groups.set(hash, (group = new Map()));
      let entry = group.get(key);
      if (!entry) {
        const controller = new AbortController();
        // A shared query's execution hands this signal to all its reads: many listeners are normal.
        setMaxListeners(0, controller.signal);
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
      writing.set(hash, (writing.get(hash) ?? 0) + 1);
      let over = false;
      return () => {
        if (over) return;
        over = true;
        const left = (writing.get(hash) ?? 1) - 1;
        if (left > 0) writing.set(hash, left);
        else writing.delete(hash);
        groups.delete(hash);
      };
    },
  };
}

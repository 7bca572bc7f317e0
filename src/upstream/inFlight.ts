/**
 * Work in flight that later callers join instead of starting again: a read of one credential
 * (src/upstream/readPath.ts), a whole GraphQL execution of one caller (server/execution/operationSharing.ts).
 * Each caller may leave through its own signal; the work's own signal fires only when every
 * caller has left, so the first one hanging up fails nobody else.
 */
import { setMaxListeners } from 'node:events';
import { cancelledError } from './errors.js';

export interface Joined<T> {
  value: T;
  /** True for the caller that started the work; false for one that joined it. */
  started: boolean;
}

export interface InFlight {
  /** Joins the work in flight for `key`, or starts it with `start`. */
  join<T>(key: string, start: (signal: AbortSignal) => Promise<T>, cancel?: AbortSignal): Promise<Joined<T>>;
  /** Work started so far takes no newcomers: they start afresh. */
  closeToNewcomers(): void;
  /** Keys in flight. */
  readonly size: number;
}

interface Entry {
  promise: Promise<unknown>;
  waiters: number;
  settled: boolean;
  controller: AbortController;
}

/** `onSettled` is told when a piece of work ends, so an owner can let go of an idle table. */
export function createInFlight(onSettled: () => void = () => {}): InFlight {
  const entries = new Map<string, Entry>();
  return {
    get size() {
      return entries.size;
    },
    closeToNewcomers: () => entries.clear(),
    join<T>(key: string, start: (signal: AbortSignal) => Promise<T>, cancel?: AbortSignal): Promise<Joined<T>> {
      if (cancel?.aborted) return Promise.reject(cancelledError());
      let started = false;
      let entry = entries.get(key);
      if (!entry) {
        started = true;
        const controller = new AbortController();
        // Shared work hands this signal to all of its reads: many listeners are normal.
        setMaxListeners(0, controller.signal);
        const fresh: Entry = { waiters: 0, settled: false, controller, promise: Promise.resolve() };
        fresh.promise = start(controller.signal).finally(() => {
          fresh.settled = true;
          if (entries.get(key) === fresh) entries.delete(key);
          onSettled();
        });
        // Joiners attach their own handlers; this one keeps an unobserved failure quiet.
        fresh.promise.catch(() => {});
        entries.set(key, fresh);
        entry = fresh;
      }
      const joined = entry;
      joined.waiters += 1;
      return new Promise((resolve, reject) => {
        let left = false;
        const leave = (): void => {
          left = true;
          joined.waiters -= 1;
          cancel?.removeEventListener('abort', onCancel);
        };
        const onCancel = (): void => {
          if (left) return;
          leave();
          reject(cancelledError());
          if (joined.waiters === 0 && !joined.settled) {
            if (entries.get(key) === joined) entries.delete(key);
            joined.controller.abort();
          }
        };
        cancel?.addEventListener('abort', onCancel, { once: true });
        joined.promise.then(
          (value) => {
            if (left) return;
            leave();
            resolve({ value: value as T, started });
          },
          (error: unknown) => {
            if (left) return;
            leave();
            reject(error);
          },
        );
      });
    },
  };
}

/**
 * One subscriber's events as an async iterator: a bounded queue in front of a consumer that
 * takes one event at a time (the subscriber's read and send). `return()` ends it at once, also
 * while the consumer waits, which an async generator cannot do.
 */
export interface EventStream<T> extends AsyncIterableIterator<T> {
  push(event: T): void;
  /** The last event the consumer took; undefined before the first. */
  lastTaken(): T | undefined;
}

export interface StreamOptions<T> {
  /** Events held for a slow consumer. */
  maxQueued: number;
  /**
   * When the queue is full: what stands for all of `dropped` (they are let go), or null to let
   * only the oldest go. Its result is queued first, before the event that did not fit.
   */
  overflow(dropped: readonly T[]): T | null;
  /** Called once, when the consumer or the producer ends the stream. */
  onEnd: () => void;
}

export function createEventStream<T>(options: StreamOptions<T>): EventStream<T> {
  let queued: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let ended = false;
  let last: T | undefined;

  const end = (): IteratorResult<T> => {
    if (!ended) {
      ended = true;
      queued = [];
      options.onEnd();
    }
    const wake = waiting;
    waiting = null;
    wake?.({ value: undefined, done: true });
    return { value: undefined, done: true };
  };

  return {
    push(event) {
      if (ended) return;
      if (waiting) {
        const wake = waiting;
        waiting = null;
        last = event;
        wake({ value: event, done: false });
        return;
      }
      if (queued.length >= options.maxQueued) {
        const marker = options.overflow(queued);
        queued = marker === null ? queued.slice(1) : [marker];
      }
      queued.push(event);
    },
    next() {
      if (ended) return Promise.resolve({ value: undefined, done: true });
      if (queued.length > 0) {
        last = queued.shift() as T;
        return Promise.resolve({ value: last, done: false });
      }
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    lastTaken: () => last,
    return() {
      return Promise.resolve(end());
    },
    throw(error?: unknown) {
      end();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * One subscriber's events as an async iterator: a bounded queue in front of a consumer that
 * takes one event at a time (the subscriber's read and send). `return()` ends it at once, also
 * while the consumer waits, which an async generator cannot do.
 */
export interface EventStream<T> extends AsyncIterableIterator<T> {
  push(event: T): void;
}

export interface StreamOptions {
  /** Events held for a slow consumer; past this the oldest is dropped. */
  maxQueued: number;
  onDrop: () => void;
  /** Called once, when the consumer or the producer ends the stream. */
  onEnd: () => void;
}

export function createEventStream<T>(options: StreamOptions): EventStream<T> {
  const queued: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let ended = false;

  const end = (): IteratorResult<T> => {
    if (!ended) {
      ended = true;
      queued.length = 0;
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
        wake({ value: event, done: false });
        return;
      }
      if (queued.length >= options.maxQueued) {
        queued.shift();
        options.onDrop();
      }
      queued.push(event);
    },
    next() {
      if (ended) return Promise.resolve({ value: undefined, done: true });
      if (queued.length > 0) return Promise.resolve({ value: queued.shift() as T, done: false });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
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

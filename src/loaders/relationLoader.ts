/**
 * A DataLoader for records that the upstream reads one id at a time with optional embedded
 * relations (`GET /x/{id}?relations=a&relations=b`). Within one tick, every relation any resolver
 * asked for on the same id is merged into one call; a record read elsewhere (a list, a parent)
 * primes the relations it embeds, so nothing is fetched twice.
 */
import DataLoader from 'dataloader';
import type { LoaderOptions } from './index.js';

export interface RelationLoader<R extends string, T> {
  /** The record with at least `relations` embedded. */
  load(id: string, relations?: readonly R[]): Promise<T>;
  /** Seeds the cache with a record read elsewhere that embeds `relations`. */
  prime(id: string, record: T, relations: readonly R[]): void;
  /** Forgets an id, after a mutation changed it. */
  clear(id: string): void;
  /** Forgets everything, after a mutation whose reach is unknown. */
  clearAll(): void;
  /**
   * Sends the loads asked for so far now, instead of when the current execution yields: a
   * planned prefetch then goes out before graphql-js has walked the rest of the page.
   */
  flush(): void;
}

// The key of a record without any relation, i.e. its columns.
const COLUMNS = '';
const SEPARATOR = '\n';

export function createRelationLoader<R extends string, T>(
  name: string,
  fetch: (id: string, relations: R[]) => Promise<T>,
  options: LoaderOptions,
): RelationLoader<R, T> {
  const keysById = new Map<string, Set<string>>();
  const keyOf = (id: string, relation: R | typeof COLUMNS): string => {
    const key = `${id}${SEPARATOR}${relation}`;
    let keys = keysById.get(id);
    if (!keys) keysById.set(id, (keys = new Set()));
    keys.add(key);
    return key;
  };
  const split = (key: string): [string, R | typeof COLUMNS] => {
    const at = key.indexOf(SEPARATOR);
    return [key.slice(0, at), key.slice(at + 1) as R | typeof COLUMNS];
  };

  // Primed records wait here, not in DataLoader: priming a page of cases would otherwise make a
  // resolved promise per case and relation for reads that mostly never come.
  const primed = new Map<string, T>();

  // DataLoader's own schedule (after the pending promise jobs), plus a way to run it early.
  let scheduled: (() => void) | null = null;
  const batchScheduleFn = (dispatch: () => void): void => {
    scheduled = dispatch;
    void Promise.resolve().then(() =>
      process.nextTick(() => {
        if (scheduled !== dispatch) return;
        scheduled = null;
        dispatch();
      }),
    );
  };

  const loader = new DataLoader<string, T>(async (keys) => {
    options.onBatch?.(name, keys.length);
    const wanted = new Map<string, Set<R>>();
    for (const key of keys) {
      const [id, relation] = split(key);
      let relations = wanted.get(id);
      if (!relations) wanted.set(id, (relations = new Set()));
      if (relation !== COLUMNS) relations.add(relation);
    }
    const reads = new Map<string, Promise<T | Error>>();
    for (const [id, relations] of wanted) {
      reads.set(
        id,
        fetch(id, [...relations]).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      );
    }
    return Promise.all(keys.map((key) => reads.get(split(key)[0]) as Promise<T | Error>));
  }, options.batch ? { batchScheduleFn } : { batch: false, cache: false });

  const loadKey = (key: string): Promise<T> => {
    const ready = primed.get(key);
    return ready === undefined ? loader.load(key) : Promise.resolve(ready);
  };

  return {
    load(id, relations = []) {
      if (relations.length === 0) return loadKey(keyOf(id, COLUMNS));
      // Relations cached from different reads sit on different records: merge them into one.
      return Promise.all(relations.map((relation) => loadKey(keyOf(id, relation)))).then((records) =>
        records.every((record) => record === records[0]) ? (records[0] as T) : (Object.assign({}, ...records) as T),
      );
    },
    prime(id, record, relations) {
      if (!options.batch) return;
      for (const relation of [COLUMNS as R | typeof COLUMNS, ...relations]) {
        const key = keyOf(id, relation);
        if (!primed.has(key)) primed.set(key, record);
      }
    },
    clear(id) {
      for (const key of keysById.get(id) ?? []) {
        loader.clear(key);
        primed.delete(key);
      }
      keysById.delete(id);
    },
    clearAll() {
      loader.clearAll();
      primed.clear();
      keysById.clear();
    },
    flush() {
      const dispatch = scheduled;
      scheduled = null;
      dispatch?.();
    },
  };
}

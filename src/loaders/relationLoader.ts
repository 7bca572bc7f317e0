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
  }, options.batch ? {} : { batch: false, cache: false });

  return {
    load(id, relations = []) {
      if (relations.length === 0) return loader.load(keyOf(id, COLUMNS));
      // Relations cached from different reads sit on different records: merge them into one.
      return Promise.all(relations.map((relation) => loader.load(keyOf(id, relation)))).then((records) =>
        records.every((record) => record === records[0]) ? (records[0] as T) : (Object.assign({}, ...records) as T),
      );
    },
    prime(id, record, relations) {
      loader.prime(keyOf(id, COLUMNS), record);
      for (const relation of relations) loader.prime(keyOf(id, relation), record);
    },
    clear(id) {
      for (const key of keysById.get(id) ?? []) loader.clear(key);
      keysById.delete(id);
    },
    clearAll() {
      loader.clearAll();
      keysById.clear();
    },
  };
}

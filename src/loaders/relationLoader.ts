/**
 * A DataLoader for records that the upstream reads one id at a time with optional embedded
 * relations (`GET /x/{id}?relations=a&relations=b`). Within one tick, every relation any resolver
 * asked for on the same id is merged into one call; a record read elsewhere (a list, a parent)
 * is primed for the relations it embeds, so nothing is fetched twice.
 */
import DataLoader from 'dataloader';
import type { RelationLoader } from '../domain/context.js';
import type { Clearable } from './clearable.js';
import { flushableSchedule } from './schedule.js';

export type ClearableRelationLoader<R extends string, T> = RelationLoader<R, T> & Clearable;

// The key of a record without any relation, i.e. its columns.
const COLUMNS = '';
const SEPARATOR = '\n';

export function createRelationLoader<R extends string, T>(
  name: string,
  fetch: (id: string, relations: R[]) => Promise<T>,
  onBatch?: (loader: string, size: number) => void,
): ClearableRelationLoader<R, T> {
  // DataLoader clears by key; a record's keys (one per relation) are found here to clear an id.
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

  const schedule = flushableSchedule();

  const loader = new DataLoader<string, T>(
    async (keys) => {
      onBatch?.(name, keys.length);
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
    },
    { batchScheduleFn: schedule.batchScheduleFn },
  );

  return {
    load(id, relations = []) {
      // Every read of a record carries its columns: any one asked for already will do.
      if (relations.length === 0) return loader.load(keysById.get(id)?.values().next().value ?? keyOf(id, COLUMNS));
      // Relations read by different calls sit on different records: merge them into one.
      return Promise.all(relations.map((relation) => loader.load(keyOf(id, relation)))).then((records) =>
        records.every((record) => record === records[0]) ? (records[0] as T) : (Object.assign({}, ...records) as T),
      );
    },
    prime(id, record, relations) {
      for (const relation of [COLUMNS as R | typeof COLUMNS, ...relations]) loader.prime(keyOf(id, relation), record);
    },
    flush: schedule.flush,
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

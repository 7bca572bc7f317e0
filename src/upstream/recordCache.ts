/**
 * The record cache: answers of reads of records that change slowly (contacts, agents,
 * departments, notes), kept beyond their request, per credential hash (a key never reads what
 * another key's read put here). The read path consults it below the loaders
 * (src/upstream/readPath.ts); the records are the same readonly records a request shares today.
 *
 * Freshness: an entry lives for its type's maxAge (the SDL's `@cacheControl`, capped by the
 * operator) and is never served older. In the last quarter of its life a hit also starts one
 * read in the background that replaces it (stale-while-revalidate, inside maxAge only).
 *
 * Kept fresh by changes: an entry holds records (`Touched`), and a change that names one of them
 * drops it at once, for every credential (all keys of a deployment read one account): the
 * gateway's own writes, before their answer returns, and what the live layer hears (webhooks,
 * polls, the other replicas' writes). `invalidate` also hands a change made here to the relays
 * (the live layer, which passes it to the other replicas); `drop` does not. A read that a change
 * of the kinds it holds overlapped is not kept: its answer may predate the change.
 *
 * Bounded in entries and in bytes (an estimate of the heap an entry holds: twice its JSON length,
 * plus its key and a fixed overhead). Past either bound, the least recently used entry of the
 * credential that holds the most bytes goes, so no key pushes out another's records while it holds
 * more itself.
 */
import type { Cacheable, CachedType } from '../domain/context.js';
import type { RecordKind, Touched } from '../domain/touches.js';

/** Why entries were dropped before their time, for the metrics. */
export type InvalidationCause = 'write' | 'webhook' | 'poll' | 'events-lost' | 'key-rejected';

export interface RecordCacheObserver {
  hit(type: CachedType): void;
  miss(type: CachedType): void;
  /** Entries pushed out to keep the bounds. */
  evicted(count: number): void;
  /** Entries dropped because a change named a record they hold. */
  invalidated(cause: InvalidationCause, count: number): void;
}

export interface RecordCacheOptions {
  /** Seconds each type's records may be kept (its maxAge, capped); 0 keeps none of that type. */
  maxAgeS: Readonly<Record<CachedType, number>>;
  maxEntries: number;
  maxBytes: number;
  observer?: RecordCacheObserver;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
}

/** A cached answer; `refresh` is true for the one hit that should read it again in the background. */
export interface Hit<T> {
  readonly value: T;
  readonly refresh: boolean;
}

/** Where the cache stood when a read began, so that a change during the read keeps its answer out. */
export type Ticket = number & { readonly __ticket: unique symbol };

/** Passes a change made here on to the other replicas; settles once it is on its way. */
export type Relay = (touched: ReadonlyArray<Touched>, cause: 'write' | 'poll') => Promise<void>;

export interface RecordCache {
  /** The answer kept for `key` of the credential `hash`, if it is younger than its maxAge. */
  lookup<T>(hash: string, key: string, type: CachedType): Hit<T> | undefined;
  /** To be taken when the read that may fill an entry is sent. */
  ticket(): Ticket;
  /** Keeps a read's answer, unless a change of what it holds came after `ticket`. */
  store<T>(hash: string, key: string, value: T, cacheable: Cacheable<T>, ticket: Ticket): void;
  /** Drops what `touched` names, here only (a change the log brought, or a write just begun). */
  drop(touched: ReadonlyArray<Touched>, cause: InvalidationCause): void;
  /** Drops what `touched` names, here and, through the relays, on the other replicas. */
  invalidate(touched: ReadonlyArray<Touched>, cause: 'write' | 'poll'): Promise<void>;
  /** Drops every entry of the credential `hash`. */
  forget(hash: string, cause: InvalidationCause): void;
  /** Drops everything: changes may have been missed (counted under `cause`, when given). */
  clear(cause?: InvalidationCause): void;
  /** Adds a relay for the changes made here. */
  relay(relay: Relay): void;
  size(): { entries: number; bytes: number };
  /** Ends the sweep of expired entries. */
  stop(): void;
}

/** Kinds an entry may hold: cases and messages change too often to be kept beyond a request. */
const KEPT_KINDS: ReadonlySet<RecordKind> = new Set<RecordKind>(['contact', 'user', 'note']);
/** The part of an entry's life after which a hit also reads it again in the background. */
const REFRESH_AFTER = 0.75;
/** What an entry costs beside its value: its maps, tags and bookkeeping. */
const ENTRY_OVERHEAD_BYTES = 256;
const SWEEP_EVERY_MS = 30_000;

interface Entry {
  readonly hash: string;
  readonly key: string;
  readonly value: unknown;
  readonly tags: readonly string[];
  readonly kinds: ReadonlySet<RecordKind>;
  readonly bytes: number;
  readonly refreshAt: number;
  readonly expiresAt: number;
  refreshing: boolean;
}

interface Partition {
  /** In use order: the least recently used first. */
  readonly entries: Map<string, Entry>;
  bytes: number;
}

const tagOf = (kind: RecordKind, id: string): string => `${kind}:${id}`;

export function createRecordCache(options: RecordCacheOptions): RecordCache {
  const now = options.now ?? Date.now;
  const observer = options.observer;
  const partitions = new Map<string, Partition>();
  const byTag = new Map<string, Set<Entry>>();
  const byKind = new Map<RecordKind, Set<Entry>>();
  const relays: Relay[] = [];
  let entries = 0;
  let bytes = 0;
  // Changes are numbered; a read's ticket is the number when it began.
  let changes = 0;
  let clearedAt = 0;
  const changedAt = new Map<RecordKind, number>();

  const index = <K>(map: Map<K, Set<Entry>>, key: K, entry: Entry): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(entry);
  };
  const unindex = <K>(map: Map<K, Set<Entry>>, key: K, entry: Entry): void => {
    const set = map.get(key);
    if (!set) return;
    set.delete(entry);
    if (set.size === 0) map.delete(key);
  };

  const remove = (entry: Entry): void => {
    const partition = partitions.get(entry.hash);
    if (!partition || partition.entries.get(entry.key) !== entry) return;
    partition.entries.delete(entry.key);
    partition.bytes -= entry.bytes;
    if (partition.entries.size === 0) partitions.delete(entry.hash);
    entries -= 1;
    bytes -= entry.bytes;
    for (const tag of entry.tags) unindex(byTag, tag, entry);
    for (const kind of entry.kinds) unindex(byKind, kind, entry);
  };

  /** The least recently used entry of the partition that holds the most bytes. */
  const victim = (): Entry | undefined => {
    let largest: Partition | undefined;
    for (const partition of partitions.values()) if (!largest || partition.bytes > largest.bytes) largest = partition;
    return largest?.entries.values().next().value;
  };

  const sweep = (): void => {
    const at = now();
    for (const partition of [...partitions.values()]) {
      for (const entry of [...partition.entries.values()]) if (entry.expiresAt <= at) remove(entry);
    }
  };
  const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
  sweeper.unref();

  function drop(touched: ReadonlyArray<Touched>, cause: InvalidationCause): void {
    changes += 1;
    const doomed = new Set<Entry>();
    for (const { kind, id } of touched) {
      changedAt.set(kind, changes);
      const named = id === undefined ? byKind.get(kind) : byTag.get(tagOf(kind, id));
      for (const entry of named ?? []) doomed.add(entry);
    }
    for (const entry of doomed) remove(entry);
    if (doomed.size > 0) observer?.invalidated(cause, doomed.size);
  }

  return {
    lookup<T>(hash: string, key: string, type: CachedType): Hit<T> | undefined {
      const partition = partitions.get(hash);
      const entry = partition?.entries.get(key);
      const at = now();
      if (!partition || !entry || entry.expiresAt <= at) {
        if (entry) remove(entry);
        observer?.miss(type);
        return undefined;
      }
      // Most recently used last.
      partition.entries.delete(key);
      partition.entries.set(key, entry);
      observer?.hit(type);
      const refresh = !entry.refreshing && at >= entry.refreshAt;
      if (refresh) entry.refreshing = true;
      return { value: entry.value as T, refresh };
    },

    ticket: () => changes as Ticket,

    store<T>(hash: string, key: string, value: T, cacheable: Cacheable<T>, ticket: Ticket): void {
      const maxAgeMs = (options.maxAgeS[cacheable.type] ?? 0) * 1000;
      if (maxAgeMs <= 0 || clearedAt > ticket) return;
      const held = cacheable.holds(value);
      const kinds = new Set(held.map((touched) => touched.kind));
      for (const kind of kinds) if (!KEPT_KINDS.has(kind) || (changedAt.get(kind) ?? 0) > ticket) return;
      const size = 2 * (JSON.stringify(value)?.length ?? 0) + 2 * key.length + ENTRY_OVERHEAD_BYTES;
      if (size > options.maxBytes) return;
      const at = now();
      const entry: Entry = {
        hash,
        key,
        value,
        tags: [...new Set(held.flatMap(({ kind, id }) => (id === undefined ? [] : [tagOf(kind, id)])))],
        kinds,
        bytes: size,
        refreshAt: at + maxAgeMs * REFRESH_AFTER,
        expiresAt: at + maxAgeMs,
        refreshing: false,
      };
      let partition = partitions.get(hash);
      const before = partition?.entries.get(key);
      if (before) remove(before);
      partition = partitions.get(hash);
      if (!partition) partitions.set(hash, (partition = { entries: new Map(), bytes: 0 }));
      partition.entries.set(key, entry);
      partition.bytes += size;
      entries += 1;
      bytes += size;
      for (const tag of entry.tags) index(byTag, tag, entry);
      for (const kind of kinds) index(byKind, kind, entry);
      let evicted = 0;
      while (entries > options.maxEntries || bytes > options.maxBytes) {
        const out = victim();
        if (!out) break;
        remove(out);
        evicted += 1;
      }
      if (evicted > 0) observer?.evicted(evicted);
    },

    drop,

    async invalidate(touched, cause) {
      drop(touched, cause);
      const kept = touched.filter(({ kind }) => KEPT_KINDS.has(kind));
      if (kept.length === 0) return;
      await Promise.all(relays.map((relay) => relay(kept, cause)));
    },

    forget(hash, cause) {
      const partition = partitions.get(hash);
      if (!partition) return;
      const count = partition.entries.size;
      for (const entry of [...partition.entries.values()]) remove(entry);
      observer?.invalidated(cause, count);
    },

    clear(cause) {
      changes += 1;
      clearedAt = changes;
      const count = entries;
      for (const partition of [...partitions.values()]) for (const entry of [...partition.entries.values()]) remove(entry);
      if (count > 0 && cause !== undefined) observer?.invalidated(cause, count);
    },

    relay(relay) {
      relays.push(relay);
    },

    size: () => ({ entries, bytes }),

    stop() {
      clearInterval(sweeper);
    },
  };
}

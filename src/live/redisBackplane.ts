/**
 * The backplane over Redis (REDIS_URL), for several replicas: the event log is a Redis stream
 * that every replica appends to (XADD) and reads in order (XREAD), so every replica sees every
 * event once, in the same order, and a subscriber can resume after an id on any replica.
 *
 * When Redis cannot be reached, nothing is dropped quietly: this replica's own events reach its
 * own subscribers at once (with ids of this process, which resume nowhere else), and wait in an
 * outbox (bounded; past the bound the oldest go, and a gap is appended in their place) to be
 * appended when Redis is back, for the other replicas; this one skips them then, having given
 * them already. It reads on from the last event it read. If Redis
 * lost the stream meanwhile (restarted without persistence), the stream's floor says so, and the
 * replica reports a gap, so its subscribers get a RESYNC instead of silence. Claims and leases
 * fall back to this process while Redis is away. Losing and finding Redis again are logged with
 * its host and the error.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AGENT_AVAILABILITIES, CASE_STATUSES, PRESENCE_CHANNELS } from '../domain/enums.js';
import {
  CASE_EVENT_TYPES,
  EVENT_SOURCES,
  INVALIDATION_CAUSES,
  MAX_INVALIDATION_TOUCHES,
  MESSAGE_EVENT_TYPES,
  type LoggedEvent,
  type NewLoggedEvent,
} from '../domain/events.js';
import { RECORD_KINDS } from '../domain/touches.js';
import { localState, type Backplane, type BackplaneState, type LogBounds } from './backplane.js';
import { compareEventIds, eventIdClock, parseEventId } from './eventIds.js';
import type { LiveObserver } from './observer.js';

export interface RedisBackplaneOptions extends LogBounds {
  url: string;
  observer: LiveObserver;
  logger: Logger;
  /** How long `ready()` waits for Redis before the replica starts alone. */
  connectTimeoutMs?: number;
}

const PREFIX = 'acquire-gateway:';
const STREAM = `${PREFIX}live:log`;
const FLOOR = `${PREFIX}live:floor`;
/** Events of this replica that wait for Redis, at most; past it the oldest give way to a gap. */
const MAX_WAITING = 10_000;
/** Appends sent to Redis in one round trip. */
const APPEND_BATCH = 200;
/** Events read from the stream in one round trip. */
const READ_BATCH = 500;
/** How long one XREAD waits for new events before the loop looks again (and can stop). */
const READ_BLOCK_MS = 2_000;
const TRIM_EVERY_MS = 10_000;

// Scripts that set the floor call TIME and XADD *: effects replication (the default from Redis 7).
const EFFECTS = `if redis.replicate_commands then redis.replicate_commands() end`;
const ENSURE_FLOOR = `local floor = redis.call('GET', KEYS[2])
if not floor then
  local t = redis.call('TIME')
  floor = (tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - 1) .. '-0'
  redis.call('SET', KEYS[2], floor)
end`;
/** A log that begins (again) gets its floor: nothing before it can be replayed. */
const JOIN = `${EFFECTS}
${ENSURE_FLOOR}
local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
return {floor, newest[1] and newest[1][1] or false}`;
const APPEND = `${EFFECTS}
${ENSURE_FLOOR}
return redis.call('XADD', KEYS[1], '*', 'e', ARGV[1])`;
/** Drops what is past retention (or past the most events kept) and raises the floor over it. */
const TRIM = `local function parts(id) local ms, seq = string.match(id, '^(%d+)-(%d+)$') return tonumber(ms), tonumber(seq) end
local function later(a, b) local am, as = parts(a) local bm, bs = parts(b) if am > bm or (am == bm and as >= bs) then return a end return b end
redis.call('XTRIM', KEYS[1], 'MINID', '~', ARGV[1])
local floor = ARGV[1]
if redis.call('XLEN', KEYS[1]) > tonumber(ARGV[2]) then
  redis.call('XTRIM', KEYS[1], 'MAXLEN', ARGV[2])
  local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
  if first[1] then floor = later(floor, first[1][1]) end
end
local current = redis.call('GET', KEYS[2])
if current then floor = later(floor, current) end
redis.call('SET', KEYS[2], floor)
return floor`;
const CLAIM = `for i = 2, #KEYS do if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end end
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 1 end
return 0`;
// Takes the lease, or renews it when this replica holds it: one round trip, no race between the two.
const LEASE = `local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

const ID = /^\d{1,20}$/;
const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);
const isIdOrNull = (value: unknown): boolean => value === null || isId(value);
const oneOf = (values: readonly string[], value: unknown): boolean => typeof value === 'string' && values.includes(value);

/** An agent event's presence: absent, or an availability and channels each known or null. */
function isPresence(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { availability, channels } = value as Record<string, unknown>;
  const channelsOk = channels === null || (Array.isArray(channels) && channels.length <= PRESENCE_CHANNELS.length && channels.every((channel) => oneOf(PRESENCE_CHANNELS, channel)));
  return (availability === null || oneOf(AGENT_AVAILABILITIES, availability)) && channelsOk;
}

/** An invalidation's records: a bounded list of a known kind, each with an id or none (the whole kind). */
function isTouchedList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_INVALIDATION_TOUCHES &&
    value.every((touched: unknown) => {
      if (typeof touched !== 'object' || touched === null) return false;
      const { kind, id, ...rest } = touched as Record<string, unknown>;
      return oneOf(RECORD_KINDS, kind) && (id === undefined || isId(id)) && Object.keys(rest).length === 0;
    })
  );
}

/** An event as the stream holds it: `origin` names it, so that the replica that gave it already can skip it. */
interface Entry {
  event: LoggedEvent;
  origin: string | null;
}

/** Anyone who can reach the Redis can write to the stream: an event is checked like any other input. */
export function readEntry(id: string, text: string): Entry | null {
  const event = readEvent(id, text);
  if (!event) return null;
  const { origin, ...rest } = event as LoggedEvent & { origin?: unknown };
  return { event: rest as LoggedEvent, origin: typeof origin === 'string' ? origin : null };
}

function readEvent(id: string, text: string): LoggedEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !parseEventId(id)) return null;
  const event: Record<string, unknown> = { ...(value as Record<string, unknown>), id };
  if (typeof event.occurredAt !== 'string' || Number.isNaN(Date.parse(event.occurredAt))) return null;
  if (event.kind === 'gap') return event as unknown as LoggedEvent;
  if (event.kind === 'invalidation') {
    const replicaOk = typeof event.replica === 'string' && event.replica.length > 0 && event.replica.length <= 64;
    return oneOf(INVALIDATION_CAUSES, event.cause) && isTouchedList(event.touched) && replicaOk ? (event as unknown as LoggedEvent) : null;
  }
  if (!oneOf(EVENT_SOURCES, event.source) || (event.audience !== undefined && typeof event.audience !== 'string')) return null;
  switch (event.kind) {
    case 'case':
      return oneOf(CASE_EVENT_TYPES, event.type) &&
        isIdOrNull(event.caseId) &&
        isIdOrNull(event.contactId) &&
        (event.caseId !== null || event.contactId !== null) &&
        (event.status === undefined || oneOf(CASE_STATUSES, event.status))
        ? (event as unknown as LoggedEvent)
        : null;
    case 'message':
      return oneOf(MESSAGE_EVENT_TYPES, event.type) && isId(event.caseId) && isId(event.messageId) ? (event as unknown as LoggedEvent) : null;
    case 'agent':
      return isId(event.userId) && isPresence(event.presence) ? (event as unknown as LoggedEvent) : null;
    default:
      return null;
  }
}

/** Where Redis is, for logs and /readyz: host and port, never a password. */
export function redisTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'redis';
  }
}

type StreamReply = Array<[string, Array<[string, string[]]>]> | null;

export function createRedisBackplane(options: RedisBackplaneOptions): Backplane {
  const { observer, logger } = options;
  const target = redisTarget(options.url);
  const replica = randomUUID();
  const alone = localState();
  const listeners: Array<(event: LoggedEvent) => void> = [];
  const gapListeners: Array<(after: string | null, upTo: string) => void> = [];
  // Commands fail at once while disconnected (no offline queue): the replica then acts alone.
  const commands = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'acquire-gateway' });
  // XREAD BLOCK holds its connection: reading gets one of its own.
  const reader = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'acquire-gateway-log' });
  /** This replica's events not yet in the stream, oldest first; `kept` resolves their `append`. */
  const outbox: Array<{ text: string; origin: string; kept: () => void }> = [];
  /** Each append waiting to be in the stream is kept once it is, or once Redis is away (it then waits here). */
  const keepAll = (): void => {
    for (const entry of outbox) entry.kept();
  };
  /** Events this replica gave its own subscribers while Redis was away, by origin, until the stream brings them. */
  const givenAlone = new Set<string>();
  const aloneId = eventIdClock();
  let lostWaiting = false;
  let lastRead: string | null = null;
  let floor: string | null = null;
  let joined = false;
  let up = false;
  let upSince = new Date().toISOString();
  let lastError: string | undefined;
  let readyResolved = false;
  let stopping = false;
  let flushing = false;

  const connected = (): boolean => commands.status === 'ready' && reader.status === 'ready';
  const report = (): void => {
    const now = connected() && joined;
    if (now === up) return;
    up = now;
    upSince = new Date().toISOString();
    observer.backplaneUp(up);
    if (stopping) return;
    if (up) logger.info({ redis: target, waiting: outbox.length }, 'Redis: connected; live events reach every replica');
    else logger.warn({ redis: target, error: lastError ?? 'the connection was closed' }, 'Redis: unreachable; this replica keeps its events until it is back');
  };
  const failed = (error: Error): void => {
    lastError = error.message;
    observer.backplaneError();
    logger.debug({ redis: target, error: error.message }, 'Redis error');
    if (!connected()) joined = false;
    report();
  };
  for (const client of [commands, reader]) {
    client.on('error', failed);
    client.on('close', () => {
      // Redis shutting down closes the connection without an error: that is the reason then.
      lastError ??= 'the connection was closed';
      joined = false;
      report();
    });
    client.on('ready', () => void join());
  }

  const gap = (after: string | null, upTo: string): void => {
    logger.warn({ redis: target, after, upTo }, 'Redis: the event log lost events this replica had not read; its subscribers are told to refetch');
    for (const listener of gapListeners) listener(after, upTo);
  };

  /** (Re)joins the log: where to read on from, whether events were lost meanwhile, then the outbox. */
  let joining: Promise<void> | null = null;
  function join(): Promise<void> {
    joining ??= joinNow().finally(() => (joining = null));
    return joining;
  }
  async function joinNow(): Promise<void> {
    if (!connected() || joined) return;
    try {
      const [currentFloor, newest] = (await commands.eval(JOIN, 2, STREAM, FLOOR)) as [string, string | null];
      floor = currentFloor;
      if (lastRead === null) {
        lastRead = newest ?? currentFloor;
        // A replica that started alone may have subscribers that missed the others' events.
        if (readyResolved) gap(null, lastRead);
      } else if (compareEventIds(lastRead, currentFloor) < 0) {
        gap(lastRead, currentFloor);
        lastRead = currentFloor;
      }
      joined = true;
      lastError = undefined;
      report();
      void flush();
      void readLoop();
    } catch (error) {
      failed(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      while (up && outbox.length > 0) {
        if (lostWaiting) {
          await commands.eval(APPEND, 2, STREAM, FLOOR, JSON.stringify({ kind: 'gap', occurredAt: new Date().toISOString() }));
          lostWaiting = false;
        }
        const batch = outbox.slice(0, APPEND_BATCH);
        const pipeline = commands.pipeline();
        for (const entry of batch) pipeline.eval(APPEND, 2, STREAM, FLOOR, entry.text);
        const results = (await pipeline.exec()) ?? [];
        // Redis ran them in order: those before the first failure are in the log.
        const done = results.findIndex(([error]) => error !== null);
        for (const entry of outbox.splice(0, done === -1 ? batch.length : done)) entry.kept();
        observer.waiting(outbox.length);
        if (done !== -1) throw results[done]![0]!;
      }
    } catch (error) {
      failed(error instanceof Error ? error : new Error(String(error)));
      keepAll();
    } finally {
      flushing = false;
    }
  }

  let reading = false;
  async function readLoop(): Promise<void> {
    if (reading) return;
    reading = true;
    try {
      while (!stopping && joined && lastRead !== null) {
        let reply: StreamReply;
        try {
          reply = (await reader.xread('COUNT', READ_BATCH, 'BLOCK', READ_BLOCK_MS, 'STREAMS', STREAM, lastRead)) as StreamReply;
        } catch (error) {
          if (stopping) return;
          failed(error instanceof Error ? error : new Error(String(error)));
          // Connected still (a bad key, a busy Redis): try again; otherwise the next join reads on.
          await new Promise((resolve) => setTimeout(resolve, 500));
          continue;
        }
        for (const [, entries] of reply ?? []) {
          for (const [id, fields] of entries) {
            lastRead = id;
            const text = fields[fields.indexOf('e') + 1];
            const entry = text === undefined ? null : readEntry(id, text);
            if (!entry) {
              logger.warn({ id }, 'Redis: an unreadable live event was ignored');
              continue;
            }
            if (entry.origin !== null && givenAlone.delete(entry.origin)) continue;
            for (const listener of listeners) listener(entry.event);
          }
        }
      }
    } finally {
      reading = false;
    }
  }

  async function trim(): Promise<void> {
    if (!up) return;
    try {
      const cutoff = `${Math.max(0, Date.now() - options.retentionMs)}-0`;
      floor = (await commands.eval(TRIM, 2, STREAM, FLOOR, cutoff, options.maxEvents)) as string;
    } catch (error) {
      failed(error instanceof Error ? error : new Error(String(error)));
    }
  }
  const trimmer = setInterval(() => void trim(), TRIM_EVERY_MS);
  trimmer.unref();

  /** `shared()` through Redis, or `fallback()` in this replica when Redis cannot answer. */
  const either = async <T>(shared: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    if (!up) return fallback();
    try {
      return await shared();
    } catch (error) {
      failed(error instanceof Error ? error : new Error(String(error)));
      return fallback();
    }
  };
  const key = (name: string): string => `${PREFIX}${name}`;

  return {
    append(event: NewLoggedEvent) {
      const stamped = { ...event, occurredAt: event.occurredAt ?? new Date().toISOString() };
      const origin = randomUUID();
      let kept: () => void = () => {};
      const appended = new Promise<void>((resolve) => (kept = resolve));
      outbox.push({ text: JSON.stringify({ ...stamped, origin }), origin, kept });
      if (outbox.length > MAX_WAITING) {
        const dropped = outbox.shift()!;
        dropped.kept();
        givenAlone.delete(dropped.origin);
        lostWaiting = true;
        observer.lost();
      }
      if (!up) {
        givenAlone.add(origin);
        const given = { ...stamped, id: aloneId() } as LoggedEvent;
        // Never inside the publisher's own call, as with the log.
        setImmediate(() => {
          for (const listener of listeners) listener(given);
        });
      }
      observer.waiting(outbox.length);
      if (up) void flush();
      else kept();
      return appended;
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    onGap(listener) {
      gapListeners.push(listener);
    },
    async since(id) {
      if (!up || floor === null || !parseEventId(id)) return null;
      try {
        const currentFloor = (await commands.get(FLOOR)) ?? floor;
        const newest = (await commands.xrevrange(STREAM, '+', '-', 'COUNT', 1))[0]?.[0] ?? currentFloor;
        if (compareEventIds(id, currentFloor) < 0 || compareEventIds(id, newest) > 0) return null;
        const entries = await commands.xrange(STREAM, `(${id}`, '+', 'COUNT', options.maxEvents);
        return entries.flatMap(([entryId, fields]) => {
          const entry = readEntry(entryId, fields[fields.indexOf('e') + 1] ?? '');
          return entry ? [entry.event] : [];
        });
      } catch (error) {
        failed(error instanceof Error ? error : new Error(String(error)));
        return null;
      }
    },
    position: () => lastRead ?? floor ?? `${Date.now()}-0`,
    claim: (name, ttlMs, unlessAny = []) =>
      either(
        async () => Number(await commands.eval(CLAIM, 1 + unlessAny.length, key(name), ...unlessAny.map(key), ttlMs)) === 1,
        () => alone.claim(name, ttlMs, unlessAny),
      ),
    swap: (name, value, ttlMs) =>
      either(
        () => commands.set(key(name), value, 'PX', ttlMs, 'GET'),
        () => alone.swap(name, value, ttlMs),
      ),
    lease: (name, ttlMs) =>
      either(
        async () => Number(await commands.eval(LEASE, 1, key(name), replica, ttlMs)) === 1,
        () => alone.lease(name, ttlMs),
      ),
    release: (name) =>
      either(
        async () => {
          await commands.eval(RELEASE, 1, key(name), replica);
        },
        () => alone.release(name),
      ),
    get: (name) =>
      either(
        () => commands.get(key(name)),
        () => alone.get(name),
      ),
    set: (name, value, ttlMs) =>
      either(
        async () => {
          await commands.set(key(name), value, 'PX', ttlMs);
        },
        () => alone.set(name, value, ttlMs),
      ),
    keep: (name, ttlMs) =>
      either(
        async () => {
          await commands.pexpire(key(name), ttlMs);
        },
        () => alone.keep(name, ttlMs),
      ),
    state(): BackplaneState {
      return { mode: 'redis', connected: up, target, since: upSince, waiting: outbox.length, ...(lastError && !up ? { lastError } : {}) };
    },
    ready() {
      const waitMs = options.connectTimeoutMs ?? 5_000;
      const deadline = Date.now() + waitMs;
      return new Promise((resolve) => {
        const poll = (): void => {
          if (up || Date.now() >= deadline) {
            if (!up) logger.warn({ redis: target, error: lastError ?? 'no answer', waitedMs: waitMs }, 'Redis: not reachable at start; this replica starts alone and joins the others when it is');
            readyResolved = true;
            return resolve();
          }
          setTimeout(poll, 20);
        };
        poll();
      });
    },
    async stop() {
      stopping = true;
      clearInterval(trimmer);
      if (up) await flush();
      // The reader may be blocked in XREAD: a QUIT would wait behind it.
      reader.disconnect();
      await commands.quit().catch(() => commands.disconnect());
    },
  };
}

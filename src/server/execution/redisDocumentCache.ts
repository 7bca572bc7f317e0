/**
 * The cache of automatic persisted queries shared by the replicas through Redis (REDIS_URL), so a
 * hash registered on one replica is found on every other. Apollo's KeyValueCache over Keyv
 * (`@apollo/utils.keyvadapter`), with a Keyv store of our own over ioredis: the gateway already
 * speaks Redis through ioredis, and a second Redis client library would bring its own reconnection
 * rules. The store bounds what it holds: each document expires (GRAPHQL_APQ_TTL_SECONDS), and past
 * GRAPHQL_APQ_MAX_BYTES the entries closest to expiry (the oldest) are removed, all in one Lua
 * script so that replicas writing at once keep the count right.
 *
 * A connection of its own (not the live backplane's): loaded only with REDIS_URL. While Redis is
 * unreachable a lookup misses (the client then sends the whole document, as Apollo's protocol
 * provides) and a registration is dropped; the first failure is logged, and the next success.
 */
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { Redis } from 'ioredis';
import Keyv from 'keyv';
import type { Logger } from '../ops/logger.js';

// One hash tag: every key of the store sits in the same slot of a Redis cluster.
const PREFIX = 'acquire-gateway:{documents}:';
const INDEX = `${PREFIX}index`;
const SIZES = `${PREFIX}sizes`;
const TOTAL = `${PREFIX}bytes`;
const ENTRY = `${PREFIX}entry:`;

const FORGET = `local function forget(key)
  local size = tonumber(redis.call('HGET', KEYS[2], key) or '0')
  redis.call('HDEL', KEYS[2], key)
  redis.call('ZREM', KEYS[1], key)
  redis.call('DECRBY', KEYS[3], size)
end
`;

/** KEYS: index (entry -> expiry ms), sizes (entry -> bytes), total bytes, the entry. ARGV: value, ttl ms, max bytes. */
const SET = `${FORGET}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
for _, key in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)) do forget(key) end
if redis.call('HEXISTS', KEYS[2], KEYS[4]) == 1 then forget(KEYS[4]) end
local size = string.len(ARGV[1])
if size > max then redis.call('DEL', KEYS[4]) return 0 end
redis.call('SET', KEYS[4], ARGV[1], 'PX', ttl)
redis.call('ZADD', KEYS[1], now + ttl, KEYS[4])
redis.call('HSET', KEYS[2], KEYS[4], size)
local total = redis.call('INCRBY', KEYS[3], size)
while total > max do
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  if not oldest then break end
  forget(oldest)
  redis.call('DEL', oldest)
  total = tonumber(redis.call('GET', KEYS[3]))
end
return 1`;

/** KEYS: index, sizes, total, the entry. */
const DELETE = `${FORGET}
forget(KEYS[4])
return redis.call('DEL', KEYS[4])`;

/** KEYS: index, sizes, total. */
const CLEAR = `for _, key in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do redis.call('DEL', key) end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
return 1`;

export interface RedisDocumentCacheOptions {
  url: string;
  /** Kept this long after registration unless Apollo asks otherwise. */
  ttlSeconds: number;
  maxBytes: number;
  logger: Logger;
}

export interface RedisDocumentCache {
  cache: KeyValueCache<string>;
  /** Resolves once connected, or after `timeoutMs` (logged): the replica then starts with lookups missing. */
  ready(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export function createRedisDocumentCache(options: RedisDocumentCacheOptions): RedisDocumentCache {
  // Fails at once while disconnected, and never holds a request longer than a short round trip.
  const redis = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000, connectionName: 'acquire-gateway-documents' });
  redis.on('error', () => {});
  const keys = (key: string): [string, string, string, string] => [INDEX, SIZES, TOTAL, `${ENTRY}${key}`];
  // Keyv's own view of a store: the Map-like methods, and getMany for Apollo's batched reads.
  const store = {
    async get(key: string): Promise<string | undefined> {
      return (await redis.get(`${ENTRY}${key}`)) ?? undefined;
    },
    async getMany(list: string[]): Promise<Array<string | undefined>> {
      if (list.length === 0) return [];
      return (await redis.mget(list.map((key) => `${ENTRY}${key}`))).map((value) => value ?? undefined);
    },
    async set(key: string, value: string, ttlMs?: number): Promise<boolean> {
      const ttl = typeof ttlMs === 'number' && ttlMs > 0 ? Math.ceil(ttlMs) : options.ttlSeconds * 1000;
      return (await redis.eval(SET, 4, ...keys(key), value, ttl, options.maxBytes)) === 1;
    },
    async delete(key: string): Promise<boolean> {
      return (await redis.eval(DELETE, 4, ...keys(key))) === 1;
    },
    async clear(): Promise<void> {
      await redis.eval(CLEAR, 3, INDEX, SIZES, TOTAL);
    },
  };
  const keyv = new Keyv<string>({ store, useKeyPrefix: false });
  // The adapter's types name Keyv's CommonJS declarations and ours its ES module ones: the same class.
  const adapter = new KeyvAdapter<string>(keyv as unknown as ConstructorParameters<typeof KeyvAdapter<string>>[0]);
  let failing = false;
  const outcome = <T>(work: Promise<T>, fallback: T, what: string): Promise<T> =>
    work.then(
      (value) => {
        if (failing) options.logger.info('APQ cache: Redis answers again');
        failing = false;
        return value;
      },
      (error: unknown) => {
        if (!failing) options.logger.warn({ error: error instanceof Error ? error.message : String(error) }, `APQ cache: Redis failed to ${what}; lookups miss until it is back`);
        failing = true;
        return fallback;
      },
    );
  return {
    cache: {
      get: (key) => outcome(adapter.get(key), undefined, 'read'),
      set: (key, value, opts) => outcome(adapter.set(key, value, opts), undefined, 'store'),
      delete: (key) => outcome(adapter.delete(key), false, 'delete'),
    },
    async ready(timeoutMs) {
      if (redis.status === 'ready') return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          redis.off('ready', done);
          options.logger.warn(`APQ cache: Redis not reachable within ${timeoutMs} ms; lookups miss until it is`);
          failing = true;
          resolve();
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        redis.once('ready', done);
      });
    },
    async stop() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

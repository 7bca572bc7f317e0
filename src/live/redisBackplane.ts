/**
 * The backplane over Redis (REDIS_URL), for several replicas: events over pub/sub, claims and
 * leases as keys with a time to live. ioredis reconnects by itself; while Redis is unreachable
 * this replica carries on alone (its own events, its own claims and polls), says so once in the
 * log, counts each failure, and rejoins the others when Redis is back.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AGENT_AVAILABILITIES, PRESENCE_CHANNELS } from '../domain/enums.js';
import { CASE_EVENT_TYPES, EVENT_SOURCES, MESSAGE_EVENT_TYPES, type LiveEvent } from '../domain/events.js';
import { createLocalBackplane, type Backplane } from './backplane.js';
import type { LiveObserver } from './observer.js';

export interface RedisBackplaneOptions {
  url: string;
  observer: LiveObserver;
  logger: Logger;
  /** How long `ready()` waits for Redis before the replica starts alone. */
  connectTimeoutMs?: number;
}

const CHANNEL = 'acquire-gateway:live';
const PREFIX = 'acquire-gateway:';

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

/** Anyone who can reach the Redis can publish: an event is checked like any other input. */
function readEvent(text: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Record<string, unknown>;
  if (typeof event.id !== 'string' || typeof event.occurredAt !== 'string' || Number.isNaN(Date.parse(event.occurredAt))) return null;
  if (!oneOf(EVENT_SOURCES, event.source) || (event.audience !== undefined && typeof event.audience !== 'string')) return null;
  switch (event.kind) {
    case 'case':
      return oneOf(CASE_EVENT_TYPES, event.type) && isIdOrNull(event.caseId) && isIdOrNull(event.contactId) && (event.caseId !== null || event.contactId !== null)
        ? (event as unknown as LiveEvent)
        : null;
    case 'message':
      return oneOf(MESSAGE_EVENT_TYPES, event.type) && isId(event.caseId) && isId(event.messageId) ? (event as unknown as LiveEvent) : null;
    case 'agent':
      return isId(event.userId) && isPresence(event.presence) ? (event as unknown as LiveEvent) : null;
    default:
      return null;
  }
}

export function createRedisBackplane(options: RedisBackplaneOptions): Backplane {
  const { observer, logger } = options;
  const replica = randomUUID();
  const local = createLocalBackplane();
  const listeners: Array<(event: LiveEvent) => void> = [];
  // Commands fail at once while disconnected (no offline queue): the replica then acts alone.
  const commands = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'acquire-gateway' });
  const subscriber = new Redis(options.url, { connectionName: 'acquire-gateway-events' });
  let subscribed = false;
  let up = false;
  let stopping = false;

  const check = (): void => {
    const now = commands.status === 'ready' && subscriber.status === 'ready' && subscribed;
    if (now === up) return;
    up = now;
    observer.backplaneUp(up);
    if (stopping) return;
    if (up) logger.info('Redis: connected; live events reach every replica');
    else logger.warn('Redis: unreachable; live events stay within this replica until it is back');
  };
  const failed = (error: Error): void => {
    observer.backplaneError();
    logger.debug({ error: error.message }, 'Redis error');
    check();
  };
  for (const client of [commands, subscriber]) {
    client.on('error', failed);
    client.on('ready', check);
    client.on('close', check);
  }
  subscriber.on('ready', () => {
    // ioredis subscribes again after a reconnect; the first time is ours.
    if (subscribed) return;
    subscriber.subscribe(CHANNEL).then(
      () => {
        subscribed = true;
        check();
      },
      (error: Error) => failed(error),
    );
  });
  subscriber.on('message', (channel: string, text: string) => {
    if (channel !== CHANNEL) return;
    const event = readEvent(text);
    if (!event) {
      logger.warn('Redis: an unreadable live event was ignored');
      return;
    }
    for (const listener of listeners) listener(event);
  });
  local.onEvent((event) => {
    for (const listener of listeners) listener(event);
  });

  /** `shared()` through Redis, or `alone()` in this replica when Redis cannot answer. */
  const either = async <T>(shared: () => Promise<T>, alone: () => Promise<T>): Promise<T> => {
    if (!up) return alone();
    try {
      return await shared();
    } catch (error) {
      failed(error instanceof Error ? error : new Error(String(error)));
      return alone();
    }
  };

  return {
    publish(event) {
      if (!up) {
        local.publish(event);
        return;
      }
      commands.publish(CHANNEL, JSON.stringify(event)).catch((error: Error) => {
        failed(error);
        local.publish(event);
      });
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    claimOnce: (key, ttlMs) =>
      either(
        async () => (await commands.set(`${PREFIX}${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK',
        () => local.claimOnce(key, ttlMs),
      ),
    lease: (key, ttlMs) =>
      either(
        async () => Number(await commands.eval(LEASE, 1, `${PREFIX}${key}`, replica, ttlMs)) === 1,
        () => local.lease(key, ttlMs),
      ),
    release: (key) =>
      either(
        async () => {
          await commands.eval(RELEASE, 1, `${PREFIX}${key}`, replica);
        },
        () => local.release(key),
      ),
    get: (key) =>
      either(
        () => commands.get(`${PREFIX}${key}`),
        () => local.get(key),
      ),
    set: (key, value, ttlMs) =>
      either(
        async () => {
          await commands.set(`${PREFIX}${key}`, value, 'PX', ttlMs);
        },
        () => local.set(key, value, ttlMs),
      ),
    ready() {
      const waitMs = options.connectTimeoutMs ?? 5_000;
      const deadline = Date.now() + waitMs;
      return new Promise((resolve) => {
        const poll = (): void => {
          if (up) return resolve();
          if (Date.now() >= deadline) {
            logger.warn({ waitedMs: waitMs }, 'Redis: not reachable at start; this replica starts alone and joins the others when it is');
            return resolve();
          }
          setTimeout(poll, 20);
        };
        poll();
      });
    },
    async stop() {
      stopping = true;
      await Promise.all([commands, subscriber].map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
}

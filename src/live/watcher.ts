/**
 * Watched cases: Acquire 2.0 sends no webhook for a new message, so a case that has live
 * `messageEvents` subscribers is polled for new messages, once per case and credential however
 * many subscribers follow it, and, through a lease on the backplane, on one replica only.
 *
 * A poll is cheap while nothing changes: the thread list (`crm/messenger/chat/messages`) names
 * each case's last message. Only when it moved is the case read with its messages, and each
 * message past the last one seen is announced. Quiet cases are polled less and less often.
 */
import type { Logger } from 'pino';
import type { WatchedCase } from '../domain/context.js';
import type { LiveEvent, NewLiveEvent } from '../domain/events.js';
import type { MessageRecord } from '../domain/records.js';
import { getCase, getThread } from '../upstream/cases.js';
import { credentialHash } from '../upstream/credentialHash.js';
import type { ReadPath, Session } from '../upstream/readPath.js';
import type { Backplane } from './backplane.js';
import type { LiveObserver } from './observer.js';

export interface WatcherOptions {
  readPath: ReadPath;
  backplane: Backplane;
  publish(event: NewLiveEvent): void;
  /** The first interval, and the one after a change. */
  intervalMs: number;
  /** Unchanged polls double the interval up to this. */
  maxIntervalMs: number;
  observer: LiveObserver;
  logger: Logger;
}

export interface Watcher {
  /** Polls `watched` with `authorization` until the returned function is called (once per call). */
  watch(watched: WatchedCase, authorization: string): () => void;
  /** An event on the backplane: a message already announced is not announced again by a poll. */
  seen(event: LiveEvent): void;
  stop(): void;
}

interface Watch {
  readonly watched: WatchedCase;
  readonly authorization: string;
  readonly hash: string;
  readonly leaseKey: string;
  readonly lastSeenKey: string;
  users: number;
  timer: NodeJS.Timeout | null;
  intervalMs: number;
  /** Whether this replica holds the lease (and so counts the case as polled here). */
  leased: boolean;
  /** The newest message id seen; null until a poll has set the starting point. */
  lastSeen: bigint | null;
  /** Messages announced by other sources (the gateway's own writes) since, kept few. */
  readonly announced: Set<string>;
  stopped: boolean;
}

const MAX_ANNOUNCED = 200;

/** Message ids are positive integers upstream; anything else cannot be ordered and is skipped. */
function order(id: string | null | undefined): bigint | null {
  return typeof id === 'string' && /^\d{1,30}$/.test(id) ? BigInt(id) : null;
}

export function createWatcher(options: WatcherOptions): Watcher {
  const { readPath, backplane, observer, logger } = options;
  const watches = new Map<string, Watch>();
  // Long enough that the holder renews it on each poll, even at the longest interval.
  const leaseMs = options.maxIntervalMs * 2 + 5_000;
  // The last message seen outlives a hand-over to a replica that still has subscribers (they
  // retry the lease more often than this), but not by much: a case watched again later starts
  // from its newest message, not from messages nobody was subscribed to.
  const lastSeenMs = leaseMs;
  let polls = 0;

  const schedule = (watch: Watch, delayMs: number): void => {
    if (watch.stopped) return;
    watch.timer = setTimeout(() => void poll(watch), delayMs);
    watch.timer.unref();
  };

  /** The newest message of the case, and its messages when the read that found it has them. */
  async function latest(session: Session, watched: WatchedCase): Promise<{ id: bigint | null; messages?: ReadonlyArray<MessageRecord> }> {
    if (watched.contactId !== null && watched.threadId !== null) {
      const thread = await getThread(session, watched.contactId, watched.threadId);
      const entry = thread.find((record) => record.id === watched.caseId);
      if (entry?.lastMessage !== undefined) return { id: order(entry.lastMessage?.id) };
    }
    const record = await getCase(session, watched.caseId, ['messages']);
    const messages = record.messages ?? [];
    const ids = messages.map((message) => order(message.id)).filter((id): id is bigint => id !== null);
    return { id: ids.reduce<bigint | null>((max, id) => (max === null || id > max ? id : max), null), messages };
  }

  async function announceAfter(session: Session, watch: Watch, after: bigint, read?: ReadonlyArray<MessageRecord>): Promise<bigint> {
    const messages = read ?? (await getCase(session, watch.watched.caseId, ['messages'])).messages ?? [];
    let newest = after;
    const fresh = messages
      .map((message) => ({ message, id: order(message.id) }))
      .filter((entry): entry is { message: MessageRecord; id: bigint } => entry.id !== null && entry.id > after)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const { message, id } of fresh) {
      if (id > newest) newest = id;
      if (watch.announced.has(message.id)) continue;
      options.publish({ kind: 'message', type: 'ADDED', caseId: watch.watched.caseId, messageId: message.id, source: 'poll', audience: watch.hash });
    }
    return newest;
  }

  async function poll(watch: Watch): Promise<void> {
    watch.timer = null;
    const held = await backplane.lease(watch.leaseKey, leaseMs);
    if (watch.stopped) return;
    if (held !== watch.leased) {
      watch.leased = held;
      observer.polling(held ? 1 : -1);
    }
    if (!held) {
      // Another replica polls; when it gives up or dies, this one takes over from the shared last id.
      watch.lastSeen = null;
      schedule(watch, Math.min(leaseMs / 2, options.maxIntervalMs));
      return;
    }
    polls += 1;
    const session = readPath.session({ authorization: watch.authorization, requestId: `poll-${watch.watched.caseId}-${polls}`, maxConcurrentCalls: 2 });
    let changed = false;
    try {
      if (watch.lastSeen === null) watch.lastSeen = order(await backplane.get(watch.lastSeenKey));
      const found = await latest(session, watch.watched);
      if (watch.lastSeen === null) watch.lastSeen = found.id ?? 0n;
      else if (found.id !== null && found.id > watch.lastSeen) {
        watch.lastSeen = await announceAfter(session, watch, watch.lastSeen, found.messages);
        changed = true;
      }
      if (!watch.stopped) await backplane.set(watch.lastSeenKey, watch.lastSeen.toString(), lastSeenMs);
      observer.poll(changed ? 'changed' : 'unchanged');
    } catch (error) {
      observer.poll('failed');
      logger.warn({ caseId: watch.watched.caseId, error: error instanceof Error ? error.message : String(error) }, 'watched case: poll failed');
    } finally {
      session.close();
    }
    watch.intervalMs = changed ? options.intervalMs : Math.min(watch.intervalMs * 2, options.maxIntervalMs);
    schedule(watch, watch.intervalMs);
  }

  function unwatch(key: string, watch: Watch): void {
    watch.users -= 1;
    if (watch.users > 0) return;
    watch.stopped = true;
    if (watch.timer) clearTimeout(watch.timer);
    watches.delete(key);
    if (watch.leased) {
      observer.polling(-1);
      void backplane.release(watch.leaseKey);
    }
  }

  return {
    watch(watched, authorization) {
      const hash = credentialHash(authorization);
      const key = `${watched.caseId}:${hash}`;
      let watch = watches.get(key);
      if (!watch) {
        watch = {
          watched,
          authorization,
          hash,
          leaseKey: `live:poll:${key}`,
          lastSeenKey: `live:seen:${key}`,
          users: 0,
          timer: null,
          intervalMs: options.intervalMs,
          leased: false,
          lastSeen: null,
          announced: new Set(),
          stopped: false,
        };
        watches.set(key, watch);
        const started = watch;
        setImmediate(() => void poll(started));
      }
      watch.users += 1;
      const held = watch;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        unwatch(key, held);
      };
    },
    seen(event) {
      if (event.kind !== 'message' || event.type !== 'ADDED' || event.source === 'poll') return;
      for (const watch of watches.values()) {
        if (watch.watched.caseId !== event.caseId) continue;
        if (watch.announced.size >= MAX_ANNOUNCED) watch.announced.delete(watch.announced.values().next().value as string);
        watch.announced.add(event.messageId);
      }
    },
    stop() {
      for (const [key, watch] of [...watches]) {
        watch.users = 1;
        unwatch(key, watch);
      }
    },
  };
}

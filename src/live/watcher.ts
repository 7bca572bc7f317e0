/**
 * Watched cases: Acquire 2.0 sends no webhook for a new message, so a case that has live
 * `messageEvents` subscribers is polled for new messages, once per case and credential however
 * many subscribers follow it, and, through a lease on the backplane, on one replica only.
 *
 * A poll is cheap while nothing changes: the thread list (`crm/messenger/chat/messages`) names
 * each case's last message. Only when it moved is the case read with its messages, and each
 * message past the last one announced is announced.
 *
 * Cadence: a busy case (changed in the last `busyForMs`, newly watched, or written to through the
 * gateway) is polled every `intervalMs`; a quiet one less and less often, up to `maxIntervalMs`;
 * and no case costs more than `maxReadsPerMinute` upstream reads, however busy.
 *
 * Takeover: every replica that follows a case tries its lease every `intervalMs`, and the holder
 * renews it then; the lease lasts two intervals and two seconds, so a survivor takes over within
 * three intervals and two seconds of the holder's death. The last message announced is kept on
 * the backplane while any replica follows the case, and a minute more, so the survivor announces
 * every message after it: nothing that arrived in between is lost (a message announced twice by
 * a dying poller and its successor is one event: src/live/duplicates.ts).
 */
import type { Logger } from 'pino';
import type { Scopes, UpstreamSession, WatchedCase } from '../domain/context.js';
import type { LiveEvent, NewLiveEvent } from '../domain/events.js';
import type { MessageRecord } from '../domain/records.js';
import type { Touched } from '../domain/touches.js';
import { getCase, getThread } from '../upstream/cases.js';
import type { Credential } from '../domain/context.js';
import type { Backplane } from './backplane.js';
import type { LiveObserver } from './observer.js';

export interface PollSettings {
  /** How often a busy case is polled; also how often leases are tried and renewed. */
  intervalMs: number;
  /** The longest interval, reached by doubling while a case stays quiet. */
  maxIntervalMs: number;
  /** How long after its last change a case counts as busy. */
  busyForMs: number;
  /** The most upstream reads one watched case may cost a minute. */
  maxReadsPerMinute: number;
}

export interface WatcherOptions {
  /** Each poll is a scope of its own: the poll's credential, request id and budget. */
  scopes: Scopes;
  backplane: Backplane;
  publish(event: NewLiveEvent): void;
  /** Drops what a poll found changed from the record cache, on every replica. */
  invalidate(touched: ReadonlyArray<Touched>): void;
  settings: PollSettings;
  observer: LiveObserver;
  logger: Logger;
}

export interface Watcher {
  /** Polls `watched` with `credential` until the returned function is called (once per call). */
  watch(watched: WatchedCase, credential: Credential): () => void;
  /** An event of the log: a case written to or changed is busy again. */
  seen(event: LiveEvent): void;
  stop(): void;
}

interface Watch {
  readonly watched: WatchedCase;
  readonly credential: Credential;
  readonly leaseKey: string;
  readonly lastSeenKey: string;
  users: number;
  timer: NodeJS.Timeout | null;
  /** Whether this replica holds the lease (and so counts the case as polled here). */
  leased: boolean;
  /** The newest message id announced; null until a poll has set the starting point. */
  lastSeen: bigint | null;
  lastChangeAt: number;
  intervalMs: number;
  nextPollAt: number;
  /** Upstream reads this case may still make now (a bucket refilled over time). */
  reads: number;
  readsAt: number;
  stopped: boolean;
}

/** How long the last message announced outlives the last replica that follows the case. */
const KEEP_LAST_SEEN_MS = 60_000;
/** Reads a poll may make: the thread list, then the case's messages when it moved. */
const READS_PER_POLL = 2;

/** Message ids are positive integers upstream; anything else cannot be ordered and is skipped. */
function order(id: string | null | undefined): bigint | null {
  return typeof id === 'string' && /^\d{1,30}$/.test(id) ? BigInt(id) : null;
}

/** What a poll found: the newest message of the case. */
interface Latest {
  id: bigint | null;
  /** The case's contact, when known. */
  contactId: string | null;
  /** The case's messages, when the read that found the newest has them. */
  messages?: ReadonlyArray<MessageRecord>;
}

export function createWatcher(options: WatcherOptions): Watcher {
  const { scopes, backplane, observer, logger, settings } = options;
  const watches = new Map<string, Watch>();
  const leaseMs = settings.intervalMs * 2 + 2_000;
  const lastSeenMs = leaseMs + KEEP_LAST_SEEN_MS;
  // The bucket holds one poll's worth (the reads a poll makes are taken from it, and may take it
  // below zero), and refills so that no minute sees more than the maximum.
  const bucket = READS_PER_POLL;
  const refillPerMs = Math.max(0, settings.maxReadsPerMinute - bucket) / 60_000;
  let polls = 0;

  const busy = (watch: Watch, now: number): void => {
    watch.lastChangeAt = now;
    watch.intervalMs = settings.intervalMs;
    watch.nextPollAt = Math.min(watch.nextPollAt, now);
  };

  const schedule = (watch: Watch): void => {
    if (watch.stopped) return;
    watch.timer = setTimeout(() => void tick(watch), settings.intervalMs);
    watch.timer.unref();
  };

  /** The newest message of the case. */
  async function latest(session: UpstreamSession, watched: WatchedCase): Promise<Latest> {
    if (watched.contactId !== null && watched.threadId !== null) {
      const thread = await getThread(session, watched.contactId, watched.threadId);
      const entry = thread.find((record) => record.id === watched.caseId);
      if (entry?.lastMessage !== undefined) return { id: order(entry.lastMessage?.id), contactId: watched.contactId };
    }
    const record = await getCase(session, watched.caseId, ['messages']);
    const messages = record.messages ?? [];
    const ids = messages.map((message) => order(message.id)).filter((id): id is bigint => id !== null);
    return { id: ids.reduce<bigint | null>((max, id) => (max === null || id > max ? id : max), null), contactId: record.contactId, messages };
  }

  async function announceAfter(session: UpstreamSession, watch: Watch, after: bigint, read?: ReadonlyArray<MessageRecord>): Promise<bigint> {
    const messages = read ?? (await getCase(session, watch.watched.caseId, ['messages'])).messages ?? [];
    let newest = after;
    const fresh = messages
      .map((message) => ({ message, id: order(message.id) }))
      .filter((entry): entry is { message: MessageRecord; id: bigint } => entry.id !== null && entry.id > after)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const { message, id } of fresh) {
      if (id > newest) newest = id;
      options.publish({ kind: 'message', type: 'ADDED', caseId: watch.watched.caseId, messageId: message.id, source: 'poll', audience: watch.credential.hash });
    }
    return newest;
  }

  /** Whether the case has a read left in its budget now (a poll's further read is charged after). */
  function mayRead(watch: Watch, now: number): boolean {
    watch.reads = Math.min(bucket, watch.reads + (now - watch.readsAt) * refillPerMs);
    watch.readsAt = now;
    return watch.reads >= 1;
  }

  async function poll(watch: Watch): Promise<void> {
    polls += 1;
    const scope = scopes.open({
      credential: watch.credential,
      requestId: `poll-${watch.watched.caseId}-${polls}`,
      budget: READS_PER_POLL,
      onSend: () => (watch.reads -= 1),
    });
    const session = scope.upstream;
    let changed = false;
    try {
      if (watch.lastSeen === null) watch.lastSeen = order(await backplane.get(watch.lastSeenKey));
      const found = await latest(session, watch.watched);
      if (watch.lastSeen === null) watch.lastSeen = found.id ?? 0n;
      else if (found.id !== null && found.id > watch.lastSeen) {
        watch.lastSeen = await announceAfter(session, watch, watch.lastSeen, found.messages);
        changed = true;
        // A contact who writes may have changed what the case's contact record says (a pre-chat form...).
        if (found.contactId !== null) options.invalidate([{ kind: 'contact', id: found.contactId }]);
      }
      if (!watch.stopped) await backplane.set(watch.lastSeenKey, watch.lastSeen.toString(), lastSeenMs);
      observer.poll(changed ? 'changed' : 'unchanged');
    } catch (error) {
      observer.poll('failed');
      logger.warn({ caseId: watch.watched.caseId, error: error instanceof Error ? error.message : String(error) }, 'watched case: poll failed');
    } finally {
      scope.close();
    }
    const now = Date.now();
    if (changed) busy(watch, now);
    else if (now - watch.lastChangeAt >= settings.busyForMs) watch.intervalMs = Math.min(watch.intervalMs * 2, settings.maxIntervalMs);
    watch.nextPollAt = now + watch.intervalMs;
  }

  async function tick(watch: Watch): Promise<void> {
    watch.timer = null;
    try {
      const [held] = await Promise.all([backplane.lease(watch.leaseKey, leaseMs), backplane.keep(watch.lastSeenKey, lastSeenMs)]);
      if (watch.stopped) return;
      if (held !== watch.leased) {
        watch.leased = held;
        observer.polling(held ? 1 : -1);
        // Taking over: the poller that held it announced up to what the backplane keeps.
        if (held) {
          watch.lastSeen = null;
          watch.nextPollAt = 0;
        }
      }
      const now = Date.now();
      if (held && now >= watch.nextPollAt && mayRead(watch, now)) await poll(watch);
    } finally {
      schedule(watch);
    }
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
    watch(watched, credential) {
      const key = `${watched.caseId}:${credential.hash}`;
      let watch = watches.get(key);
      const now = Date.now();
      if (!watch) {
        watch = {
          watched,
          credential,
          leaseKey: `live:poll:${key}`,
          lastSeenKey: `live:seen:${key}`,
          users: 0,
          timer: null,
          leased: false,
          lastSeen: null,
          lastChangeAt: now,
          intervalMs: settings.intervalMs,
          nextPollAt: now,
          reads: bucket,
          readsAt: now,
          stopped: false,
        };
        watches.set(key, watch);
        const started = watch;
        setImmediate(() => void tick(started));
      } else busy(watch, now);
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
      if (event.kind === 'agent' || event.source === 'poll' || event.caseId === null) return;
      const now = Date.now();
      for (const watch of watches.values()) if (watch.watched.caseId === event.caseId) busy(watch, now);
    },
    stop() {
      for (const [key, watch] of [...watches]) {
        watch.users = 1;
        unwatch(key, watch);
      }
    },
  };
}

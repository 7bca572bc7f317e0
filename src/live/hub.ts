/**
 * The live hub of one replica: events from any source are checked once for news
 * (src/live/duplicates.ts) and go into the log (the backplane); events from the log go to this
 * replica's subscribers whose subscription they match. A subscriber gets ids only
 * (src/domain/events.ts): the server reads its payload with its own key.
 *
 * The hub also keeps this replica's record cache fresh (src/live/invalidations.ts): what a
 * webhook's event names is dropped from it as the event comes out of the log; the changes this
 * replica makes (writes, polls) go into the log as invalidations for the other replicas, which
 * the hub hands to their caches and never to a subscriber; and a gap in the log empties the cache.
 *
 * Nothing is left out silently: a subscriber that resumes after an id is replayed the log since,
 * and where that cannot be done (the id is unknown), or events were lost on the way (a gap in the
 * log, a subscriber whose queue overflowed), it receives a RESYNC that says from where to where.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { LiveFeed, Scopes, WatchedCase } from '../domain/context.js';
import type {
  AgentLiveEvent,
  CaseEventPayload,
  LiveEvent,
  LoggedEvent,
  MessageEventPayload,
  NewLiveEvent,
  ResyncEvent,
  ResyncReason,
} from '../domain/events.js';
import type { Credential } from '../domain/context.js';
import type { RecordCache } from '../upstream/recordCache.js';
import type { Backplane } from './backplane.js';
import { createDuplicates, type DuplicateWindows } from './duplicates.js';
import { compareEventIds } from './eventIds.js';
import { boundedTouches, staleAfter } from './invalidations.js';
import type { LiveObserver } from './observer.js';
import { createEventStream, type EventStream } from './stream.js';
import { createWatcher, type PollSettings } from './watcher.js';

/** How long a write's answer waits, at most, for its invalidation to be in the log. */
const INVALIDATION_WAIT_MS = 1_000;

export interface HubOptions {
  backplane: Backplane;
  /** Where polls get their upstream sessions (server/execution/scopes.ts). */
  scopes: Scopes;
  poll: PollSettings;
  /** Events held for one slow subscriber; past it they give way to a RESYNC. */
  maxQueuedEvents: number;
  windows: DuplicateWindows;
  observer: LiveObserver;
  logger: Logger;
  /** This replica's record cache; null when RECORD_CACHE=off. */
  cache: RecordCache | null;
}

export interface LiveHub {
  /** The live side of a caller's context; `credential` is null for a caller without a key. */
  feed(credential: Credential | null): LiveFeed;
  /** Adds the event to the log unless it announces nothing new; returns at once and never throws. */
  publish(event: NewLiveEvent): void;
  /** A webhook delivery's events, published unless the delivery was seen already (then false). */
  deliver(delivery: string, events: readonly NewLiveEvent[]): Promise<boolean>;
  /** Ends every subscription and every poll of this replica. */
  stop(): void;
}

interface LocalSubscription {
  /** An event of the log: given to the subscriber if it is for it; a gap becomes a RESYNC. */
  receive(event: LoggedEvent): void;
  end(): void;
}

interface SubscribeOptions<T extends LiveEvent> {
  hash: string | null;
  matches(event: LiveEvent): event is T;
  /** Resume after this event id (a cursor the subscriber kept). */
  after?: string | undefined;
  /** Whether the subscriber is told of gaps with a RESYNC; without, a slow one loses its oldest events. */
  resumable: boolean;
  /** The case a `messageEvents` subscriber follows, named in its RESYNCs. */
  caseId?: string;
  onEnd?: () => void;
}

export function createHub(options: HubOptions): LiveHub {
  const { backplane, observer, logger } = options;
  const subscriptions = new Set<LocalSubscription>();
  const duplicates = createDuplicates(backplane, options.windows);
  const { cache } = options;
  const replica = randomUUID();
  const watcher = createWatcher({
    scopes: options.scopes,
    backplane,
    publish: (event) => publish(event),
    invalidate: (touched) => void cache?.invalidate(touched, 'poll'),
    settings: options.poll,
    observer,
    logger,
  });
  cache?.relay((touched, cause) => {
    const appended = backplane.append({ kind: 'invalidation', cause, touched: boundedTouches(touched), replica });
    // A write answers once its change is in the log, but a Redis that takes no answer does not
    // hold it up for long: the other replicas then hear of the change when Redis does.
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, INVALIDATION_WAIT_MS);
      timer.unref();
      void appended.finally(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  });

  async function publishNow(event: NewLiveEvent): Promise<void> {
    if (!(await duplicates.isNews(event))) {
      observer.duplicate(event.kind);
      return;
    }
    const stamped = { ...event, occurredAt: event.occurredAt ?? new Date().toISOString() } as NewLiveEvent;
    observer.published(stamped as LiveEvent);
    await backplane.append(stamped);
  }

  /** Never rejects: a failure is logged with the event it lost. */
  const published = (event: NewLiveEvent): Promise<void> =>
    publishNow(event).catch((error: unknown) => logger.error({ event, error: error instanceof Error ? error.message : String(error) }, 'live event not published'));

  function publish(event: NewLiveEvent): void {
    void published(event);
  }

  const deliverToAll = (event: LoggedEvent): void => {
    if (event.kind === 'invalidation') {
      if (event.replica !== replica) cache?.drop(event.touched, event.cause);
      return;
    }
    if (event.kind === 'gap') cache?.clear('events-lost');
    else {
      watcher.seen(event);
      const stale = staleAfter(event);
      if (stale.length > 0) cache?.drop(stale, 'webhook');
    }
    for (const subscription of subscriptions) subscription.receive(event);
  };
  backplane.onEvent(deliverToAll);
  backplane.onGap((_after, upTo) => deliverToAll({ kind: 'gap', id: upTo, occurredAt: new Date().toISOString() }));

  function subscribe<T extends LiveEvent>(options_: SubscribeOptions<T>): AsyncIterableIterator<T | ResyncEvent> {
    const { hash, matches } = options_;
    let lastPushed: string | null = options_.after ?? null;
    let lastResync: string | null = null;
    const resyncEvent = (reason: ResyncReason, after: string | null, upTo: string): ResyncEvent => ({
      kind: 'resync',
      id: upTo,
      occurredAt: new Date().toISOString(),
      reason,
      after,
      ...(options_.caseId !== undefined ? { caseId: options_.caseId } : {}),
    });
    const stream: EventStream<T | ResyncEvent> = createEventStream<T | ResyncEvent>({
      maxQueued: options.maxQueuedEvents,
      overflow(dropped): T | ResyncEvent | null {
        const first = dropped[0];
        const newest = dropped.at(-1);
        if (!options_.resumable || !first || !newest) {
          observer.dropped(1);
          return null;
        }
        const merged = first.kind === 'resync' ? dropped.length - 1 : dropped.length;
        observer.dropped(merged);
        if (first.kind !== 'resync') observer.resynced('SLOW_SUBSCRIBER');
        const after: string | null = first.kind === 'resync' ? first.after : (stream.lastTaken()?.id ?? options_.after ?? null);
        return resyncEvent(first.kind === 'resync' ? first.reason : 'SLOW_SUBSCRIBER', after, newest.id);
      },
      onEnd: () => {
        subscriptions.delete(subscription);
        options_.onEnd?.();
      },
    });
    const accepts = (event: LiveEvent): event is T => matches(event) && (event.audience === undefined || event.audience === hash);
    const give = (event: LoggedEvent): void => {
      if (event.kind === 'gap') return resync('EVENTS_LOST', event.id);
      if (event.kind === 'invalidation' || !accepts(event)) return;
      lastPushed = event.id;
      stream.push(event);
    };
    const resync = (reason: ResyncReason, upTo: string): void => {
      // One gap reaches a subscriber once, though it is both replayed and heard live.
      if (!options_.resumable || upTo === lastResync) return;
      observer.resynced(reason);
      stream.push(resyncEvent(reason, lastPushed, upTo));
      lastPushed = lastResync = upTo;
    };
    /** Events of the log that came while the log since `after` was read; null once replayed. */
    let held: LoggedEvent[] | null = options_.after === undefined ? null : [];
    const subscription: LocalSubscription = {
      receive(event) {
        if (held) held.push(event);
        else give(event);
      },
      end: () => void stream.return?.(),
    };
    subscriptions.add(subscription);

    const after = options_.after;
    if (after !== undefined) {
      const replay = (events: LoggedEvent[] | null): void => {
        if (events === null) {
          // The cursor may lie anywhere, the future included: the RESYNC starts from it as given.
          const upTo = backplane.position();
          observer.resynced('CURSOR_UNKNOWN');
          stream.push(resyncEvent('CURSOR_UNKNOWN', after, upTo));
          lastPushed = upTo;
        } else for (const event of events) give(event);
        const upTo = lastPushed ?? after;
        const live = held ?? [];
        held = null;
        for (const event of live) if (compareEventIds(event.id, upTo) > 0) give(event);
      };
      backplane.since(after).then(replay, (error: unknown) => {
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'live: the log could not be replayed');
        replay(null);
      });
    }
    return stream as AsyncIterableIterator<T | ResyncEvent>;
  }

  return {
    publish,
    async deliver(delivery, events) {
      if (!(await duplicates.firstDelivery(delivery))) return false;
      const occurredAt = new Date().toISOString();
      for (const event of events) await published({ ...event, occurredAt });
      return true;
    },
    feed(credential) {
      const hash = credential?.hash ?? null;
      return {
        publish,
        caseEvents: (after) =>
          subscribe({ hash, after, resumable: true, matches: (event): event is Extract<LiveEvent, { kind: 'case' }> => event.kind === 'case' }) as AsyncIterableIterator<CaseEventPayload>,
        agentEvents: () => subscribe({ hash, resumable: false, matches: (event): event is AgentLiveEvent => event.kind === 'agent' }) as AsyncIterableIterator<AgentLiveEvent>,
        messageEvents(watched: WatchedCase, after) {
          const unwatch = credential === null ? () => {} : watcher.watch(watched, credential);
          return subscribe({
            hash,
            after,
            resumable: true,
            caseId: watched.caseId,
            matches: (event): event is Extract<LiveEvent, { kind: 'message' }> => event.kind === 'message' && event.caseId === watched.caseId,
            onEnd: unwatch,
          }) as AsyncIterableIterator<MessageEventPayload>;
        },
      };
    },
    stop() {
      watcher.stop();
      for (const subscription of [...subscriptions]) subscription.end();
    },
  };
}

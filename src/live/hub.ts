/**
 * The live hub of one replica: events from any source go onto the backplane; events from the
 * backplane go to this replica's subscribers whose subscription they match. A subscriber gets
 * ids only (src/domain/events.ts): the server reads its payload with its own key.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { LiveFeed, WatchedCase } from '../domain/context.js';
import type { AgentLiveEvent, CaseLiveEvent, LiveEvent, MessageLiveEvent, NewLiveEvent } from '../domain/events.js';
import { credentialHash } from '../upstream/credentialHash.js';
import type { ReadPath } from '../upstream/readPath.js';
import type { Backplane } from './backplane.js';
import type { LiveObserver } from './observer.js';
import { createEventStream } from './stream.js';
import { createWatcher } from './watcher.js';

export interface HubOptions {
  backplane: Backplane;
  readPath: ReadPath;
  pollIntervalMs: number;
  pollMaxIntervalMs: number;
  /** Events held for one slow subscriber before the oldest is dropped. */
  maxQueuedEvents?: number;
  observer: LiveObserver;
  logger: Logger;
}

export interface LiveHub {
  /** The live side of a caller's context; `authorization` is undefined for a caller without a key. */
  feed(authorization: string | undefined): LiveFeed;
  publish(event: NewLiveEvent): void;
  /** Ends every subscription and every poll of this replica. */
  stop(): void;
}

interface LocalSubscription {
  accepts(event: LiveEvent): boolean;
  push(event: LiveEvent): void;
  end(): void;
}

// The same change announced twice (a webhook and the gateway's own write, or a poll that saw the
// write first) within this time reaches a subscriber once.
const DUPLICATE_WINDOW_MS = 10_000;
const RECENT_EVENT_IDS = 2_000;

/** What makes two events the same change for a subscriber. */
function changeKey(event: LiveEvent): string {
  switch (event.kind) {
    case 'case':
      return `case ${event.type} ${event.caseId ?? `contact ${event.contactId}`}`;
    case 'message':
      return `message ${event.type} ${event.messageId}`;
    case 'agent':
      return `agent ${event.userId} ${event.occurredAt}`;
    default: {
      const unreachable: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

export function createHub(options: HubOptions): LiveHub {
  const { backplane, observer } = options;
  const subscriptions = new Set<LocalSubscription>();
  const recentIds = new Set<string>();
  const watcher = createWatcher({
    readPath: options.readPath,
    backplane,
    publish: (event) => publish(event),
    intervalMs: options.pollIntervalMs,
    maxIntervalMs: options.pollMaxIntervalMs,
    observer,
    logger: options.logger,
  });

  function publish(event: NewLiveEvent): void {
    const stamped = { ...event, id: randomUUID(), occurredAt: event.occurredAt ?? new Date().toISOString() } as LiveEvent;
    observer.published(stamped);
    backplane.publish(stamped);
  }

  backplane.onEvent((event) => {
    // A backplane that fell back to this process while Redis came back may deliver one twice.
    if (recentIds.has(event.id)) return;
    recentIds.add(event.id);
    if (recentIds.size > RECENT_EVENT_IDS) recentIds.delete(recentIds.values().next().value as string);
    watcher.seen(event);
    for (const subscription of subscriptions) {
      if (subscription.accepts(event)) subscription.push(event);
    }
  });

  function subscribe<T extends LiveEvent>(hash: string | null, matches: (event: LiveEvent) => event is T, onEnd: () => void = () => {}): AsyncIterableIterator<T> {
    const delivered = new Map<string, number>();
    const stream = createEventStream<T>({
      maxQueued: options.maxQueuedEvents ?? 100,
      onDrop: () => observer.dropped(),
      onEnd: () => {
        subscriptions.delete(subscription);
        onEnd();
      },
    });
    const subscription: LocalSubscription = {
      accepts(event) {
        if (!matches(event)) return false;
        if (event.audience !== undefined && event.audience !== hash) return false;
        const now = Date.now();
        const key = changeKey(event);
        const last = delivered.get(key);
        if (last !== undefined && now - last < DUPLICATE_WINDOW_MS) return false;
        for (const [old, at] of delivered) {
          if (now - at < DUPLICATE_WINDOW_MS) break;
          delivered.delete(old);
        }
        delivered.delete(key);
        delivered.set(key, now);
        return true;
      },
      push: (event) => stream.push(event as T),
      end: () => void stream.return?.(),
    };
    subscriptions.add(subscription);
    return stream;
  }

  return {
    publish,
    feed(authorization) {
      const hash = authorization === undefined ? null : credentialHash(authorization);
      return {
        publish,
        caseEvents: () => subscribe(hash, (event): event is CaseLiveEvent => event.kind === 'case'),
        agentEvents: () => subscribe(hash, (event): event is AgentLiveEvent => event.kind === 'agent'),
        messageEvents(watched: WatchedCase) {
          const unwatch = authorization === undefined ? () => {} : watcher.watch(watched, authorization);
          return subscribe(hash, (event): event is MessageLiveEvent => event.kind === 'message' && event.caseId === watched.caseId, unwatch);
        },
      };
    },
    stop() {
      watcher.stop();
      for (const subscription of [...subscriptions]) subscription.end();
    },
  };
}

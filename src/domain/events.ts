/**
 * Live events: what happened to which record, by id only. An event never carries record data:
 * each subscriber reads what it selects with its own key when the event reaches it, so a key
 * never receives what it could not read itself. Codegen maps `CaseEvent` and `MessageEvent` here.
 * The one exception is an agent's presence, which no read returns: it travels with the event.
 *
 * Every event has its place in one ordered log (src/live/backplane.ts), and its id is that place:
 * ids of one gateway deployment order its events, across replicas. A subscriber that keeps the
 * last id it received can resume after it, within the log's retention; where the gateway cannot
 * say what a subscriber missed, it says so with a RESYNC instead of staying silent.
 */
import type { AgentAvailability, CaseStatus, PresenceChannel } from './enums.js';
import type { Touched } from './touches.js';

export const CASE_EVENT_TYPES = ['CREATED', 'STATUS_CHANGED', 'UPDATED'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const MESSAGE_EVENT_TYPES = ['ADDED', 'UPDATED', 'DELETED'] as const;
export type MessageEventType = (typeof MESSAGE_EVENT_TYPES)[number];

/** Where an event came from: an Acquire webhook, a write through the gateway, or a watched case's poll. */
export const EVENT_SOURCES = ['webhook', 'write', 'poll'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/**
 * An event id: the milliseconds since the epoch when it entered the log, and its sequence within
 * that millisecond (the form of a Redis stream id, which it is with REDIS_URL).
 */
export const EVENT_ID = /^(\d{1,15})-(\d{1,15})$/;

interface EventBase {
  /** Its place in the log; see EVENT_ID. */
  readonly id: string;
  readonly occurredAt: string;
  readonly source: EventSource;
  /**
   * The hash of the only credential whose subscribers receive the event; absent for everyone.
   * A poll's findings are its credential's: each credential's subscribers have their own poll.
   */
  readonly audience?: string;
}

export interface CaseLiveEvent extends EventBase {
  readonly kind: 'case';
  readonly type: CaseEventType;
  /** Null when the source named only the contact: the case is then the contact's newest. */
  readonly caseId: string | null;
  readonly contactId: string | null;
  /** The status a STATUS_CHANGED set, when its source said: the same status twice is one change. */
  readonly status?: CaseStatus;
}

export interface MessageLiveEvent extends EventBase {
  readonly kind: 'message';
  readonly type: MessageEventType;
  readonly caseId: string;
  readonly messageId: string;
}

/**
 * What an Agent Status Change webhook said about the agent's presence (not the account's status):
 * availability and the channels turned on, each null when the payload did not say.
 */
export interface AgentPresence {
  readonly availability: AgentAvailability | null;
  readonly channels: ReadonlyArray<PresenceChannel> | null;
}

export interface AgentLiveEvent extends EventBase {
  readonly kind: 'agent';
  readonly userId: string;
  /** Present when the event came from a webhook that carried presence. */
  readonly presence?: AgentPresence;
}

/**
 * Events may be missing from the log itself: a replica that was cut off from Redis while the
 * log was lost, or whose waiting events outgrew their bound, appends this so that every replica
 * tells its subscribers.
 */
export interface GapLiveEvent {
  readonly kind: 'gap';
  readonly id: string;
  readonly occurredAt: string;
}

/** Changes a replica made or saw that name no event of their own: a write, a watched case's poll. */
export const INVALIDATION_CAUSES = ['write', 'poll'] as const;
export type InvalidationEventCause = (typeof INVALIDATION_CAUSES)[number];
/** The most records one invalidation names; a change that names more names whole kinds instead. */
export const MAX_INVALIDATION_TOUCHES = 100;

/**
 * Records a replica's change made stale, for the record caches of the other replicas (the replica
 * that made it dropped them already): the hub hands it to the cache, never to a subscriber. A
 * webhook's events need none: every replica reads what they name from the events themselves.
 */
export interface InvalidationLiveEvent {
  readonly kind: 'invalidation';
  readonly id: string;
  readonly occurredAt: string;
  readonly cause: InvalidationEventCause;
  /** At most MAX_INVALIDATION_TOUCHES. */
  readonly touched: ReadonlyArray<Touched>;
  /** The replica that made the change, which skips its own. */
  readonly replica: string;
}

export type LiveEvent = CaseLiveEvent | MessageLiveEvent | AgentLiveEvent;
export type LoggedEvent = LiveEvent | GapLiveEvent | InvalidationLiveEvent;

type WithoutStamp<T> = T extends LoggedEvent ? Omit<T, 'id' | 'occurredAt'> & { readonly occurredAt?: string } : never;

/** An event as its source describes it: the log gives it its id (and its time, if it has none). */
export type NewLiveEvent = WithoutStamp<LiveEvent>;
export type NewLoggedEvent = WithoutStamp<LoggedEvent>;

/** Why a subscriber is told to refetch. */
export const RESYNC_REASONS = ['CURSOR_UNKNOWN', 'SLOW_SUBSCRIBER', 'EVENTS_LOST'] as const;
export type ResyncReason = (typeof RESYNC_REASONS)[number];

/**
 * What a subscriber receives in place of events it may have missed: everything after `after`
 * (null: after it subscribed) up to and including `id` may be missing. Its `id` is a cursor like
 * any event's: resuming after it replays what came next.
 */
export interface ResyncEvent {
  readonly kind: 'resync';
  readonly id: string;
  readonly occurredAt: string;
  readonly reason: ResyncReason;
  readonly after: string | null;
  /** The case a `messageEvents` subscriber follows. */
  readonly caseId?: string;
}

/** What a `caseEvents` subscriber receives (codegen's mapper of CaseEvent). */
export type CaseEventPayload = CaseLiveEvent | ResyncEvent;
/** What a `messageEvents` subscriber receives (codegen's mapper of MessageEvent). */
export type MessageEventPayload = MessageLiveEvent | ResyncEvent;

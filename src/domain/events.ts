/**
 * Live events: what happened to which record, by id only. An event never carries record data:
 * each subscriber reads what it selects with its own key when the event reaches it, so a key
 * never receives what it could not read itself. Codegen maps `CaseEvent` and `MessageEvent` here.
 * The one exception is an agent's presence, which no read returns: it travels with the event.
 */
import type { AgentAvailability, PresenceChannel } from './enums.js';

export const CASE_EVENT_TYPES = ['CREATED', 'STATUS_CHANGED', 'UPDATED'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const MESSAGE_EVENT_TYPES = ['ADDED', 'UPDATED', 'DELETED'] as const;
export type MessageEventType = (typeof MESSAGE_EVENT_TYPES)[number];

/** Where an event came from: an Acquire webhook, a write through the gateway, or a watched case's poll. */
export const EVENT_SOURCES = ['webhook', 'write', 'poll'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

interface EventBase {
  /** Unique per event, so that one delivered twice (a backplane that failed over) is seen once. */
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

export type LiveEvent = CaseLiveEvent | MessageLiveEvent | AgentLiveEvent;

type WithoutStamp<T> = T extends LiveEvent ? Omit<T, 'id' | 'occurredAt'> & { readonly occurredAt?: string } : never;

/** An event as its source describes it; publishing gives it its id (and its time, if it has none). */
export type NewLiveEvent = WithoutStamp<LiveEvent>;

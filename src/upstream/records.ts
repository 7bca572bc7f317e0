/**
 * The normalised records the upstream layer hands to loaders and resolvers: string ids, real
 * booleans, ISO-8601 UTC dates, GraphQL enum values. Codegen maps each GraphQL object type to
 * one of these (codegen.yml `mappers`).
 *
 * A relation is `undefined` when the upstream was not asked to embed it, and `[]`/`null` when it
 * was asked and there is nothing: resolvers tell "not fetched" from "empty" by that.
 */
import type {
  CaseStatus,
  Channel,
  MessageType,
  ParticipantType,
  SenderType,
} from '../__generated__/resolvers-types.js';

export interface CaseRecord {
  id: string;
  title: string | null;
  description: string | null;
  channel: Channel | null;
  status: CaseStatus | null;
  threadId: string | null;
  closingState: string | null;
  dateQueue: string | null;
  datePending: string | null;
  dateActive: string | null;
  dateClosed: string | null;
  userId: string | null;
  waitTime: string | null;
  contactId: string | null;
  parentId: string | null;
  closedBy: string | null;
  timelineId: string | null;
  dateCreated: string | null;
  dateUpdated: string | null;
  contact?: ContactRecord | null;
  messages?: MessageRecord[];
  users?: ParticipantRecord[];
  timeline?: TimelineRecord[];
  feedbacks?: unknown[];
  fields?: unknown;
  parent?: CaseRecord | null;
  lastMessage?: MessageRecord | null;
}

/** The relations a case read can embed (`relations=`). */
export type CaseRelation = 'contact' | 'messages' | 'users' | 'timeline' | 'feedbacks' | 'fields' | 'parent';

export interface ContactRecord {
  id: string;
  /**
   * False for a bare reference (a participant, a sender, a case's `contactId`): its columns are
   * null because nobody has read them yet, not because they are empty.
   */
  hasColumns: boolean;
  clientType: string | null;
  clientName: string | null;
  clientVersion: string | null;
  clientOsName: string | null;
  clientOsVersion: string | null;
  clientDeviceType: string | null;
  clientDetails: unknown;
  archived: boolean | null;
  companyId: string | null;
  dateCreated: string | null;
  dateUpdated: string | null;
  /** The contact's fields as one flat object; `undefined` unless read with `relations=fields`. */
  fields?: Record<string, unknown>;
  cases?: CaseRecord[];
}

/** The relations a contact read can embed. */
export type ContactRelation = 'fields' | 'cases';

export interface MessageRecord {
  id: string;
  caseId: string | null;
  channel: Channel | null;
  type: MessageType | null;
  text: string | null;
  senderType: SenderType | null;
  senderId: string | null;
  seen: boolean | null;
  meta: unknown;
  dateCreated: string | null;
  dateUpdated: string | null;
  /** The message's case, when the upstream embedded it (columns only). */
  case?: CaseRecord;
}

export interface UserRecord {
  id: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  photo: string | null;
}

export interface ParticipantRecord {
  id: string;
  type: ParticipantType;
  /** The agent's user id, or the contact's id when `type` is CONTACT. */
  userId: string | null;
  role: string | null;
  status: string | null;
  closed: boolean | null;
  dateLastAssigned: string | null;
  /** The agent, when the upstream embedded it. */
  user?: UserRecord;
}

export interface TimelineRecord {
  id: string;
  objectType: string | null;
  caseId: string | null;
  contactId: string | null;
  threadId: string | null;
  meta: unknown;
  dateCreated: string | null;
  dateUpdated: string | null;
}

export interface InvitationRecord {
  userId: string;
  online: boolean;
  sent: boolean;
}

/** One page of a list endpoint, whatever envelope it came in. */
export interface Page<T> {
  items: T[];
  /** The upstream's total count, when the envelope has one. */
  total: number | null;
}

/**
 * The normalised records the upstream layer hands to loaders and resolvers: string ids, real
 * booleans, ISO-8601 UTC dates, GraphQL enum values. Codegen maps each GraphQL object type to
 * one of these (codegen.yml `mappers`).
 *
 * Every record is deeply readonly: one record may answer several requests at once (reads are
 * shared per credential), so nothing downstream may change it. Tests freeze them to prove it.
 *
 * A relation is `undefined` when the upstream was not asked to embed it, and `[]`/`null` when it
 * was asked and there is nothing: resolvers tell "not fetched" from "empty" by that.
 */
import type {
  AgentAvailability,
  CaseStatus,
  Channel,
  DepartmentStatus,
  MessageType,
  ParticipantType,
  PresenceChannel,
  SenderType,
  UserStatus,
} from './enums.js';

export interface CaseRecord {
  readonly id: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly channel: Channel | null;
  readonly status: CaseStatus | null;
  readonly threadId: string | null;
  readonly closingState: string | null;
  readonly dateQueue: string | null;
  readonly datePending: string | null;
  readonly dateActive: string | null;
  readonly dateClosed: string | null;
  readonly userId: string | null;
  readonly waitTime: string | null;
  readonly waitSeconds: number | null;
  readonly queueId: string | null;
  readonly queueOrder: number | null;
  readonly meta: unknown;
  readonly contactId: string | null;
  readonly parentId: string | null;
  readonly closedById: string | null;
  readonly timelineId: string | null;
  readonly dateCreated: string | null;
  readonly dateUpdated: string | null;
  readonly contact?: ContactRecord | null;
  readonly messages?: ReadonlyArray<MessageRecord>;
  readonly users?: ReadonlyArray<ParticipantRecord>;
  readonly timeline?: ReadonlyArray<TimelineRecord>;
  readonly feedbacks?: ReadonlyArray<unknown>;
  readonly tags?: ReadonlyArray<TagRecord>;
  readonly fields?: unknown;
  readonly parent?: CaseRecord | null;
  readonly lastMessage?: MessageRecord | null;
}

/** The relations a case read can embed (`relations=`). */
export const CASE_RELATIONS = ['contact', 'messages', 'users', 'timeline', 'feedbacks', 'fields', 'parent', 'tags'] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

export interface ContactRecord {
  readonly id: string;
  /**
   * False for a bare reference (a participant, a sender, a case's `contactId`): its columns are
   * null because nobody has read them yet, not because they are empty.
   */
  readonly hasColumns: boolean;
  readonly clientType: string | null;
  readonly clientName: string | null;
  readonly clientVersion: string | null;
  readonly clientOsName: string | null;
  readonly clientOsVersion: string | null;
  readonly clientDeviceType: string | null;
  readonly clientDetails: unknown;
  readonly archived: boolean | null;
  readonly companyId: string | null;
  readonly dateCreated: string | null;
  readonly dateUpdated: string | null;
  /** The contact's fields as one flat object; `undefined` unless read with `relations=fields`. */
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly cases?: ReadonlyArray<CaseRecord>;
  /** Null when the contact has none. */
  readonly company?: CompanyRecord | null;
  readonly tags?: ReadonlyArray<TagRecord>;
}

/** The relations a contact read can embed. */
export const CONTACT_RELATIONS = ['fields', 'cases', 'company', 'tags'] as const;

export interface CompanyRecord {
  readonly id: string;
  readonly name: string | null;
  readonly website: string | null;
  readonly logo: string | null;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly dateCreated: string | null;
  readonly dateUpdated: string | null;
}
export type ContactRelation = (typeof CONTACT_RELATIONS)[number];

export interface MessageRecord {
  readonly id: string;
  readonly caseId: string | null;
  readonly channel: Channel | null;
  readonly type: MessageType | null;
  readonly text: string | null;
  readonly senderType: SenderType | null;
  readonly senderId: string | null;
  readonly seen: boolean | null;
  readonly meta: unknown;
  readonly dateCreated: string | null;
  readonly dateUpdated: string | null;
  /** The message's case, when the upstream embedded it (columns only). */
  readonly case?: CaseRecord;
  /**
   * The agent that sent it, as the read embedded it: message reads and the send and update answers
   * do, the API key's pseudo-agent included (named after the key). Undefined otherwise.
   */
  readonly sender?: UserRecord;
  /** The mail fields, when the read carried them (the answer of an email send). */
  readonly email?: EmailRecord;
  /** The text-message fields, when the read carried them (the answer of an SMS send). */
  readonly sms?: SmsRecord;
}

export interface EmailAddressRecord {
  readonly email: string;
  readonly name: string | null;
}

export interface EmailRecord {
  readonly subject: string | null;
  readonly from: EmailAddressRecord | null;
  readonly to: ReadonlyArray<EmailAddressRecord>;
  readonly cc: ReadonlyArray<EmailAddressRecord>;
  readonly bcc: ReadonlyArray<EmailAddressRecord>;
}

export interface SmsRecord {
  readonly from: string | null;
  readonly to: string | null;
  readonly status: string | null;
}

export interface UserRecord {
  readonly id: string;
  readonly name: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly photo: string | null;
  /**
   * The account status, as the settings API's user carries it; undefined on the copies that
   * conversations embed (senders, participants, note users), which carry none.
   */
  readonly status?: UserStatus | null;  /** Only on a user an Agent Status Change event delivers: what the webhook said of its presence. */
  readonly presence?: PresenceRecord;
}

/** An agent's presence as a webhook told it (not the account status), and when. */
export interface PresenceRecord {
  readonly availability: AgentAvailability | null;
  readonly channels: ReadonlyArray<PresenceChannel> | null;
  readonly changedAt: string;
}

export interface DepartmentRecord {
  readonly id: string;
  readonly name: string | null;
  readonly status: DepartmentStatus | null;
  readonly members: ReadonlyArray<UserRecord>;
}

export interface ParticipantRecord {
  readonly id: string;
  readonly type: ParticipantType;
  /** The agent's user id, or the contact's id when `type` is CONTACT. */
  readonly userId: string | null;
  readonly role: string | null;
  readonly status: string | null;
  readonly closed: boolean | null;
  readonly dateLastAssigned: string | null;
  /** The agent, when the upstream embedded it. */
  readonly user?: UserRecord;
}

export interface TimelineRecord {
  readonly id: string;
  readonly objectType: string | null;
  readonly caseId: string | null;
  readonly contactId: string | null;
  readonly threadId: string | null;
  readonly meta: unknown;
  readonly dateCreated: string | null;
  readonly dateUpdated: string | null;
}

export interface NoteRecord {
  readonly id: string;
  readonly contactId: string | null;
  readonly title: string | null;
  readonly description: string | null;
  readonly authorId: string | null;
  readonly dateCreated: string | null;
  /** The author as the read embedded it, when it did. */
  readonly author?: UserRecord;
  /** Undefined when the read did not carry them (a note embedded in a message answer). */
  readonly users?: ReadonlyArray<NoteUserRecord>;
  readonly lastMessage?: NoteMessageRecord | null;
}

/** An agent a note involves: its author or one it mentions. */
export interface NoteUserRecord {
  readonly userId: string;
  readonly user?: UserRecord;
}

export interface NoteMessageRecord {
  readonly id: string;
  readonly noteId: string | null;
  /** Null for a message at the top of the thread (the upstream says 0 or null). */
  readonly parentId: string | null;
  readonly text: string | null;
  readonly authorId: string | null;
  readonly author?: UserRecord;
  readonly dateCreated: string | null;
  /** The note's columns, when the answer embedded them. */
  readonly note?: NoteRecord;
}

/** A snooze of a case (`/crm/follow-up`). */
export interface SnoozeRecord {
  readonly id: string;
  /** Null when the snooze is on a contact rather than a case. */
  readonly caseId: string | null;
  readonly contactId: string | null;
  readonly until: string | null;
  readonly message: string | null;
  readonly authorId: string | null;
  /** The author as the answer embedded it, when it did. */
  readonly author?: UserRecord;
}

export interface TagRecord {
  readonly id: string;
  readonly name: string | null;
}

export interface InvitationRecord {
  readonly userId: string;
  readonly online: boolean;
  readonly sent: boolean;
}

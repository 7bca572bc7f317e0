/**
 * The stored records. Each record type holds exactly the upstream's columns, in the upstream's
 * spelling (yes/no strings, string ids where Acquire sends strings), so rendering a row is a copy.
 */
export type YesNo = 'yes' | 'no';

export const CHANNELS = ['chat', 'mail', 'sms', 'voip', 'audio-call', 'video-call', 'private-form', 'view'] as const;
/** `email` is the e-mail channel's name in the docs dialect (dialect.ts), `mail` in the default one. */
export type Channel = (typeof CHANNELS)[number] | 'email';

/** `queue` is undocumented but named by the webhook events; the seed has a few such cases. */
export type CaseStatus = 'pending' | 'active' | 'closed' | 'queue';

export type MessageType = 'message' | 'note' | 'event' | 'sms';
export type SenderType = 'user' | 'contact';
export type JsonObject = Record<string, unknown>;

export interface Agent {
  id: number;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  phone: string | null;
  photo: string;
  language: string | null;
  dateCreated: string;
  /** Drives invite-agent's `online`/`sent`, and is the availability the Agent Status Change webhook carries. */
  online: boolean;
  /** The channels the agent has turned on, as the Agent Status Change webhook carries them. */
  channels: { chat: boolean; email: boolean; voip: boolean };
  /**
   * The settings user's `status`. The docs only ever show "active"; the webhook page says agents go
   * "active/inactive", so the agent-status changes of the demo activity toggle between the two (a guess).
   */
  status: AgentStatus;
}

export type AgentStatus = 'active' | 'inactive';

export interface Department {
  id: number;
  name: string;
  agentIds: number[];
}

export interface Company {
  dateCreated: string;
  dateUpdated: string | null;
  id: number;
  fields: { name: string; website: string; logo: string };
}

export interface Country {
  name: string;
  name_official: string;
  cca2: string;
  ccn3: string;
  cca3: string;
  calling_code1: number;
  region_id: number;
  lat: string;
  lng: string;
  voip_enable: boolean;
}

export const CLIENT_TYPES = ['web', 'sdk', 'client'] as const;

/** Contacts added through the API have no client: the filter example shows such a contact with nulls. */
export interface ContactRecord {
  dateCreated: string;
  dateUpdated: string;
  id: number;
  clientType: (typeof CLIENT_TYPES)[number] | null;
  clientName: string | null;
  clientVersion: string | null;
  clientOsName: string | null;
  clientOsVersion: string | null;
  clientDeviceType: string | null;
  clientDeviceVendor: string | null;
  clientDeviceModel: string | null;
  clientDetails: JsonObject | null;
  archive: YesNo;
  companyId: number | null;
}

/**
 * The flat `fields` object of the contact endpoints. A key is absent when the contact never had a
 * value, as in the contact list example; seeded contacts have every key, anonymous ones a null name and email.
 */
export interface ContactFields {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  city?: string | null;
  state?: string | null;
  country?: Country | null;
  countryId?: string | null;
  ip?: string | null;
}

export interface ContactEntry {
  record: ContactRecord;
  fields: ContactFields;
  /** Set by POST /crm/block-visitor: blocked until `till` (ISO), or for good when `till` is null. */
  block: { till: string | null } | null;
}

export interface CaseRecord {
  dateCreated: string;
  dateUpdated: string;
  id: number;
  contactId: number;
  closedBy: number | null;
  visitId: number | null;
  title: string;
  description: string;
  channel: Channel;
  status: CaseStatus;
  closingState: string | null;
  dateQueue: string;
  datePending: string | null;
  dateActive: string | null;
  dateClosed: string | null;
  queueId: number | null;
  queueOrder: number;
  meta: JsonObject;
  parentId: number | null;
  userId: number | null;
  waitTime: number;
  threadId: number;
  timelineId: number;
}

export type CaseColumn = keyof CaseRecord;

export interface Participant {
  id: number;
  caseId: number;
  type: 'user' | 'contact';
  userId: number;
  role: 'owner';
  status: 'active' | 'rejected' | 'assigned' | 'joined';
  dateCreated: string;
  dateLastAssigned: string;
  closed: YesNo;
  meta: null;
}

export interface MessageRecord {
  id: number;
  caseId: number;
  channel: Channel;
  senderId: number;
  senderType: SenderType;
  type: MessageType;
  message: string;
  dateCreated: string;
  dateUpdated: string | null;
  seen: YesNo;
  meta: JsonObject;
}

export type MessageColumn = keyof MessageRecord;

export interface TimelineRecord {
  id: number;
  objectType: 'case';
  caseId: number;
  viewId: null;
  noteId: null;
  threadId: number;
  /** A string upstream. */
  contactId: string;
  archive: YesNo;
  meta: JsonObject;
  dateCreated: string;
  /** Zone-less `YYYY-MM-DD HH:MM:SS` upstream. */
  dateUpdated: string;
}

export interface Feedback {
  id: number;
  caseId: number;
  contactId: number;
  questionId: number;
  question: string;
  type: 'rating';
  value: string;
  label: string;
  comment: string | null;
  dateCreated: string;
}

/** Acquire sends `[]` for a case without custom fields, an object otherwise. */
export type CaseFields = never[] | Record<string, string>;

export interface CaseEntry {
  record: CaseRecord;
  /** Agents first, then the contact, as in the docs' examples. */
  participants: Participant[];
  /** Oldest first. */
  messages: MessageRecord[];
  timeline: TimelineRecord[];
  feedbacks: Feedback[];
  fields: CaseFields;
}

/** The API key's own pseudo-agent: what Acquire shows as the sender of API writes. */
export const API_USER = { id: 99, name: 'Support Bot' } as const;

export interface NoteRecord {
  id: number;
  contactId: number;
  userId: number;
  type: 'note';
  title: string | null;
  description: string | null;
  dateCreated: string;
}

/** The note's `users`: its author and the agents mentioned in it. */
export interface NoteUser {
  id: number;
  noteId: number;
  userId: number;
}

export interface NoteMessage {
  id: number;
  noteId: number;
  /** null, 0 (the docs show both for a top-level message) or the id of the message replied to. */
  parentId: number | null;
  userId: number;
  type: 'message';
  message: string;
  dateCreated: string;
}

export interface NoteEntry {
  record: NoteRecord;
  users: NoteUser[];
  /** Oldest first. */
  messages: NoteMessage[];
}

/** A snooze (`/crm/follow-up`); `scheduleDate` is zone-less `YYYY-MM-DD HH:MM:SS` UTC, as the docs send it. */
export interface Snooze {
  id: number;
  objectType: 'case' | 'contact';
  contactId: number;
  scheduleDate: string;
  objectId: number;
  userId: number;
  message: string;
}

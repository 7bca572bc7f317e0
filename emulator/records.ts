/**
 * The stored records. Each record type holds exactly the upstream's columns, in the upstream's
 * spelling (yes/no strings, string ids where Acquire sends strings), so rendering a row is a copy.
 */
export type YesNo = 'yes' | 'no';

export const CHANNELS = ['chat', 'mail', 'sms', 'voip', 'audio-call', 'video-call', 'private-form', 'view'] as const;
export type Channel = (typeof CHANNELS)[number];

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
  /** Drives invite-agent's `online`/`sent`. */
  online: boolean;
}

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

export interface ContactRecord {
  dateCreated: string;
  dateUpdated: string;
  id: number;
  clientType: 'web' | 'sdk' | 'client';
  clientName: string;
  clientVersion: string;
  clientOsName: string;
  clientOsVersion: string;
  clientDeviceType: string | null;
  clientDeviceVendor: string | null;
  clientDeviceModel: string | null;
  clientDetails: {
    ua: string;
    engine: { name: string; version: string };
    network: { type: string; speed: string };
  };
  archive: YesNo;
  companyId: number | null;
}

export interface ContactFields {
  name: string | null;
  email: string | null;
  phone: string;
  city: string;
  state: string;
  country: Country;
  countryId: string;
  ip: string;
}

export interface ContactEntry {
  record: ContactRecord;
  fields: ContactFields;
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

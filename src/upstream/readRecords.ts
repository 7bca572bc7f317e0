/**
 * Upstream JSON objects -> normalised records. Parsing is lenient: unknown keys are ignored,
 * missing or malformed values become null, and only a record without an id is rejected.
 */
import { malformedError } from './errors.js';
import {
  isObject,
  toBool,
  toCaseStatus,
  toChannel,
  toId,
  toInt,
  toIsoDate,
  toMessageType,
  toParticipantType,
  toSenderType,
  toDepartmentStatus,
  toStr,
  toUserStatus,
} from './normalize.js';
import type { CaseStatus, SenderType } from '../domain/enums.js';
import type {
  CaseRecord,
  CompanyRecord,
  ContactRecord,
  DepartmentRecord,
  EmailAddressRecord,
  EmailRecord,
  InvitationRecord,
  MessageRecord,
  NoteMessageRecord,
  NoteRecord,
  NoteUserRecord,
  ParticipantRecord,
  SmsRecord,
  SnoozeRecord,
  TagRecord,
  TimelineRecord,
  UserRecord,
} from '../domain/records.js';

/** A record while it is being built; it is readonly from the moment it is returned. */
type Draft<T> = { -readonly [K in keyof T]: T[K] };

function idOf(raw: Record<string, unknown>, what: string): string {
  const id = toId(raw.id);
  if (id === null) throw malformedError(`a ${what} without an id`);
  return id;
}

function objects(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function optionalList<T>(raw: Record<string, unknown>, key: string, read: (item: Record<string, unknown>) => T): T[] | undefined {
  return key in raw ? objects(raw[key]).map(read) : undefined;
}

export function readCase(raw: Record<string, unknown>): CaseRecord {
  const id = idOf(raw, 'case');
  const contactId = toId(raw.contactId) ?? (isObject(raw.contact) ? toId(raw.contact.id) : null);
  const record: Draft<CaseRecord> = {
    id,
    title: toStr(raw.title),
    description: toStr(raw.description),
    channel: toChannel(raw.channel),
    status: caseStatusOf(raw),
    threadId: toId(raw.threadId),
    closingState: toStr(raw.closingState),
    dateQueue: toIsoDate(raw.dateQueue),
    datePending: toIsoDate(raw.datePending),
    dateActive: toIsoDate(raw.dateActive),
    dateClosed: toIsoDate(raw.dateClosed),
    userId: toId(raw.userId),
    waitTime: toStr(raw.waitTime),
    waitSeconds: toInt(raw.waitTime),
    queueId: toId(raw.queueId),
    queueOrder: toInt(raw.queueOrder),
    meta: raw.meta ?? null,
    contactId,
    parentId: toId(raw.parentId),
    closedById: toId(raw.closedBy),
    timelineId: toId(raw.timelineId),
    dateCreated: toIsoDate(raw.dateCreated),
    dateUpdated: toIsoDate(raw.dateUpdated),
  };
  if ('contact' in raw) record.contact = isObject(raw.contact) ? readContact(raw.contact) : null;
  const messages = optionalList(raw, 'messages', readMessage);
  if (messages) record.messages = sortOldestFirst(messages);
  const users = optionalList(raw, 'users', (item) => readParticipant(item, contactId));
  if (users) record.users = users;
  if ('timeline' in raw) record.timeline = readCaseTimeline(raw.timeline);
  if ('feedbacks' in raw) record.feedbacks = Array.isArray(raw.feedbacks) ? raw.feedbacks.filter((f) => f !== null) : [];
  const tags = readTags(raw);
  if (tags) record.tags = tags;
  if ('fields' in raw) record.fields = readCaseFields(raw.fields);
  if ('parent' in raw) record.parent = isObject(raw.parent) ? readCase(raw.parent) : null;
  if ('lastMessage' in raw) record.lastMessage = isObject(raw.lastMessage) ? readMessage(raw.lastMessage) : null;
  return record;
}

/**
 * A case waiting in a routing queue. The case page names no `queue` status ("such as active,
 * close, etc.", rest-apis/conversation/conversation-or-cases/README.md:17), the webhook page names a
 * Queue chat state (webhook-api/webhook-events-1.md:22-23), and the drafts show a case sent back
 * to the queue as `pending` with a queue id and no active date
 * (drafts-2021/.../conversation-or-cases/case-reject.md:43,47,49). Both read as QUEUE; a pending case
 * without a queue id, or already active once, stays PENDING.
 */
function caseStatusOf(raw: Record<string, unknown>): CaseStatus | null {
  const status = toCaseStatus(raw.status);
  if (status !== 'PENDING' || toId(raw.queueId) === null || toId(raw.queueId) === '0') return status;
  return toIsoDate(raw.dateActive) === null ? 'QUEUE' : status;
}

/**
 * The only case the docs show with its timeline embedded has it as one object
 * (rest-apis/conversation/conversation-or-cases/messages-1/add.md:602), where the relation's name
 * suggests a list: both are read. One object without an id is no entry (a case that has none).
 */
function readCaseTimeline(value: unknown): TimelineRecord[] {
  if (isObject(value)) return toId(value.id) === null ? [] : [readTimeline(value)];
  return objects(value).map(readTimeline);
}

/**
 * The `tags` relation, whose shape no page shows: tag objects, or link rows that embed their
 * `tag`. A tag without an id is left out.
 */
export function readTags(raw: Record<string, unknown>): TagRecord[] | undefined {
  if (!('tags' in raw)) return undefined;
  return objects(raw.tags).flatMap((item) => {
    const tag = isObject(item.tag) ? item.tag : item;
    const id = toId(tag.id);
    return id === null ? [] : [{ id, name: toStr(tag.name ?? tag.title ?? tag.label) }];
  });
}

/** Documented as an object, returned as `[]` when a case has none. */
function readCaseFields(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 0) return {};
  return value ?? null;
}

function olderFirst(a: MessageRecord, b: MessageRecord): number {
  // ISO-8601 UTC strings of one format sort as text; ids break ties (and stand in for missing dates).
  const byDate = (a.dateCreated ?? '') < (b.dateCreated ?? '') ? -1 : (a.dateCreated ?? '') > (b.dateCreated ?? '') ? 1 : 0;
  return byDate || Number(a.id) - Number(b.id);
}

/** Oldest first, as the schema promises; the upstream's order is not documented. */
export function sortOldestFirst(messages: ReadonlyArray<MessageRecord>): ReadonlyArray<MessageRecord> {
  for (let i = 1; i < messages.length; i += 1) {
    if (olderFirst(messages[i - 1]!, messages[i]!) > 0) return [...messages].sort(olderFirst);
  }
  return messages;
}

/** The newest of messages already in `sortOldestFirst` order. */
export function newestOf(messages: readonly MessageRecord[]): MessageRecord | null {
  return messages.at(-1) ?? null;
}

export function readContact(raw: Record<string, unknown>): ContactRecord {
  const record: Draft<ContactRecord> = {
    id: idOf(raw, 'contact'),
    hasColumns: true,
    clientType: toStr(raw.clientType),
    clientName: toStr(raw.clientName),
    clientVersion: toStr(raw.clientVersion),
    clientOsName: toStr(raw.clientOsName),
    clientOsVersion: toStr(raw.clientOsVersion),
    clientDeviceType: toStr(raw.clientDeviceType),
    clientDetails: raw.clientDetails ?? null,
    archived: toBool(raw.archive),
    companyId: toId(raw.companyId),
    dateCreated: toIsoDate(raw.dateCreated),
    dateUpdated: toIsoDate(raw.dateUpdated),
  };
  if ('fields' in raw) record.fields = readContactFields(raw.fields);
  const cases = optionalList(raw, 'cases', readCase);
  if (cases) record.cases = cases;
  if ('company' in raw) record.company = readCompany(raw.company);
  const tags = readTags(raw);
  if (tags) record.tags = tags;
  return record;
}

/** A contact's `company`; the list sends `{fields: {}}` for a contact without one. */
export function readCompany(value: unknown): CompanyRecord | null {
  if (!isObject(value)) return null;
  const id = toId(value.id);
  if (id === null) return null;
  const fields = isObject(value.fields) ? value.fields : {};
  return {
    id,
    name: toStr(fields.name),
    website: toStr(fields.website),
    logo: toStr(fields.logo),
    fields,
    dateCreated: toIsoDate(value.dateCreated),
    dateUpdated: toIsoDate(value.dateUpdated),
  };
}

/** A contact known only by its id: its columns are read when a resolver needs them. */
export function contactReference(id: string): ContactRecord {
  return {
    id,
    hasColumns: false,
    clientType: null,
    clientName: null,
    clientVersion: null,
    clientOsName: null,
    clientOsVersion: null,
    clientDeviceType: null,
    clientDetails: null,
    archived: null,
    companyId: null,
    dateCreated: null,
    dateUpdated: null,
  };
}

/**
 * Contact endpoints send `fields` as a flat object; create and reopen send an array of
 * field-value records (`[{value, field: {key: "name"}}]`). Both become the flat object.
 */
export function readContactFields(value: unknown): Record<string, unknown> {
  if (isObject(value)) return value;
  const flat: Record<string, unknown> = {};
  for (const item of objects(value)) {
    const key = isObject(item.field) ? toStr(item.field.key) : toStr(item.key);
    if (key !== null) flat[key] = item.value ?? null;
  }
  return flat;
}

export function readMessage(raw: Record<string, unknown>): MessageRecord {
  const record: Draft<MessageRecord> = {
    id: idOf(raw, 'message'),
    caseId: toId(raw.caseId) ?? (isObject(raw.case) ? toId(raw.case.id) : null),
    channel: toChannel(raw.channel),
    type: toMessageType(raw.type),
    text: toStr(raw.message),
    senderType: toSenderType(raw.senderType),
    senderId: toId(raw.senderId),
    seen: toBool(raw.seen),
    meta: raw.meta ?? null,
    dateCreated: toIsoDate(raw.dateCreated),
    dateUpdated: toIsoDate(raw.dateUpdated),
  };
  if (isObject(raw.case) && toId(raw.case.id) !== null) record.case = readCase(raw.case);
  const sender = embeddedAgent(raw.sender, record.senderType);
  if (sender) record.sender = sender;
  return record;
}

/**
 * The agent a message read embeds as its `sender`. A contact's embedded copy is left out: it
 * carries a stand-in name (`#<id>`), not the contact's.
 */
function embeddedAgent(value: unknown, senderType: SenderType | null): UserRecord | undefined {
  if (!isObject(value) || toId(value.id) === null) return undefined;
  const type = toSenderType(value.type) ?? senderType;
  return type === 'USER' ? readUser(value) : undefined;
}

/** An address as the mail answer gives it (`{Name, Email}`), or a bare string. */
function readAddress(value: unknown): EmailAddressRecord | null {
  if (typeof value === 'string') return value.trim() === '' ? null : { email: value.trim(), name: null };
  if (!isObject(value)) return null;
  const email = toStr(value.Email ?? value.email);
  if (email === null || email.trim() === '') return null;
  const name = toStr(value.Name ?? value.name);
  return { email: email.trim(), name: name === null || name.trim() === '' ? null : name };
}

function readAddresses(value: unknown): EmailAddressRecord[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.map(readAddress).filter((address): address is EmailAddressRecord => address !== null);
}

/** The mail fields of an email send's answer. */
export function readEmail(raw: Record<string, unknown>): EmailRecord {
  return {
    subject: toStr(raw.subject),
    from: readAddress(raw.from),
    to: readAddresses(raw.to),
    cc: readAddresses(raw.cc),
    bcc: readAddresses(raw.bcc),
  };
}

/** The text-message fields of an SMS send's answer. */
export function readSms(raw: Record<string, unknown>): SmsRecord {
  return { from: toStr(raw.from), to: toStr(raw.to), status: toStr(raw.status) };
}

export function readUser(raw: Record<string, unknown>): UserRecord {
  const firstName = toStr(raw.firstName);
  const lastName = toStr(raw.lastName);
  const joined = [firstName, lastName].filter((part) => part).join(' ');
  return {
    id: idOf(raw, 'user'),
    name: toStr(raw.name) ?? (joined === '' ? null : joined),
    firstName,
    lastName,
    email: toStr(raw.email),
    photo: toStr(raw.photo),
    ...('status' in raw ? { status: toUserStatus(raw.status) } : {}),
  };
}

/** A department of the list, with its members (settings users); the single read has none. */
export function readDepartment(raw: Record<string, unknown>): DepartmentRecord {
  return {
    id: idOf(raw, 'department'),
    name: toStr(raw.name),
    status: toDepartmentStatus(raw.status),
    members: objects(raw.users).filter((user) => toId(user.id) !== null).map(readUser),
  };
}

/**
 * Some payloads (send-SMS) leave out the participant's `type`: then the embedded user's type
 * decides, and failing that, whether the participant is the case's contact.
 */
export function readParticipant(raw: Record<string, unknown>, caseContactId: string | null): ParticipantRecord {
  const userId = toId(raw.userId) ?? (isObject(raw.user) ? toId(raw.user.id) : null);
  const embedded = isObject(raw.user) ? raw.user : undefined;
  const type =
    toParticipantType(raw.type) ??
    toParticipantType(embedded?.type) ??
    (userId !== null && userId === caseContactId ? 'CONTACT' : 'USER');
  const record: Draft<ParticipantRecord> = {
    id: idOf(raw, 'case participant'),
    type,
    userId,
    role: toStr(raw.role),
    status: toStr(raw.status),
    closed: toBool(raw.closed),
    dateLastAssigned: toIsoDate(raw.dateLastAssigned),
  };
  if (type === 'USER' && embedded && toId(embedded.id) !== null) record.user = readUser(embedded);
  return record;
}

/** A note: from the list and the get (with users and lastMessage), or embedded in an answer (columns only). */
export function readNote(raw: Record<string, unknown>): NoteRecord {
  const authorId = toId(raw.userId);
  const record: Draft<NoteRecord> = {
    id: idOf(raw, 'note'),
    contactId: toId(raw.contactId),
    title: toStr(raw.title),
    description: toStr(raw.description),
    authorId,
    dateCreated: toIsoDate(raw.dateCreated),
  };
  if ('users' in raw) {
    // The create answer's users have no id of their own, and embed the note rather than the user.
    record.users = objects(raw.users).flatMap((item): NoteUserRecord[] => {
      const userId = toId(item.userId) ?? (isObject(item.user) ? toId(item.user.id) : null);
      if (userId === null) return [];
      const user = isObject(item.user) && toId(item.user.id) !== null ? readUser(item.user) : undefined;
      return [user ? { userId, user } : { userId }];
    });
  }
  if ('lastMessage' in raw) record.lastMessage = isObject(raw.lastMessage) ? withKnownAuthor(readNoteMessage(raw.lastMessage), record.users) : null;
  const author =
    record.users?.find((user) => user.userId === authorId)?.user ??
    (record.lastMessage && record.lastMessage.authorId === authorId ? record.lastMessage.author : undefined);
  if (author) record.author = author;
  return record;
}

/** The list's `lastMessage` embeds no user; the note's users often embed the one who wrote it. */
function withKnownAuthor(message: NoteMessageRecord, users: ReadonlyArray<NoteUserRecord> | undefined): NoteMessageRecord {
  if (message.author) return message;
  const author = users?.find((user) => user.userId === message.authorId)?.user;
  return author ? { ...message, author } : message;
}

export function readNoteMessage(raw: Record<string, unknown>): NoteMessageRecord {
  const parentId = toId(raw.parentId);
  const record: Draft<NoteMessageRecord> = {
    id: idOf(raw, 'note message'),
    noteId: toId(raw.noteId) ?? (isObject(raw.note) ? toId(raw.note.id) : null),
    parentId: parentId === '0' ? null : parentId,
    text: toStr(raw.message),
    authorId: toId(raw.userId),
    dateCreated: toIsoDate(raw.dateCreated),
  };
  if (isObject(raw.user) && toId(raw.user.id) !== null) record.author = readUser(raw.user);
  if (isObject(raw.note) && toId(raw.note.id) !== null) record.note = readNote(raw.note);
  return record;
}

export function readTimeline(raw: Record<string, unknown>): TimelineRecord {
  return {
    id: idOf(raw, 'timeline entry'),
    objectType: toStr(raw.objectType),
    caseId: toId(raw.caseId),
    contactId: toId(raw.contactId),
    threadId: toId(raw.threadId),
    meta: raw.meta ?? null,
    dateCreated: toIsoDate(raw.dateCreated),
    dateUpdated: toIsoDate(raw.dateUpdated),
  };
}

export function readInvitation(raw: Record<string, unknown>): InvitationRecord | null {
  const userId = toId(raw.userId);
  if (userId === null) return null;
  return { userId, online: toBool(raw.online) ?? false, sent: toBool(raw.sent) ?? false };
}

/**
 * A snooze as the create answer carries it. Its `users` (the owner) come as an array of maps keyed
 * by user id on the docs' page and as one such map in the fact sheet: both are read.
 */
export function readSnooze(raw: Record<string, unknown>): SnoozeRecord {
  const objectType = toStr(raw.objectType);
  const authorId = toId(raw.userId);
  const record: Draft<SnoozeRecord> = {
    id: idOf(raw, 'snooze'),
    caseId: objectType === 'case' ? (toId(raw.objectId) ?? toId(raw.caseId)) : toId(raw.caseId),
    contactId: toId(raw.contactId),
    until: toIsoDate(raw.scheduleDate),
    message: toStr(raw.message),
    authorId,
  };
  const maps = Array.isArray(raw.users) ? raw.users.filter(isObject) : isObject(raw.users) ? [raw.users] : [];
  const owners = maps.flatMap((map) => (toId(map.id) !== null ? [map] : Object.values(map).filter(isObject)));
  // The docs' example names owner 1 for userId 12: only an owner that is the author is taken as it.
  const author = owners.find((owner) => authorId !== null && toId(owner.id) === authorId);
  if (author) record.author = readUser(author);
  return record;
}

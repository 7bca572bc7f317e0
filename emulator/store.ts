/** The live state of one account, indexed for the routes, and the changes the API can make to it. */
import type { AccountProfile } from './accounts.js';
import { applyDialect, type Dialect } from './dialect.js';
import { WEB_CHANNELS, caseTitle } from './caseDefaults.js';
import { zonelessDate } from './dates.js';
import { NoteBook } from './noteBook.js';
import {
  API_USER,
  type Agent,
  type AgentStatus,
  type CaseEntry,
  type Channel,
  type Company,
  type ContactEntry,
  type ContactFields,
  type ContactRecord,
  type Department,
  type MessageRecord,
  type MessageType,
  type SenderType,
  type Snooze,
  type TimelineRecord,
  type YesNo,
} from './records.js';
import type { AccountData, IdCounters } from './seed.js';
import { CLOSING_EVENT, OPENING_EVENTS } from './seedText.js';

/** The changes Acquire sends outbound webhooks for (see webhooks.ts). */
export type StoreChange =
  | { type: 'case-created'; entry: CaseEntry }
  | { type: 'case-status'; entry: CaseEntry }
  | { type: 'agent-status'; agent: Agent };

export type ClientColumns = Omit<ContactRecord, 'id' | 'dateCreated' | 'dateUpdated' | 'archive' | 'companyId'>;

/** A validated contact write: only the keys the caller sent. */
export interface ContactInput {
  fields: ContactFields;
  columns: Partial<ClientColumns>;
}

export interface NewMessage {
  senderType: SenderType;
  senderId: number;
  type: MessageType;
  text: string;
  seen: YesNo;
}

export interface NewCase {
  contact: ContactEntry;
  channel: Channel;
  title: string | null;
  message: { type: MessageType; text: string } | null;
  /** The cases of the thread being reopened, or null for a new thread. */
  thread: readonly CaseEntry[] | null;
  /** Who opened it: the API (the message is the API user's) or the contact (an opening event, then the contact's message). */
  openedBy?: 'api' | 'contact';
}

export class AccountStore {
  readonly profile: AccountProfile;
  /** How this emulator answers where the docs allow two readings. */
  readonly dialect: Dialect;
  readonly agents: readonly Agent[];
  readonly agentsById: ReadonlyMap<number, Agent>;
  readonly departments: readonly Department[];
  readonly departmentsById: ReadonlyMap<number, Department>;
  readonly companiesById: ReadonlyMap<number, Company>;
  /** Id order: ids only grow, so new contacts are appended. */
  readonly contactsById: Map<number, ContactEntry>;
  /** Id order: ids only grow, so new cases are appended. */
  readonly cases: CaseEntry[];
  readonly casesById = new Map<number, CaseEntry>();
  readonly casesByThread = new Map<number, CaseEntry[]>();
  readonly casesByContact = new Map<number, CaseEntry[]>();
  readonly messagesById = new Map<number, MessageRecord>();
  readonly notes: NoteBook;
  readonly snoozesById: Map<number, Snooze>;
  private readonly next: IdCounters;
  private readonly listeners = new Set<(change: StoreChange) => void>();

  constructor(data: AccountData, dialect: Dialect) {
    this.profile = data.profile;
    this.dialect = dialect;
    applyDialect(data.cases, dialect);
    this.agents = data.agents;
    this.agentsById = new Map(data.agents.map((agent) => [agent.id, agent]));
    this.departments = data.departments;
    this.departmentsById = new Map(data.departments.map((department) => [department.id, department]));
    this.companiesById = new Map(data.companies.map((company) => [company.id, company]));
    this.contactsById = new Map(data.contacts.map((contact) => [contact.record.id, contact]));
    this.cases = [];
    this.next = { ...data.next };
    this.notes = new NoteBook(data.notes, this.next);
    this.snoozesById = new Map(data.snoozes.map((snooze) => [snooze.id, snooze]));
    for (const entry of data.cases) this.index(entry);
  }

  /** Calls the listener after each change that Acquire would send a webhook for, for the life of this data. */
  onChange(listener: (change: StoreChange) => void): void {
    this.listeners.add(listener);
  }

  /** The cases reopened from this one (Acquire's `cases` relation). */
  reopensOf(entry: CaseEntry): CaseEntry[] {
    const thread = this.casesByThread.get(entry.record.id) ?? [];
    return thread.filter((other) => other.record.parentId === entry.record.id);
  }

  /** The agents of the given departments; unknown departments have none. */
  agentIdsOfDepartments(departmentIds: readonly number[]): number[] {
    return departmentIds.flatMap((id) => this.departmentsById.get(id)?.agentIds ?? []);
  }

  /**
   * Keeps the case's messages in (dateCreated, id) order, the order the `messages` relation shows
   * and the thread endpoint's `lastMessage` takes the last of: a message is normally the newest,
   * but a clock behind the seeded dates must not break that order.
   */
  addMessage(entry: CaseEntry, draft: NewMessage, now: string): MessageRecord {
    const message: MessageRecord = {
      id: this.next.message++,
      caseId: entry.record.id,
      channel: entry.record.channel,
      senderId: draft.senderId,
      senderType: draft.senderType,
      type: draft.type,
      message: draft.text,
      dateCreated: now,
      dateUpdated: null,
      seen: draft.seen,
      meta: {},
    };
    const { messages } = entry;
    let index = messages.length;
    while (index > 0 && (messages[index - 1]?.dateCreated ?? '') > now) index--;
    messages.splice(index, 0, message);
    this.messagesById.set(message.id, message);
    this.touch(entry, now);
    return message;
  }

  updateMessage(message: MessageRecord, text: string, now: string): void {
    message.message = text;
    message.dateUpdated = now;
    const entry = this.casesById.get(message.caseId);
    if (entry) this.touch(entry, now);
  }

  deleteMessage(message: MessageRecord): void {
    this.messagesById.delete(message.id);
    const entry = this.casesById.get(message.caseId);
    if (!entry) return;
    const index = entry.messages.indexOf(message);
    if (index >= 0) entry.messages.splice(index, 1);
  }

  createCase(request: NewCase, now: string): CaseEntry {
    const id = this.next.case++;
    const contactId = request.contact.record.id;
    const threadId = request.thread?.[0]?.record.threadId ?? id;
    const timeline: TimelineRecord = {
      id: this.next.timeline++,
      objectType: 'case',
      caseId: id,
      viewId: null,
      noteId: null,
      threadId,
      contactId: String(contactId),
      archive: 'no',
      meta: {},
      dateCreated: now,
      dateUpdated: zonelessDate(now),
    };
    const entry: CaseEntry = {
      record: {
        dateCreated: now,
        dateUpdated: now,
        id,
        contactId,
        closedBy: null,
        visitId: WEB_CHANNELS.has(request.channel) ? this.next.visit++ : null,
        title: request.title ?? caseTitle(request.channel, contactId, request.contact.fields.phone),
        description: request.message?.text ?? '',
        channel: request.channel,
        status: 'active',
        closingState: null,
        dateQueue: now,
        datePending: now,
        dateActive: now,
        dateClosed: null,
        queueId: null,
        queueOrder: 0,
        meta: {},
        parentId: request.thread ? threadId : null,
        userId: null,
        waitTime: 0,
        threadId,
        timelineId: timeline.id,
      },
      participants: [
        {
          id: this.next.participant++,
          caseId: id,
          type: 'contact',
          userId: contactId,
          role: 'owner',
          status: 'active',
          dateCreated: now,
          dateLastAssigned: now,
          closed: 'no',
          meta: null,
        },
      ],
      messages: [],
      timeline: [timeline],
      feedbacks: [],
      fields: [],
    };
    this.index(entry);
    if (request.openedBy === 'contact') {
      const opening = OPENING_EVENTS[request.channel] ?? '';
      this.addMessage(entry, { senderType: 'contact', senderId: contactId, type: 'event', text: opening, seen: 'yes' }, now);
    }
    if (request.message) {
      const { type, text } = request.message;
      const [senderType, senderId] = request.openedBy === 'contact' ? (['contact', contactId] as const) : (['user', API_USER.id] as const);
      this.addMessage(entry, { senderType, senderId, type, text, seen: 'no' }, now);
    }
    this.emit({ type: 'case-created', entry });
    return entry;
  }

  closeCase(entry: CaseEntry, closingState: string, now: string, closedBy: number = API_USER.id): void {
    const { record } = entry;
    record.status = 'closed';
    record.dateClosed = now;
    record.closedBy = closedBy;
    record.closingState = closingState;
    for (const participant of entry.participants) participant.closed = 'yes';
    this.addMessage(entry, { senderType: 'user', senderId: closedBy, type: 'event', text: CLOSING_EVENT, seen: 'yes' }, now);
    this.emit({ type: 'case-status', entry });
  }

  /**
   * The API user takes a case (the drafts' POST /crm/messenger/chat/join): a waiting case becomes
   * active, remembering its queue in `meta.queues` as the drafts' answer does; an active one gains
   * the API user as a participant, `joined` as in that answer.
   */
  joinCase(entry: CaseEntry, now: string): void {
    const { record } = entry;
    if (record.status !== 'active') {
      if (record.queueId !== null) record.meta = { ...record.meta, queues: [record.queueId] };
      // A case that waited was pending from its queue date on (the drafts' joined case has both).
      record.datePending ??= record.dateQueue;
      record.status = 'active';
      record.dateActive = now;
      record.queueId = null;
      record.waitTime = Math.max(0, Math.round((Date.parse(now) - Date.parse(record.dateQueue)) / 1000));
    }
    this.participate(entry, 'joined', now);
    this.touch(entry, now);
    this.emit({ type: 'case-status', entry });
  }

  /**
   * The API user turns a case down (the drafts' POST /crm/messenger/chat/reject): it goes back to
   * the queue, as the drafts' answer shows it (pending with queue 15, no active date, the
   * rejecting agent's participation `rejected`), in the dialect's spelling of a queued case.
   */
  rejectCase(entry: CaseEntry, queueId: number, now: string): void {
    const { record } = entry;
    record.status = this.dialect.queueStatus;
    record.queueId = queueId;
    record.dateActive = null;
    record.datePending = now;
    this.participate(entry, 'rejected', now);
    this.touch(entry, now);
    this.emit({ type: 'case-status', entry });
  }

  /** An open case waits for an agent again (the API has no such write; the demo activity does it). */
  setPending(entry: CaseEntry, now: string): void {
    entry.record.status = 'pending';
    entry.record.datePending = now;
    this.touch(entry, now);
    this.emit({ type: 'case-status', entry });
  }

  /** An agent's status changes, and its availability with it (a guess: see webhooks.ts). */
  setAgentStatus(agent: Agent, status: AgentStatus): void {
    agent.status = status;
    agent.online = status === 'active';
    this.emit({ type: 'agent-status', agent });
  }

  addContact(input: ContactInput, now: string): ContactEntry {
    const contact: ContactEntry = {
      record: {
        dateCreated: now,
        dateUpdated: now,
        id: this.next.contact++,
        clientType: null,
        clientName: null,
        clientVersion: null,
        clientOsName: null,
        clientOsVersion: null,
        clientDeviceType: null,
        clientDeviceVendor: null,
        clientDeviceModel: null,
        clientDetails: null,
        archive: 'no',
        companyId: null,
        ...input.columns,
      },
      fields: { ...input.fields },
      block: null,
    };
    this.contactsById.set(contact.record.id, contact);
    return contact;
  }

  updateContact(contact: ContactEntry, input: ContactInput, now: string): void {
    Object.assign(contact.record, input.columns);
    Object.assign(contact.fields, input.fields);
    contact.record.dateUpdated = now;
  }

  /** The contact's notes and snoozes go with it; its cases stay, with no contact to embed (a guess: the docs are silent). */
  deleteContact(contact: ContactEntry): void {
    const { id } = contact.record;
    this.contactsById.delete(id);
    this.notes.deleteOfContact(id);
    for (const snooze of [...this.snoozesById.values()]) if (snooze.contactId === id) this.snoozesById.delete(snooze.id);
  }

  /**
   * Moves the secondaries' cases (with their participants, timeline and contact lines), notes and
   * snoozes to the primary, then deletes the secondaries. The docs keep both values where details
   * differ; with one value per field here, the primary keeps its own and takes the secondaries'
   * only where it has none (a guess).
   */
  mergeContacts(primary: ContactEntry, secondaries: readonly ContactEntry[], now: string): void {
    const primaryId = primary.record.id;
    for (const secondary of secondaries) {
      const secondaryId = secondary.record.id;
      for (const entry of this.casesByContact.get(secondaryId) ?? []) {
        entry.record.contactId = primaryId;
        for (const participant of entry.participants) if (participant.type === 'contact') participant.userId = primaryId;
        for (const timeline of entry.timeline) timeline.contactId = String(primaryId);
        for (const message of entry.messages) if (message.senderType === 'contact') message.senderId = primaryId;
      }
      const moved = this.casesByContact.get(secondaryId) ?? [];
      this.casesByContact.delete(secondaryId);
      const cases = [...(this.casesByContact.get(primaryId) ?? []), ...moved].sort((a, b) => a.record.id - b.record.id);
      if (cases.length > 0) this.casesByContact.set(primaryId, cases);
      this.notes.moveContact(secondaryId, primaryId);
      for (const snooze of this.snoozesById.values()) {
        if (snooze.contactId !== secondaryId) continue;
        snooze.contactId = primaryId;
        if (snooze.objectType === 'contact') snooze.objectId = primaryId;
      }
      for (const [key, value] of Object.entries(secondary.fields) as [keyof ContactFields, unknown][]) {
        const own = primary.fields[key];
        if ((own === undefined || own === null || own === '') && value !== undefined) Object.assign(primary.fields, { [key]: value });
      }
      this.contactsById.delete(secondaryId);
    }
    primary.record.dateUpdated = now;
  }

  addSnooze(draft: Omit<Snooze, 'id'>): Snooze {
    const snooze: Snooze = { id: this.next.snooze++, ...draft };
    this.snoozesById.set(snooze.id, snooze);
    return snooze;
  }

  takeMailId(): number {
    return this.next.mail++;
  }

  takeSmsId(): number {
    return this.next.sms++;
  }

  private index(entry: CaseEntry): void {
    const { record } = entry;
    this.cases.push(entry);
    this.casesById.set(record.id, entry);
    push(this.casesByThread, record.threadId, entry);
    push(this.casesByContact, record.contactId, entry);
    for (const message of entry.messages) this.messagesById.set(message.id, message);
  }

  /** The API user's participation in a case, added (agents first, as the examples list them) or updated. */
  private participate(entry: CaseEntry, status: 'joined' | 'rejected', now: string): void {
    const own = entry.participants.find((participant) => participant.type === 'user' && participant.userId === API_USER.id);
    if (own) {
      own.status = status;
      own.dateLastAssigned = now;
      return;
    }
    entry.participants.unshift({
      id: this.next.participant++,
      caseId: entry.record.id,
      type: 'user',
      userId: API_USER.id,
      role: 'owner',
      status,
      dateCreated: now,
      dateLastAssigned: now,
      closed: 'no',
      meta: null,
    });
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('Acquire emulator: a change listener failed', error);
      }
    }
  }

  private touch(entry: CaseEntry, now: string): void {
    entry.record.dateUpdated = now;
    const [timeline] = entry.timeline;
    if (timeline) timeline.dateUpdated = zonelessDate(now);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

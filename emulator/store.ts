/** The live state of one account, indexed for the routes, and the changes the API can make to it. */
import type { AccountProfile } from './accounts.js';
import { WEB_CHANNELS, caseTitle } from './caseDefaults.js';
import { zonelessDate } from './dates.js';
import {
  API_USER,
  type Agent,
  type CaseEntry,
  type Channel,
  type Company,
  type ContactEntry,
  type Department,
  type MessageRecord,
  type MessageType,
  type SenderType,
  type TimelineRecord,
  type YesNo,
} from './records.js';
import type { AccountData, IdCounters } from './seed.js';
import { CLOSING_EVENT } from './seedText.js';

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
}

export class AccountStore {
  readonly profile: AccountProfile;
  readonly agents: readonly Agent[];
  readonly agentsById: ReadonlyMap<number, Agent>;
  readonly departmentsById: ReadonlyMap<number, Department>;
  readonly companiesById: ReadonlyMap<number, Company>;
  readonly contactsById: ReadonlyMap<number, ContactEntry>;
  /** Id order: ids only grow, so new cases are appended. */
  readonly cases: CaseEntry[];
  readonly casesById = new Map<number, CaseEntry>();
  readonly casesByThread = new Map<number, CaseEntry[]>();
  readonly casesByContact = new Map<number, CaseEntry[]>();
  readonly messagesById = new Map<number, MessageRecord>();
  private readonly next: IdCounters;

  constructor(data: AccountData) {
    this.profile = data.profile;
    this.agents = data.agents;
    this.agentsById = new Map(data.agents.map((agent) => [agent.id, agent]));
    this.departmentsById = new Map(data.departments.map((department) => [department.id, department]));
    this.companiesById = new Map(data.companies.map((company) => [company.id, company]));
    this.contactsById = new Map(data.contacts.map((contact) => [contact.record.id, contact]));
    this.cases = [];
    this.next = { ...data.next };
    for (const entry of data.cases) this.index(entry);
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
    entry.messages.push(message);
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
    if (request.message) {
      const { type, text } = request.message;
      this.addMessage(entry, { senderType: 'user', senderId: API_USER.id, type, text, seen: 'no' }, now);
    }
    return entry;
  }

  closeCase(entry: CaseEntry, closingState: string, now: string): void {
    const { record } = entry;
    record.status = 'closed';
    record.dateClosed = now;
    record.closedBy = API_USER.id;
    record.closingState = closingState;
    for (const participant of entry.participants) participant.closed = 'yes';
    this.addMessage(entry, { senderType: 'user', senderId: API_USER.id, type: 'event', text: CLOSING_EVENT, seen: 'yes' }, now);
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

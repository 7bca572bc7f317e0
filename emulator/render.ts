/**
 * Stored records -> the upstream's JSON. Rows are shallow copies (or the stored objects themselves
 * where nothing is added), because every answer is serialised straight away.
 */
import {
  API_USER,
  type Agent,
  type CaseColumn,
  type CaseEntry,
  type CaseRecord,
  type ContactEntry,
  type ContactRecord,
  type JsonObject,
  type MessageColumn,
  type MessageRecord,
  type Participant,
} from './records.js';
import { VISIT_PAGES } from './seedText.js';
import type { AccountStore } from './store.js';

export const CASE_COLUMNS: ReadonlySet<CaseColumn> = new Set<CaseColumn>([
  'dateCreated', 'dateUpdated', 'id', 'contactId', 'closedBy', 'visitId', 'title', 'description', 'channel',
  'status', 'closingState', 'dateQueue', 'datePending', 'dateActive', 'dateClosed', 'queueId', 'queueOrder',
  'meta', 'parentId', 'userId', 'waitTime', 'threadId', 'timelineId',
]);

export const MESSAGE_COLUMNS: ReadonlySet<MessageColumn> = new Set<MessageColumn>([
  'id', 'caseId', 'channel', 'senderId', 'senderType', 'type', 'message', 'dateCreated', 'dateUpdated', 'seen', 'meta',
]);

export const CONTACT_COLUMNS: ReadonlySet<keyof ContactRecord> = new Set<keyof ContactRecord>([
  'dateCreated', 'dateUpdated', 'id', 'clientType', 'clientName', 'clientVersion', 'clientOsName', 'clientOsVersion',
  'clientDeviceType', 'clientDeviceVendor', 'clientDeviceModel', 'clientDetails', 'archive', 'companyId',
]);

/** Which columns and relations a read asked for; `select: null` means every column. */
export interface View<C extends string> {
  select: readonly C[] | null;
  relations: ReadonlySet<string>;
}

function pick<R extends object, C extends keyof R>(row: R, always: readonly C[], select: readonly C[] | null): JsonObject {
  if (!select) return { ...row } as JsonObject;
  const out: JsonObject = {};
  for (const column of [...always, ...select]) out[column as string] = row[column];
  return out;
}

/** With `select`, Acquire still sends `id` and `threadId`. */
export function caseColumns(record: CaseRecord, select: readonly CaseColumn[] | null = null): JsonObject {
  if (!select) return { ...record };
  const out = pick(record, ['id'], select);
  out['threadId'] = record.threadId;
  return out;
}

export function renderCase(store: AccountStore, entry: CaseEntry, view: View<CaseColumn>): JsonObject {
  const out = caseColumns(entry.record, view.select);
  for (const relation of view.relations) {
    switch (relation) {
      case 'contact':
        out['contact'] = store.contactsById.get(entry.record.contactId)?.record ?? null;
        break;
      case 'messages':
        out['messages'] = entry.messages;
        break;
      case 'users':
        out['users'] = participantsWithUsers(store, entry);
        break;
      case 'timeline':
        out['timeline'] = store.dialect.timelineAsObject ? (entry.timeline[0] ?? null) : entry.timeline;
        break;
      case 'feedbacks':
        out['feedbacks'] = entry.feedbacks;
        break;
      case 'fields':
        out['fields'] = entry.fields;
        break;
      case 'parent': {
        const parent = entry.record.parentId === null ? undefined : store.casesById.get(entry.record.parentId);
        out['parent'] = parent ? parent.record : null;
        break;
      }
      case 'cases':
        out['cases'] = store.reopensOf(entry).map((reopen) => reopen.record);
        break;
      case 'tags':
        out['tags'] = [];
        break;
    }
  }
  return out;
}

/** The conversation-style user: participants' `user`, messages' `sender`. */
export function embeddedUser(agent: Pick<Agent, 'id' | 'name' | 'firstName' | 'lastName' | 'photo' | 'email'>): JsonObject {
  return {
    roles: [],
    id: agent.id,
    name: agent.name,
    firstName: agent.firstName,
    lastName: agent.lastName,
    photo: agent.photo,
    email: agent.email,
    clientId: '',
    parentId: 0,
    type: 'user',
    accessLevel: null,
  };
}

/** The API key's pseudo-agent, named after the token. */
export const API_USER_PROFILE = {
  id: API_USER.id,
  name: API_USER.name,
  firstName: API_USER.name,
  lastName: '',
  photo: '',
  email: '',
} as const;

/** The API user in the fuller user shape of mail and SMS answers. */
export function detailedApiUser(): JsonObject {
  return { departments: [], ...embeddedUser(API_USER_PROFILE), metaDetails: { isBotClient: true, label: 'API' } };
}

const contactRef = (contactId: number): JsonObject => ({ type: 'contact', id: contactId, name: `#${contactId}`, photo: null });

export function userRef(store: AccountStore, type: 'user' | 'contact', id: number): JsonObject {
  if (type === 'contact') return contactRef(id);
  return embeddedUser(store.agentsById.get(id) ?? API_USER_PROFILE);
}

export function participantsWithUsers(store: AccountStore, entry: CaseEntry): JsonObject[] {
  return entry.participants.map((participant) => ({ ...participant, user: userRef(store, participant.type, participant.userId) }));
}

/** The contact endpoint's `cases[].users`: participants without `meta` or an embedded user. */
function bareParticipant({ meta: _meta, ...participant }: Participant): Omit<Participant, 'meta'> {
  return participant;
}

export function messageWithSender(store: AccountStore, message: MessageRecord, select: readonly MessageColumn[] | null = null): JsonObject {
  const out = pick(message, ['id'], select);
  out['sender'] = userRef(store, message.senderType, message.senderId);
  return out;
}

export function lastMessage(entry: CaseEntry): MessageRecord | null {
  return entry.messages[entry.messages.length - 1] ?? null;
}

export function renderContact(store: AccountStore, contact: ContactEntry, view: View<keyof ContactRecord>): JsonObject {
  const out = pick(contact.record, ['id'], view.select);
  for (const relation of view.relations) {
    switch (relation) {
      case 'fields':
        out['fields'] = contact.fields;
        break;
      case 'cases':
        out['cases'] = (store.casesByContact.get(contact.record.id) ?? []).map((entry) => ({
          ...entry.record,
          users: entry.participants.map(bareParticipant),
        }));
        break;
      case 'company': {
        const { companyId } = contact.record;
        out['company'] = (companyId === null ? undefined : store.companiesById.get(companyId)) ?? null;
        break;
      }
      case 'tags':
        // No page shows a tag's shape, and the API cannot tag, so the emulator's contacts have none.
        out['tags'] = [];
        break;
      case 'visits':
        out['visits'] = contactVisits(store, contact.record.id);
        break;
      case 'timeline':
        out['timeline'] = (store.casesByContact.get(contact.record.id) ?? [])
          .flatMap((entry) => entry.timeline)
          .sort((a, b) => a.id - b.id);
        break;
    }
  }
  return out;
}

/** The settings API's user (GET /account/user). */
export function accountUser(agent: Agent): JsonObject {
  return {
    ...departmentMember(agent),
    meta: {
      onboard_setup: { install: true, welcome: true, setupMail: true, setupVoip: false, setupAppStore: false, setupSocialApp: false },
      productUpdate: { data: [], lastSeenArticleLength: 0 },
    },
  };
}

/** The settings user as a department's `users` show it: without `meta`. */
export function departmentMember(agent: Agent): JsonObject {
  return {
    firstName: agent.firstName,
    lastName: agent.lastName,
    id: agent.id,
    type: 'user',
    status: agent.status,
    lastLoginId: null,
    parentId: null,
    ownerId: null,
    name: agent.name,
    email: agent.email,
    phone: agent.phone,
    photo: agent.photo,
    inviteToken: null,
    language: agent.language,
    clientId: null,
    clientAppId: null,
    clientAuthorizer: null,
    clientPermissions: null,
    stateId: null,
    countryId: null,
    dateCreated: agent.dateCreated,
  };
}

/** A contact's website visits; each web case records the visit it started from. */
export function contactVisits(store: AccountStore, contactId: number): JsonObject[] {
  const visits: JsonObject[] = [];
  for (const { record } of store.casesByContact.get(contactId) ?? []) {
    if (record.visitId === null) continue;
    const page = VISIT_PAGES[record.visitId % VISIT_PAGES.length] ?? VISIT_PAGES[0];
    visits.push({
      id: record.visitId,
      contactId,
      title: page.title,
      url: `https://www.${store.profile.emailDomain}${page.path}`,
      source: '',
      dateCreated: record.dateCreated,
    });
  }
  return visits;
}

/**
 * The contact list's items (GET /crm/objects/contact): the contact with its fields, company and
 * tags, plus the denormalised summary of its latest case that the docs' example shows.
 */
import { zonelessDate } from './dates.js';
import type { Agent, CaseEntry, Company, ContactEntry, ContactRecord, JsonObject } from './records.js';
import { contactVisits, renderContact, type View } from './render.js';
import type { AccountStore } from './store.js';

/** The case the list summarises: the one changed last (ties: the newer case). */
export function latestCase(store: AccountStore, contactId: number): CaseEntry | null {
  let latest: CaseEntry | null = null;
  for (const entry of store.casesByContact.get(contactId) ?? []) {
    if (!latest || entry.record.dateUpdated > latest.record.dateUpdated || (entry.record.dateUpdated === latest.record.dateUpdated && entry.record.id > latest.record.id)) {
      latest = entry;
    }
  }
  return latest;
}

/** Zone-less, as the example's `lastDateUpdated`: when the contact's timeline last changed. */
export function lastDateUpdated(contact: ContactEntry, latest: CaseEntry | null): string {
  return latest?.timeline[0]?.dateUpdated ?? zonelessDate(contact.record.dateUpdated);
}

/** The docs spell it upper case ("NO"); "YES" for a blocked contact is a guess. */
export function isBlocked(contact: ContactEntry, nowIso: string): 'YES' | 'NO' {
  const { block } = contact;
  return block && (block.till === null || block.till > nowIso) ? 'YES' : 'NO';
}

/** True while a snooze on the contact or one of its cases has not elapsed (a guess at what the flag means). */
export function snoozeInContact(store: AccountStore, contactId: number, nowIso: string): boolean {
  const now = zonelessDate(nowIso);
  for (const snooze of store.snoozesById.values()) if (snooze.contactId === contactId && snooze.scheduleDate > now) return true;
  return false;
}

/**
 * The company's fields as the list and the filter list show them: the seeded ones and the rest of
 * the company attributes, empty (the seed has no industry, head count...).
 */
export const listedCompanyFields = (company: Company): JsonObject => ({
  ...company.fields,
  industry: null,
  description: '',
  source: null,
  address: '',
  employees: null,
  foundation: null,
});

/** The list's `company`: `{fields: {}}` for a contact without one, as the example shows. */
function listCompany(store: AccountStore, contact: ContactEntry): JsonObject {
  const { companyId } = contact.record;
  const company = companyId === null ? undefined : store.companiesById.get(companyId);
  return company ? { ...company, fields: listedCompanyFields(company) } : { fields: {} };
}

const agentListUser = (agent: Agent): JsonObject => ({
  departments: [],
  roles: [],
  id: agent.id,
  name: agent.name,
  firstName: agent.firstName,
  lastName: agent.lastName,
  photo: agent.photo,
  email: agent.email,
  clientId: '',
  parentId: 0,
  title: agent.name,
  url: '',
  alt: agent.name,
});

function latestCaseSummary(store: AccountStore, latest: CaseEntry | null): JsonObject {
  if (!latest) {
    // A contact without cases (one just added): nothing to summarise. The example never shows one.
    return { latestTimelineId: null, caseId: null, latestObjectType: null, title: null, description: null, channel: null, status: null, agentList: [] };
  }
  const { record } = latest;
  const agents = latest.participants.flatMap((participant) => {
    const agent = participant.type === 'user' ? store.agentsById.get(participant.userId) : undefined;
    return agent ? [agentListUser(agent)] : [];
  });
  return {
    latestTimelineId: String(latest.timeline[0]?.id ?? record.timelineId),
    caseId: String(record.id),
    latestObjectType: 'case',
    title: record.title,
    description: record.description,
    channel: record.channel,
    status: record.status,
    agentList: agents,
  };
}

export function contactListItem(store: AccountStore, contact: ContactEntry, view: View<keyof ContactRecord>, nowIso: string): JsonObject {
  const contactId = contact.record.id;
  const cases = store.casesByContact.get(contactId) ?? [];
  const latest = latestCase(store, contactId);
  const visits = contactVisits(store, contactId).sort((a, b) => String(a['dateCreated']).localeCompare(String(b['dateCreated'])));
  const item: JsonObject = {
    ...renderContact(store, contact, { select: view.select, relations: new Set() }),
    fields: contact.fields,
    company: listCompany(store, contact),
    tags: [],
    ...latestCaseSummary(store, latest),
    departmentList: [],
    lastViewObject: null,
    clientUserId: null,
    contactCompanyCount: contact.record.companyId === null ? null : 1,
    companyId: contact.record.companyId,
    totalTimeline: cases.reduce((sum, entry) => sum + entry.timeline.length, 0),
    lastDateUpdated: lastDateUpdated(contact, latest),
    totalNotes: store.notes.ofContact(contactId).length,
    totalViews: 0,
    totalCase: cases.length,
    ...(latest ? { caseDateUpdated: latest.record.dateUpdated } : {}),
    msgUnread: latest ? latest.messages.filter((message) => message.senderType === 'contact' && message.seen === 'no').length : 0,
    channels: latest ? [latest.record.channel] : [],
    firstInteractionType: null,
    lastInteractionType: latest ? latest.record.channel : null,
    isBlocked: isBlocked(contact, nowIso),
    lastVisit: visits[visits.length - 1] ?? null,
    firstVisit: visits[0] ?? null,
    interaction: [],
    snoozeInContact: snoozeInContact(store, contactId, nowIso),
  };
  for (const relation of view.relations) {
    if (relation === 'cases' || relation === 'visits' || relation === 'timeline') {
      item[relation] = renderContact(store, contact, { select: [], relations: new Set([relation]) })[relation];
    }
  }
  return item;
}

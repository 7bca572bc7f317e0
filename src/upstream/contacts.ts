/** Contact endpoints (fact sheet §6): read, list, search, add, update, block, merge. */
import type { Cacheable, UpstreamSession } from '../domain/context.js';
import type { Touched } from '../domain/touches.js';
import type { ContactRecord, ContactRelation } from '../domain/records.js';
import { dataOf, pageOf, recordOf, type Page } from './envelopes.js';
import { malformedError } from './errors.js';
import { isObject, toId } from './normalize.js';
import { readRange } from './pageWindow.js';
import { numericId, upstreamId } from './ids.js';
import { checkRelations, relationParams } from './params.js';
import { readContact } from './readRecords.js';

// No page-size limit is documented; keep the widened page modest.
const MAX_UPSTREAM_LIMIT = 200;

/** A contact read by id may be kept beyond its request, unless it embeds its cases (which never are). */
const CACHED_CONTACT: Cacheable<ContactRecord> = { type: 'Contact', holds: (record) => [{ kind: 'contact', id: record.id }] };

export async function getContact(session: UpstreamSession, id: string, relations: readonly ContactRelation[]): Promise<ContactRecord> {
  const record = await session.read(
    { method: 'GET', path: `crm/objects/contact/${upstreamId(id, 'contact')}`, searchParams: relationParams(relations, session.dialect) },
    'contact',
    readContactAnswer,
    relations.includes('cases') ? undefined : CACHED_CONTACT,
  );
  checkRelations(session, `contact ${record.id}`, relations, [record]);
  return record;
}

export interface ContactRange {
  /** Offset of the first contact in the whole list. */
  start: number;
  count: number;
}

/** One contact: the single read, and the answers of add and update. */
export function readContactAnswer(body: unknown): ContactRecord {
  return readContact(recordOf(body));
}

/** The list's answer (`{list, counts: {total, ...}}`); its rows carry fields, company and tags. */
export function readContactList(body: unknown): Page<ContactRecord> {
  const read = pageOf(body);
  return { items: read.items.filter(isObject).map(readContact), total: read.total };
}

/**
 * The filter list's answer. Its rows are a contact joined with the field value that matched,
 * where `contactId` is the contact's id.
 */
export function readContactSearch(body: unknown): Page<ContactRecord> {
  const read = pageOf(body);
  return { items: read.items.filter(isObject).map((row) => readContact({ ...row, id: toId(row.contactId) ?? row.id })), total: read.total };
}

async function listPage(session: UpstreamSession, relations: readonly ContactRelation[], limit: number, page: number): Promise<Page<ContactRecord>> {
  const read = await session.read(
    { method: 'GET', path: 'crm/objects/contact', searchParams: [['limit', String(limit)], ['page', String(page)], ...relationParams(relations, session.dialect)] },
    'contacts',
    readContactList,
  );
  checkRelations(session, 'contact list', relations, read.items);
  return read;
}

/**
 * The contact list documents `limit`, `select`, `where` and `relations`, and no `page`
 * (customer/untitled.md:25-39); the Filter Contact List POST sends `page` in its body
 * (customer/untitled.md:836-843). ACQUIRE_CONTACT_PAGING=filter pages through the latter, with an
 * empty search; its rows embed no relations, which are then read contact by contact.
 */
export function listContacts(
  session: UpstreamSession,
  range: ContactRange,
  relations: readonly ContactRelation[],
): Promise<{ items: ContactRecord[]; total: number }> {
  const filter = session.dialect.contactPaging === 'filter';
  return readRange(range.start, range.count, MAX_UPSTREAM_LIMIT, (limit, page) =>
    filter ? searchPage(session, '', limit, page) : listPage(session, relations, limit, page),
  );
}

/** The filter list's search: a POST, but a read (keyed by its body). */
function searchPage(session: UpstreamSession, search: string, limit: number, page: number): Promise<Page<ContactRecord>> {
  return session.read({ method: 'POST', path: 'crm/contact/list', json: { payload: {}, page, limit, search } }, 'contactSearch', readContactSearch);
}

export function searchContacts(session: UpstreamSession, search: string, range: ContactRange): Promise<{ items: ContactRecord[]; total: number }> {
  return readRange(range.start, range.count, MAX_UPSTREAM_LIMIT, (limit, page) => searchPage(session, search, limit, page));
}

/** A contact's details as the add and update bodies carry them: standard fields and custom attributes in one `fields`. */
export type ContactFieldsInput = Readonly<Record<string, unknown>>;

export function createContact(session: UpstreamSession, fields: ContactFieldsInput): Promise<ContactRecord> {
  // A new contact changes no record the gateway has read; lists are read afresh after any write.
  return session.write({ method: 'POST', path: 'crm/objects/contact', json: { fields } }, [], readContactAnswer);
}

/** The upstream's update is a PUT; only the keys sent change. */
export async function updateContact(session: UpstreamSession, id: string, fields: ContactFieldsInput): Promise<ContactRecord> {
  return session.write(
    { method: 'PUT', path: `crm/objects/contact/${upstreamId(id, 'contact')}`, json: { fields } },
    [{ kind: 'contact', id }],
    readContactAnswer,
  );
}

/** Answers `{data: true}`; anything else means nothing was blocked. */
export async function blockContacts(session: UpstreamSession, ids: readonly string[], until: string | null): Promise<void> {
  const blocked = await session.write(
    {
      method: 'POST',
      path: 'crm/block-visitor',
      json: { data: ids.map((id) => numericId(id, 'contact')), type: 'contact', ...(until === null ? {} : { blockTill: until }) },
    },
    ids.map((id): Touched => ({ kind: 'contact', id })),
    dataOf,
  );
  if (blocked !== true) throw malformedError('an answer to block-visitor that is not `true`');
}

/**
 * Moves the secondaries' cases, notes and views to the primary and deletes them: their cases' and
 * notes' contact changes, and so does every record that named them.
 */
export async function mergeContacts(session: UpstreamSession, primaryId: string, mergeIds: readonly string[]): Promise<void> {
  await session.write(
    { method: 'POST', path: `crm/contact/merge/${upstreamId(primaryId, 'contact')}`, json: { mergeId: mergeIds.map((id) => numericId(id, 'contact')) } },
    [{ kind: 'contact', id: primaryId }, ...mergeIds.map((id): Touched => ({ kind: 'contact', id })), { kind: 'case' }, { kind: 'note' }],
    dataOf,
  );
}

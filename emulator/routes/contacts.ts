/** The contact object endpoints: list, get, add, update and delete (/crm/objects/contact). */
import { invalidInput, recordNotFound } from '../errors.js';
import { contactInput } from '../contactInput.js';
import { contactListItem, lastDateUpdated, latestCase } from '../contactList.js';
import { bodyObject, listParam, nonNegativeIntParam, relationsParam, selectParam, whereParam, type Condition } from '../query.js';
import type { ContactEntry, ContactRecord } from '../records.js';
import { CONTACT_COLUMNS, renderContact } from '../render.js';
import type { RouteDefinition } from '../router.js';
import type { AccountStore } from '../store.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;

/**
 * The list's `select` documents "dateCreate | dateUpdated | id | parent", a copy of the company
 * list's; the emulator takes the contact columns, reads the `dateCreate` typo as `dateCreated` and
 * ignores `parent`, which contacts do not have.
 */
function listSelect(query: URLSearchParams): (keyof ContactRecord)[] | null {
  const requested = listParam(query, 'select');
  if (requested.length === 0) return null;
  const columns = requested.filter((column) => column !== 'parent').map((column) => (column === 'dateCreate' ? 'dateCreated' : column));
  for (const column of columns) if (!CONTACT_COLUMNS.has(column as keyof ContactRecord)) throw invalidInput(`Unknown select column "${column}"`);
  return columns as (keyof ContactRecord)[];
}

/** `where` is documented with no description; the emulator reads it as the case list's `column|eq|value` on contact columns. */
const matches = (contact: ContactEntry, conditions: readonly Condition<keyof ContactRecord>[]): boolean =>
  conditions.every(({ column, value }) => String(contact.record[column]) === value);

export function findContact(store: AccountStore, id: number): ContactEntry {
  const contact = store.contactsById.get(id);
  if (!contact) throw recordNotFound('Contact', id);
  return contact;
}

/** The add and update answers: the contact's columns and its flat `fields`. */
const withFields = (store: AccountStore, contact: ContactEntry): Record<string, unknown> =>
  renderContact(store, contact, { select: null, relations: new Set(['fields']) });

export const contactRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/crm/objects/contact',
    handler: ({ store, query }) => {
      const limit = Math.min(nonNegativeIntParam(query, 'limit', DEFAULT_LIMIT), MAX_LIMIT);
      // The docs dialect reads no `page` here (dialect.ts): every page is the first.
      const page = store.dialect.contactListPages ? nonNegativeIntParam(query, 'page', 0) : 0;
      const conditions = whereParam(query, CONTACT_COLUMNS);
      const view = { select: listSelect(query), relations: relationsParam(query) };
      const nowIso = new Date().toISOString();
      // The docs' example lists the contact whose timeline changed last first.
      const listed = [...store.contactsById.values()]
        .filter((contact) => matches(contact, conditions))
        .map((contact) => ({ contact, latest: latestCase(store, contact.record.id) }))
        .map((row) => ({ ...row, changed: lastDateUpdated(row.contact, row.latest) }))
        .sort((a, b) => b.changed.localeCompare(a.changed) || b.contact.record.id - a.contact.record.id);
      const offset = page * limit;
      return {
        list: listed.slice(offset, offset + limit).map(({ contact }) => contactListItem(store, contact, view, nowIso)),
        // A guess from the example: every contact, those matching, and those whose latest case is pending or active.
        counts: {
          total: store.contactsById.size,
          records: listed.length,
          pending: listed.filter(({ latest }) => latest?.record.status === 'pending').length,
          active: listed.filter(({ latest }) => latest?.record.status === 'active').length,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/crm/objects/contact/:id',
    handler: ({ store, query, id }) =>
      renderContact(store, findContact(store, id), { select: selectParam(query, CONTACT_COLUMNS), relations: relationsParam(query) }),
  },
  {
    method: 'POST',
    path: '/crm/objects/contact',
    handler: ({ store, body }) => withFields(store, store.addContact(contactInput(bodyObject(body)), new Date().toISOString())),
  },
  {
    method: 'PUT',
    path: '/crm/objects/contact/:id',
    handler: ({ store, body, id }) => {
      const input = contactInput(bodyObject(body));
      const contact = findContact(store, id);
      store.updateContact(contact, input, new Date().toISOString());
      return withFields(store, contact);
    },
  },
  {
    method: 'DELETE',
    path: '/crm/objects/contact/:id',
    handler: ({ store, id }) => {
      store.deleteContact(findContact(store, id));
      return { deleted: 1 };
    },
  },
];

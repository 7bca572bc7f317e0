/** The contact actions: the filter list (search), merge and block. */
import { invalidInput } from '../errors.js';
import { contactSearchRow, matchField } from '../contactSearch.js';
import { lastDateUpdated, latestCase } from '../contactList.js';
import { bodyObject, idList, isObject, optionalText, requireId } from '../query.js';
import type { RouteDefinition } from '../router.js';
import { findContact } from './contacts.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;

function pagingNumber(value: unknown, name: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalidInput(`${name} must be a non-negative integer`);
  return value;
}

/** `mergeId` is an array in the example and the attribute table, an integer in the parameter table: both are taken. */
function mergeIds(value: unknown): number[] {
  const ids = Array.isArray(value) ? idList(value, 'mergeId') : [requireId(value, 'mergeId')];
  if (ids.length === 0) throw invalidInput('mergeId must list at least one contact');
  return [...new Set(ids)];
}

export const contactActionRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/crm/contact/list',
    handler: ({ store, body }) => {
      const input = bodyObject(body);
      const payload = input['payload'];
      if (payload !== undefined && payload !== null && !isObject(payload)) throw invalidInput('payload must be an object');
      // The docs show `payload: {}` and never what filters it takes; refusing them beats ignoring them silently.
      if (isObject(payload) && Object.keys(payload).length > 0) throw invalidInput('payload filters are not supported; send {} and a search');
      const page = pagingNumber(input['page'], 'page');
      // The example sends `limit: 0` and gets rows back, so 0 reads as the default page size (a guess).
      const limit = Math.min(pagingNumber(input['limit'], 'limit') || DEFAULT_LIMIT, MAX_LIMIT);
      const search = optionalText(input['search'], 'search') ?? '';
      // Ordered like the contact list, which the example's two rows agree with.
      const matching = [...store.contactsById.values()]
        .map((contact) => ({ contact, match: matchField(contact, search), changed: lastDateUpdated(contact, latestCase(store, contact.record.id)) }))
        .filter((row) => search.trim() === '' || row.match !== null)
        .sort((a, b) => b.changed.localeCompare(a.changed) || b.contact.record.id - a.contact.record.id);
      const offset = page * limit;
      return {
        list: matching.slice(offset, offset + limit).map(({ contact, match }) => contactSearchRow(store, contact, match)),
        counts: { filteredCount: matching.length },
      };
    },
  },
  {
    method: 'POST',
    path: '/crm/contact/merge/:id',
    handler: ({ store, body, id }) => {
      const ids = mergeIds(bodyObject(body)['mergeId']);
      if (ids.includes(id)) throw invalidInput(`Contact ${id} cannot be merged into itself`);
      const primary = findContact(store, id);
      const secondaries = ids.map((secondaryId) => findContact(store, secondaryId));
      store.mergeContacts(primary, secondaries, new Date().toISOString());
      // The docs show one secondary; several are listed the same way (a guess).
      return { id, message: `${ids.map((secondaryId) => `#${secondaryId}`).join(', ')} contact timeline's merged with #${id} successfully.` };
    },
  },
  {
    method: 'POST',
    path: '/crm/block-visitor',
    handler: ({ store, body }) => {
      const input = bodyObject(body);
      const ids = [...new Set(idList(input['data'], 'data'))];
      if (ids.length === 0) throw invalidInput('data must list the ids of the contacts to block');
      const type = input['type'];
      if (type !== undefined && type !== 'contact') throw invalidInput('type must be "contact"');
      const blockTill = optionalText(input['blockTill'], 'blockTill');
      // Only `data` is required; without a date the block has no end (a guess).
      const till = blockTill === null || blockTill === '' ? null : Date.parse(blockTill);
      if (till !== null && Number.isNaN(till)) throw invalidInput('blockTill must be a date, e.g. 2021-09-09T07:08:12.658Z');
      const contacts = ids.map((contactId) => findContact(store, contactId));
      for (const contact of contacts) contact.block = { till: till === null ? null : new Date(till).toISOString() };
      return true;
    },
  },
];

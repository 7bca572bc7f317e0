import type { UpstreamCall } from '../upstream/client.js';
import { getContact } from '../upstream/contacts.js';
import type { ContactRecord, ContactRelation } from '../upstream/records.js';
import type { LoaderOptions } from './index.js';
import { createRelationLoader, type RelationLoader } from './relationLoader.js';

export type ContactLoader = RelationLoader<ContactRelation, ContactRecord>;

/** Contacts by id: `GET /crm/objects/contact/{id}`, with `fields` and/or `cases` as needed. */
export function createContactLoader(call: UpstreamCall, options: LoaderOptions): ContactLoader {
  return createRelationLoader<ContactRelation, ContactRecord>('contacts', (id, relations) => getContact(call, id, relations), options);
}

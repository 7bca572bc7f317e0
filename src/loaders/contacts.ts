import type { UpstreamSession } from '../domain/context.js';
import type { ContactRecord, ContactRelation } from '../domain/records.js';
import { getContact } from '../upstream/contacts.js';
import { createRelationLoader, type ClearableRelationLoader } from './relationLoader.js';

/** Contacts by id: `GET /crm/objects/contact/{id}`, with `fields` and/or `cases` as needed. */
export function createContactLoader(
  session: UpstreamSession,
  onBatch?: (loader: string, size: number) => void,
): ClearableRelationLoader<ContactRelation, ContactRecord> {
  return createRelationLoader<ContactRelation, ContactRecord>('contacts', (id, relations) => getContact(session, id, relations), onBatch);
}

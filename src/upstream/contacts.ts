/** Contact endpoints (fact sheet §6). */
import type { UpstreamSession } from '../domain/context.js';
import type { ContactRecord, ContactRelation } from '../domain/records.js';
import { recordOf } from './envelopes.js';
import { relationParams } from './params.js';
import { readContact } from './readRecords.js';

export function getContact(session: UpstreamSession, id: string, relations: readonly ContactRelation[]): Promise<ContactRecord> {
  return session.read(
    { method: 'GET', path: `crm/objects/contact/${encodeURIComponent(id)}`, searchParams: relationParams(relations) },
    'contact',
    (body) => readContact(recordOf(body)),
  );
}

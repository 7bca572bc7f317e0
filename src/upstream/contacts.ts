/** Contact endpoints (fact sheet §6). */
import type { UpstreamCall } from './client.js';
import { recordOf } from './envelopes.js';
import { normaliseOnce } from './once.js';
import { relationParams } from './params.js';
import { readContact } from './readRecords.js';
import type { ContactRecord, ContactRelation } from './records.js';

export async function getContact(
  call: UpstreamCall,
  id: string,
  relations: readonly ContactRelation[],
): Promise<ContactRecord> {
  const body = await call({
    method: 'GET',
    path: `crm/objects/contact/${encodeURIComponent(id)}`,
    searchParams: relationParams(relations),
  });
  return normaliseOnce(body, 'contact', () => readContact(recordOf(body)));
}

import type { Loaders } from '../domain/context.js';
import { CONTACT_RELATIONS, type CaseRecord, type CaseRelation, type ContactRecord, type ContactRelation } from '../domain/records.js';

/**
 * Hands the records a case read embedded to the loaders that would otherwise read them again:
 * the case itself (for the relations it carries), its agents, its contact. Not its messages: a
 * page holds hundreds, and asking for one of them by id in the same request is rare.
 */
export function primeFromCase(
  loaders: Loaders,
  record: CaseRecord,
  relations: readonly CaseRelation[],
  { wholeCase = true }: { wholeCase?: boolean } = {},
): void {
  if (wholeCase) loaders.cases.prime(record.id, record, relations);
  for (const participant of record.users ?? []) {
    if (participant.user) loaders.users.prime(participant.user);
  }
  if (record.contact) primeContact(loaders, record.contact);
}

/** Hands a contact read elsewhere (a case, a list, a write's answer) to the loader, for the relations it carries. */
export function primeContact(loaders: Loaders, contact: ContactRecord): void {
  if (!contact.hasColumns) return;
  loaders.contacts.prime(
    contact.id,
    contact,
    CONTACT_RELATIONS.filter((relation) => contact[relation] !== undefined),
  );
}

/**
 * Starts the contact reads that resolvers will ask for, now. Their results wait in the loader's
 * cache; a failure surfaces where a resolver awaits it, not here.
 */
export function prefetchContacts(loaders: Loaders, records: readonly CaseRecord[], relations: readonly ContactRelation[]): void {
  if (relations.length === 0) return;
  const ids = new Set(records.map((record) => record.contact?.id ?? record.contactId).filter((id) => id !== null && id !== undefined));
  for (const id of ids) loaders.contacts.load(id, relations).catch(() => {});
  loaders.contacts.flush();
}

/**
 * Starts the reads of the threads of `records` now, one per distinct thread, for the last
 * messages resolvers will ask for: they go out with the contact reads, in the same round trip.
 */
export function prefetchThreads(loaders: Loaders, records: readonly CaseRecord[]): void {
  const seen = new Set<string>();
  for (const record of records) {
    const contactId = record.contact?.id ?? record.contactId;
    if (contactId === null || record.threadId === null || record.lastMessage !== undefined) continue;
    const key = `${contactId} ${record.threadId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    loaders.threads.load(contactId, record.threadId).catch(() => {});
  }
  loaders.threads.flush();
}

import type { CaseRecord, CaseRelation } from '../upstream/records.js';
import type { Loaders } from './index.js';

/**
 * Hands the records a case read embedded to the loaders that would otherwise read them again:
 * the case itself (for the relations it carries), its messages, its agents, its contact.
 */
export function primeFromCase(loaders: Loaders, record: CaseRecord, relations: readonly CaseRelation[]): void {
  loaders.cases.prime(record.id, record, relations);
  for (const message of record.messages ?? []) loaders.messages.prime(message.id, message);
  if (record.lastMessage) loaders.messages.prime(record.lastMessage.id, record.lastMessage);
  for (const participant of record.users ?? []) {
    if (participant.user) loaders.users.prime(participant.user);
  }
  const contact = record.contact;
  if (contact?.hasColumns) loaders.contacts.prime(contact.id, contact, contact.fields ? ['fields'] : []);
}

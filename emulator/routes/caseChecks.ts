/** The preconditions the write endpoints share. */
import { invalidInput, recordNotFound } from '../errors.js';
import type { CaseEntry, Channel } from '../records.js';
import type { AccountStore } from '../store.js';

export function findCase(store: AccountStore, id: number): CaseEntry {
  const entry = store.casesById.get(id);
  if (!entry) throw recordNotFound('Case', id);
  return entry;
}

export function requireChannel(entry: CaseEntry, channels: readonly Channel[]): void {
  if (!channels.includes(entry.record.channel)) {
    throw invalidInput(`Case ${entry.record.id} is a ${entry.record.channel} case; this endpoint serves ${channels.join(' or ')} cases`);
  }
}

export function requireActive(entry: CaseEntry): void {
  if (entry.record.status !== 'active') throw invalidInput('Only active cases accept messages');
}

export function requireContact(entry: CaseEntry, contactId: number): void {
  if (entry.record.contactId !== contactId) {
    throw invalidInput(`Contact ${contactId} is not the contact of case ${entry.record.id}`);
  }
}

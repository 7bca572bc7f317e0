import type { CaseEventResolvers } from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../domain/context.js';
import { notFound } from '../domain/errors.js';
import type { CaseLiveEvent } from '../domain/events.js';
import type { CaseRecord, CaseRelation } from '../domain/records.js';
import { primeFromCase } from '../loaders/prime.js';

/**
 * The case an event is about, read with the subscriber's key. A source that named only the
 * contact (a webhook's guessed payload may) means the contact's newest case.
 */
export async function caseOfEvent(event: CaseLiveEvent, { loaders }: GatewayContext, relations: CaseRelation[]): Promise<CaseRecord> {
  let caseId = event.caseId;
  if (caseId === null && event.contactId !== null) {
    const contact = await loaders.contacts.load(event.contactId, ['cases']);
    caseId = (contact.cases ?? []).reduce<string | null>((newest, record) => (newest === null || Number(record.id) > Number(newest) ? record.id : newest), null);
  }
  if (caseId === null) throw notFound(`No case for contact ${event.contactId}`);
  const record = await loaders.cases.load(caseId, relations);
  primeFromCase(loaders, record, relations);
  return record;
}

export const CaseEvent: CaseEventResolvers = {
  type: (event) => (event.kind === 'resync' ? 'RESYNC' : event.type),
  case: (event, _args, context, info) => (event.kind === 'resync' ? null : caseOfEvent(event, context, context.planner.caseRelations(info))),
  resync: (event) => (event.kind === 'resync' ? event : null),
};

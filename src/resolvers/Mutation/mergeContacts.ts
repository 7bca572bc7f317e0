import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { badUserInput } from '../../domain/errors.js';
import { contactReference } from '../../upstream/readRecords.js';
import { mergeContacts } from '../../upstream/contacts.js';
import { parseId, parseIds } from '../inputs.js';

const MAX_MERGED = 50;

/** The merge answers a sentence; the primary contact is read afresh when its fields are selected. */
export const mergeContactsMutation: NonNullable<MutationResolvers['mergeContacts']> = async (_parent, { input }, { upstream }) => {
  const primaryId = parseId(input.primaryContactId, 'input.primaryContactId');
  const mergeIds = parseIds(input.contactIds, 'input.contactIds');
  if (mergeIds.length === 0 || mergeIds.length > MAX_MERGED) throw badUserInput(`input.contactIds must list 1 to ${MAX_MERGED} contacts`, 'input.contactIds');
  if (mergeIds.includes(primaryId)) throw badUserInput('input.contactIds must not include the primary contact', 'input.contactIds');
  await mergeContacts(upstream, primaryId, mergeIds);
  return { contact: contactReference(primaryId), mergedContactIds: mergeIds };
};

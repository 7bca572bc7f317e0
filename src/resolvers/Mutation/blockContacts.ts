import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { badUserInput } from '../../domain/errors.js';
import { blockContacts } from '../../upstream/contacts.js';
import { futureDate, parseIds } from '../inputs.js';

const MAX_CONTACTS = 100;

export const blockContactsMutation: NonNullable<MutationResolvers['blockContacts']> = async (_parent, { input }, { upstream }) => {
  const ids = parseIds(input.contactIds, 'input.contactIds');
  if (ids.length === 0 || ids.length > MAX_CONTACTS) throw badUserInput(`input.contactIds must list 1 to ${MAX_CONTACTS} contacts`, 'input.contactIds');
  const until = input.until === null || input.until === undefined ? null : futureDate(input.until, 'input.until').toISOString();
  await blockContacts(upstream, ids, until);
  return { blockedContactIds: ids, until };
};

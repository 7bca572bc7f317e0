import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { primeContact } from '../../loaders/prime.js';
import { createContact } from '../../upstream/contacts.js';
import { contactFields } from '../contactFields.js';

export const createContactMutation: NonNullable<MutationResolvers['createContact']> = async (_parent, { input }, { upstream, loaders }) => {
  const contact = await createContact(upstream, contactFields(input, { update: false }));
  primeContact(loaders, contact);
  return { contact };
};

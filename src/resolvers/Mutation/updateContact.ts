import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { badUserInput } from '../../domain/errors.js';
import { primeContact } from '../../loaders/prime.js';
import { updateContact } from '../../upstream/contacts.js';
import { contactFields } from '../contactFields.js';
import { parseId } from '../inputs.js';

export const updateContactMutation: NonNullable<MutationResolvers['updateContact']> = async (_parent, { input }, { upstream, loaders }) => {
  const id = parseId(input.id, 'input.id');
  const fields = contactFields(input, { update: true });
  if (Object.keys(fields).length === 0) throw badUserInput('Give at least one field to change', 'input');
  const contact = await updateContact(upstream, id, fields);
  primeContact(loaders, contact);
  return { contact };
};

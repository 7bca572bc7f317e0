import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { notFound } from '../../domain/errors.js';
import { deleteMessage } from '../../upstream/messages.js';
import { parseId } from '../inputs.js';

export const deleteMessageMutation: NonNullable<MutationResolvers['deleteMessage']> = async (_parent, { input }, { upstream }) => {
  const id = parseId(input.id, 'input.id');
  if (!(await deleteMessage(upstream, id))) throw notFound(`Not found in Acquire: no message ${id}`);
  return { deletedMessageId: id };
};

import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { notFound } from '../../server/errors.js';
import { deleteMessage } from '../../upstream/messages.js';
import { parseId } from '../inputs.js';

export const deleteMessageMutation: NonNullable<MutationResolvers['deleteMessage']> = async (_parent, { input }, { upstream, loaders }) => {
  const id = parseId(input.id, 'input.id');
  if (!(await deleteMessage(upstream, id))) throw notFound(`Not found in Acquire: no message ${id}`);
  loaders.messages.clear(id);
  // Which case held the message is unknown here; any case read earlier in this request may list it.
  loaders.cases.clearAll();
  return { deletedMessageId: id };
};

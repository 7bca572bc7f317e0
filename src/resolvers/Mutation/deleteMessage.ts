import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { notFound } from '../../domain/errors.js';
import { deleteMessage } from '../../upstream/messages.js';
import { parseId } from '../inputs.js';

/**
 * The delete answer names no case, and the case's followers must hear of it: the message is read
 * first (a message that is gone is then `NOT_FOUND` before any write).
 */
export const deleteMessageMutation: NonNullable<MutationResolvers['deleteMessage']> = async (_parent, { input }, { upstream, loaders, live }) => {
  const id = parseId(input.id, 'input.id');
  const { caseId } = await loaders.messages.load(id);
  if (!(await deleteMessage(upstream, id))) throw notFound(`Not found in Acquire: no message ${id}`);
  if (caseId !== null) live.publish({ kind: 'message', type: 'DELETED', caseId, messageId: id, source: 'write' });
  return { deletedMessageId: id };
};

import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { updateMessage } from '../../upstream/messages.js';
import { parseId, requireText } from '../inputs.js';
import { MAX_MESSAGE_LENGTH } from '../textLimits.js';

export const updateMessageMutation: NonNullable<MutationResolvers['updateMessage']> = async (_parent, { input }, { upstream, loaders, live }) => {
  const id = parseId(input.id, 'input.id');
  const text = requireText(input.text, 'input.text', MAX_MESSAGE_LENGTH);
  const message = await updateMessage(upstream, id, text);
  // An answer without its case cannot reach the case's followers; the docs' example has it.
  if (message.caseId !== null) live.publish({ kind: 'message', type: 'UPDATED', caseId: message.caseId, messageId: id, source: 'write' });
  loaders.messages.prime(message);
  return { message };
};

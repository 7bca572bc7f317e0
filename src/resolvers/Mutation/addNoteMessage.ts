import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { addNoteMessage } from '../../upstream/notes.js';
import { parseId, parseOptionalId, requireText } from '../inputs.js';
import { mentionedUsers } from '../mentions.js';
import { MAX_MESSAGE_LENGTH } from '../textLimits.js';

export const addNoteMessageMutation: NonNullable<MutationResolvers['addNoteMessage']> = async (_parent, { input }, { upstream }) => {
  const noteId = parseId(input.noteId, 'input.noteId');
  const text = requireText(input.text, 'input.text', MAX_MESSAGE_LENGTH);
  const parentMessageId = parseOptionalId(input.parentMessageId, 'input.parentMessageId');
  const mentionedUserIds = mentionedUsers(input.mentionedUserIds);
  const message = await addNoteMessage(upstream, {
    noteId,
    text,
    mentionedUserIds,
    ...(parentMessageId === undefined ? {} : { parentMessageId }),
  });
  return { message };
};

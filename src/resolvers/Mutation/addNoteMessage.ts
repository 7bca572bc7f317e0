import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { badUserInput } from '../../domain/errors.js';
import { addNoteMessage } from '../../upstream/notes.js';
import { parseId, parseOptionalId, requireText } from '../inputs.js';
import { mentionedUsers } from '../mentions.js';
import { MAX_MESSAGE_LENGTH } from '../textLimits.js';

/** The endpoint wants the note's contact, which the note's read gives (and which proves the note exists). */
export const addNoteMessageMutation: NonNullable<MutationResolvers['addNoteMessage']> = async (_parent, { input }, { upstream, loaders }) => {
  const noteId = parseId(input.noteId, 'input.noteId');
  const text = requireText(input.text, 'input.text', MAX_MESSAGE_LENGTH);
  const parentMessageId = parseOptionalId(input.parentMessageId, 'input.parentMessageId');
  const mentionedUserIds = mentionedUsers(input.mentionedUserIds);
  const note = await loaders.notes.load(noteId);
  if (note.contactId === null) throw badUserInput(`Note ${noteId} names no contact, which a message needs`, 'input.noteId');
  const message = await addNoteMessage(upstream, {
    noteId,
    contactId: note.contactId,
    text,
    mentionedUserIds,
    ...(parentMessageId === undefined ? {} : { parentMessageId }),
  });
  return { message };
};

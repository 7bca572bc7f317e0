import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { createNote } from '../../upstream/notes.js';
import { boundedText, parseId, requireText } from '../inputs.js';
import { mentionedUsers } from '../mentions.js';
import { MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH } from '../textLimits.js';

export const createNoteMutation: NonNullable<MutationResolvers['createNote']> = async (_parent, { input }, { upstream }) => {
  const contactId = parseId(input.contactId, 'input.contactId');
  const text = requireText(input.text, 'input.text', MAX_MESSAGE_LENGTH);
  const title = input.title === null || input.title === undefined ? undefined : boundedText(input.title, 'input.title', MAX_TITLE_LENGTH);
  const description =
    input.description === null || input.description === undefined ? undefined : boundedText(input.description, 'input.description', MAX_MESSAGE_LENGTH);
  const note = await createNote(upstream, {
    contactId,
    text,
    mentionedUserIds: mentionedUsers(input.mentionedUserIds),
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
  });
  return { note };
};

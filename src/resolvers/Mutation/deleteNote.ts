import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { deleteNote } from '../../upstream/notes.js';
import { parseId } from '../inputs.js';

export const deleteNoteMutation: NonNullable<MutationResolvers['deleteNote']> = async (_parent, { input }, { upstream }) => {
  const id = parseId(input.id, 'input.id');
  await deleteNote(upstream, id);
  return { deletedNoteId: id };
};

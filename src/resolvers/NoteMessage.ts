import type { NoteMessageResolvers } from '../__generated__/resolvers-types.js';
import { userOrNull } from './userOrNull.js';

export const NoteMessage: NoteMessageResolvers = {
  // An answer embeds the note's columns; its users and messages are read by id when selected.
  note: (message, _args, { loaders }) => message.note ?? (message.noteId === null ? null : loaders.notes.load(message.noteId)),
  author: (message, _args, context) => message.author ?? (message.authorId === null ? null : userOrNull(message.authorId, context)),
};

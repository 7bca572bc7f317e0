import type { NoteResolvers } from '../__generated__/resolvers-types.js';
import type { UserRecord } from '../domain/records.js';
import { listNoteMessages } from '../upstream/notes.js';
import { contactReference } from '../upstream/readRecords.js';
import { userOrNull } from './userOrNull.js';

export const Note: NoteResolvers = {
  contact: (note) => (note.contactId === null ? null : contactReference(note.contactId)),
  author: (note, _args, context) => note.author ?? (note.authorId === null ? null : userOrNull(note.authorId, context)),
  // A note embedded in an answer carries its columns only: its users come with a read of the note.
  users: async (note, _args, context) => {
    const users = note.users ?? (await context.loaders.notes.load(note.id)).users ?? [];
    const distinct = [...new Map(users.map((user) => [user.userId, user])).values()];
    // The author may be known only from its message (the create answer's users embed no user).
    const resolved = await Promise.all(
      distinct.map((user) => user.user ?? (user.userId === note.authorId ? note.author : undefined) ?? userOrNull(user.userId, context)),
    );
    return resolved.filter((user): user is UserRecord => user !== null);
  },
  lastMessage: (note, _args, { loaders }) =>
    note.lastMessage !== undefined ? note.lastMessage : loaders.notes.load(note.id).then((read) => read.lastMessage ?? null),
  messages: (note, _args, { upstream }) => listNoteMessages(upstream, note.id),
};

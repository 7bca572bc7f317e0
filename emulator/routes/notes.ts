/** Notes on contacts (/crm/note): list, get, create, add a message, the messages, delete. */
import { invalidInput, recordNotFound } from '../errors.js';
import { bodyObject, idList, nonNegativeIntParam, optionalText, requireId, requireText } from '../query.js';
import { API_USER, type JsonObject, type NoteEntry, type NoteMessage, type NoteRecord, type NoteUser } from '../records.js';
import { API_USER_PROFILE, embeddedUser } from '../render.js';
import type { RouteDefinition } from '../router.js';
import type { AccountStore } from '../store.js';
import { findContact } from './contacts.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;

/** Notes embed their users in the conversation shape with `departments` first, as every note example does. */
const noteUser = (store: AccountStore, userId: number): JsonObject => ({
  departments: [],
  ...embeddedUser(store.agentsById.get(userId) ?? API_USER_PROFILE),
});

const withUser = (store: AccountStore, user: NoteUser): JsonObject => ({ ...user, user: noteUser(store, user.userId) });

const lastMessageOf = (note: NoteEntry): NoteMessage | null => note.messages[note.messages.length - 1] ?? null;

const renderNote = (store: AccountStore, note: NoteEntry): JsonObject => ({
  ...note.record,
  users: note.users.map((user) => withUser(store, user)),
  lastMessage: lastMessageOf(note),
});

/** The note as add-message and create embed it under `note`. */
const embeddedNote = ({ id, contactId, userId, type, title, description, dateCreated }: NoteRecord): JsonObject =>
  ({ id, contactId, userId, type, title, description, dateCreated });

/** A message answered by create and add-message, in the key order of their examples. */
const answeredMessage = (store: AccountStore, note: NoteEntry, message: NoteMessage): JsonObject => ({
  userId: message.userId,
  message: message.message,
  type: message.type,
  parentId: message.parentId,
  dateCreated: message.dateCreated,
  note: embeddedNote(note.record),
  id: message.id,
  user: noteUser(store, message.userId),
});

function findNote(store: AccountStore, id: number): NoteEntry {
  const note = store.notes.byId.get(id);
  if (!note) throw recordNotFound('Note', id);
  return note;
}

/** The docs type mentionUsers as integers and show `["00"]` as a placeholder; ids must be agents of the account. */
function mentionedAgents(store: AccountStore, value: unknown): number[] {
  const ids = idList(value, 'mentionUsers');
  for (const id of ids) if (!store.agentsById.has(id)) throw recordNotFound('User', id);
  return ids;
}

/** `parent_id`: 0 or null for a top-level message (the docs show both), else a message of the same note. */
function parentIdInput(note: NoteEntry, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (value === 0 || value === '0') return 0;
  const id = requireId(value, 'parent_id');
  if (!note.messages.some((message) => message.id === id)) throw recordNotFound(`Message of note ${note.record.id}`, id);
  return id;
}

export const noteRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/crm/note',
    handler: ({ store, query }) => {
      const contactId = requireId(query.get('contact_id'), 'contact_id');
      const limit = Math.min(nonNegativeIntParam(query, 'limit', DEFAULT_LIMIT), MAX_LIMIT);
      // The notes page does not say where pages start: 0 like the case list's, or 1 in the docs
      // dialect (dialect.ts), where page 0 is the first page too.
      const first = store.dialect.notesFirstPage;
      const page = Math.max(nonNegativeIntParam(query, 'page', first) - first, 0);
      const notes = store.notes.ofContact(contactId);
      return { count: notes.length, rows: notes.slice(page * limit, page * limit + limit).map((note) => renderNote(store, note)) };
    },
  },
  {
    method: 'GET',
    path: '/crm/note/get/:id',
    handler: ({ store, id }) => renderNote(store, findNote(store, id)),
  },
  {
    method: 'POST',
    path: '/crm/note/create',
    handler: ({ store, query, body }) => {
      const contactId = requireId(query.get('contactId'), 'contactId');
      const input = bodyObject(body);
      if (input['type'] !== 'note') throw invalidInput('type must be "note"');
      const title = optionalText(input['title'], 'title');
      const description = optionalText(input['description'], 'description');
      const message = optionalText(input['message'], 'message');
      const mentionUserIds = mentionedAgents(store, input['mentionUsers']);
      findContact(store, contactId);
      const now = new Date().toISOString();
      const note = store.notes.create(
        { contactId, userId: API_USER.id, title, description, message: message === '' ? null : message, mentionUserIds },
        now,
      );
      const first = lastMessageOf(note);
      // Unlike later reads, the create answer has the contact id as a string and the moment with its milliseconds.
      const { id, userId, type } = note.record;
      const answered = { contactId: String(contactId), userId, title, description, type, dateCreated: now, id };
      return {
        ...answered,
        users: note.users.map((user) => ({ note: answered, userId: user.userId })),
        lastMessage: first ? answeredMessage(store, note, first) : null,
      };
    },
  },
  {
    method: 'POST',
    path: '/crm/note/add-message',
    handler: ({ store, body }) => {
      const input = bodyObject(body);
      if (input['type'] !== 'message') throw invalidInput('type must be "message"');
      const contactId = requireId(input['contact_id'], 'contact_id');
      const noteId = requireId(input['note_id'], 'note_id');
      const text = requireText(input['message'], 'message');
      const mentionUserIds = mentionedAgents(store, input['mentionUsers']);
      const note = findNote(store, noteId);
      if (note.record.contactId !== contactId) throw invalidInput(`Note ${noteId} does not belong to contact ${contactId}`);
      const parentId = parentIdInput(note, input['parent_id']);
      const message = store.notes.addMessage(note, { userId: API_USER.id, message: text, parentId, mentionUserIds }, new Date().toISOString());
      return answeredMessage(store, note, message);
    },
  },
  {
    method: 'GET',
    path: '/crm/note/messages',
    handler: ({ store, query }) => {
      const note = findNote(store, requireId(query.get('noteId'), 'noteId'));
      return { count: note.messages.length, rows: note.messages.map((message) => ({ ...message, user: noteUser(store, message.userId) })) };
    },
  },
  {
    method: 'DELETE',
    path: '/crm/note/:id',
    handler: ({ store, id }) => {
      store.notes.delete(findNote(store, id));
      return { success: true, message: 'Note has been deleted successfully.' };
    },
  },
];

/** Note endpoints (fact sheet §5): internal notes about a contact, each a thread of agents' messages. */
import type { Cacheable, UpstreamSession } from '../domain/context.js';
import type { NoteMessageRecord, NoteRecord } from '../domain/records.js';
import { pageOf, recordOf, successOf, type Page } from './envelopes.js';
import { malformedError } from './errors.js';
import { numericId, upstreamId } from './ids.js';
import { isObject } from './normalize.js';
import { readRange } from './pageWindow.js';
import { readNote, readNoteMessage } from './readRecords.js';

// No page-size limit is documented; keep the widened page modest.
const MAX_UPSTREAM_LIMIT = 200;

/** A contact's notes as the list gives them, with each one's users and last message. */
export function readNoteList(body: unknown): Page<NoteRecord> {
  const read = pageOf(body);
  return { items: read.items.filter(isObject).map(readNote), total: read.total };
}

/** One note: the single read, and the create answer. */
export function readNoteAnswer(body: unknown): NoteRecord {
  return readNote(recordOf(body));
}

/** A note's messages. */
export function readNoteMessages(body: unknown): NoteMessageRecord[] {
  return pageOf(body).items.filter(isObject).map(readNoteMessage);
}

/** The answer of a note message's add. */
export function readNoteMessageAnswer(body: unknown): NoteMessageRecord {
  return readNoteMessage(recordOf(body));
}

const CACHED_NOTE: Cacheable<NoteRecord> = { type: 'Note', holds: (note) => [{ kind: 'note', id: note.id }] };

/** A contact's notes: a new note of the contact (which touches it) or a change to one of them drops the page. */
function cachedNotesOf(contactId: string): Cacheable<Page<NoteRecord>> {
  return { type: 'Note', holds: (page) => [{ kind: 'contact', id: contactId }, ...page.items.map((note) => ({ kind: 'note' as const, id: note.id }))] };
}

function cachedMessagesOf(noteId: string): Cacheable<ReadonlyArray<NoteMessageRecord>> {
  return { type: 'NoteMessage', holds: () => [{ kind: 'note', id: noteId }] };
}

async function notesPage(session: UpstreamSession, contactId: string, limit: number, page: number): Promise<Page<NoteRecord>> {
  return session.read(
    // The docs' URL spells the parameter `lcontact_id`, their table `contact_id`.
    {
      method: 'GET',
      path: 'crm/note',
      searchParams: [['contact_id', upstreamId(contactId, 'contact')], ['page', String(page + session.dialect.notesFirstPage)], ['limit', String(limit)]],
    },
    'notes',
    readNoteList,
    cachedNotesOf(contactId),
  );
}

/**
 * `count` notes of a contact from offset `start`, over the documented `page` and `limit`. The page
 * says "The page number." and no more (rest-apis/conversation/conversation-or-notes/list.md:31-33);
 * the fact sheet saw a 2021 call with `page=1`: ACQUIRE_NOTES_FIRST_PAGE names the first.
 */
export function listNotes(session: UpstreamSession, contactId: string, start: number, count: number): Promise<{ items: NoteRecord[]; total: number }> {
  return readRange(start, count, MAX_UPSTREAM_LIMIT, (limit, page) => notesPage(session, contactId, limit, page));
}

export async function getNote(session: UpstreamSession, id: string): Promise<NoteRecord> {
  return session.read({ method: 'GET', path: `crm/note/get/${upstreamId(id, 'note')}` }, 'note', readNoteAnswer, CACHED_NOTE);
}

/** Every message of a note, oldest first: the endpoint documents no paging. */
export async function listNoteMessages(session: UpstreamSession, noteId: string): Promise<ReadonlyArray<NoteMessageRecord>> {
  return session.read(
    { method: 'GET', path: 'crm/note/messages', searchParams: [['noteId', upstreamId(noteId, 'note')]] },
    'noteMessages',
    readNoteMessages,
    cachedMessagesOf(noteId),
  );
}

export interface CreateNoteParams {
  contactId: string;
  text: string;
  title?: string;
  description?: string;
  mentionedUserIds: readonly string[];
}

/** A new note changes its contact's notes: it touches the contact. */
export async function createNote(session: UpstreamSession, params: CreateNoteParams): Promise<NoteRecord> {
  return session.write(
    {
      method: 'POST',
      path: 'crm/note/create',
      searchParams: [['contactId', upstreamId(params.contactId, 'contact')]],
      json: {
        type: 'note',
        message: params.text,
        ...(params.title === undefined ? {} : { title: params.title }),
        ...(params.description === undefined ? {} : { description: params.description }),
        ...(params.mentionedUserIds.length > 0 ? { mentionUsers: params.mentionedUserIds.map((id) => numericId(id, 'user')) } : {}),
      },
    },
    [{ kind: 'contact', id: params.contactId }],
    readNoteAnswer,
  );
}

export interface NoteMessageParams {
  noteId: string;
  text: string;
  parentMessageId?: string;
  mentionedUserIds: readonly string[];
}

/**
 * The endpoint wants the note's contact as well as the note: the note's read gives it (free when
 * the request read the note already) and proves that the note exists.
 */
export async function addNoteMessage(session: UpstreamSession, params: NoteMessageParams): Promise<NoteMessageRecord> {
  const { contactId } = await getNote(session, params.noteId);
  if (contactId === null) throw malformedError(`note ${params.noteId} without a contact`);
  return session.write(
    {
      method: 'POST',
      path: 'crm/note/add-message',
      json: {
        type: 'message',
        contact_id: numericId(contactId, 'contact'),
        note_id: numericId(params.noteId, 'note'),
        message: params.text,
        ...(params.parentMessageId === undefined ? {} : { parent_id: numericId(params.parentMessageId, 'note message') }),
        ...(params.mentionedUserIds.length > 0 ? { mentionUsers: params.mentionedUserIds.map((id) => numericId(id, 'user')) } : {}),
      },
    },
    [{ kind: 'note', id: params.noteId }],
    readNoteMessageAnswer,
  );
}

/** Answers `{success, message}`; a `success` that is not true means the note is still there. */
export async function deleteNote(session: UpstreamSession, id: string): Promise<void> {
  await session.write({ method: 'DELETE', path: `crm/note/${upstreamId(id, 'note')}` }, [{ kind: 'note', id }], (body) => successOf(body, 'note delete'));
}

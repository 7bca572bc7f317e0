import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';
import { fixture } from './helpers/fixtures.js';
import { shapeMismatches } from './helpers/shape.js';

let server: TestEmulator;
let agentIds: number[];

beforeAll(async () => {
  server = await startTestEmulator();
  agentIds = (await server.data('/account/user')).data.map((user: Json) => user.id);
});
beforeEach(() => server.emulator.reset());
afterAll(() => server.emulator.stop());

const expectError = (response: Json, type: string): void => {
  expect(response.status).toBe(400);
  expect(response.body.error.type).toBe(type);
};

const WHOLE_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/;

async function notesOf(contactId: number): Promise<Json> {
  return server.data(`/crm/note?contact_id=${contactId}&limit=100`);
}

/** Every seeded note, by contact. */
async function seededNotes(): Promise<Map<number, Json[]>> {
  const byContact = new Map<number, Json[]>();
  for (let id = 750901; id <= 750950; id++) {
    const { rows } = await notesOf(id);
    if (rows.length > 0) byContact.set(id, rows);
  }
  return byContact;
}

/** A contact with a note of several messages, the richest example. */
async function notedContact(): Promise<{ contactId: number; note: Json }> {
  for (const [contactId, rows] of await seededNotes()) {
    const note = rows.find((row) => row.lastMessage && row.users.length > 1);
    if (note) return { contactId, note };
  }
  throw new Error('no seeded note has several users');
}

describe('the seeded notes', () => {
  it('gives a few notes to some contacts, written by agents, in time order', async () => {
    const notes = await seededNotes();
    expect(notes.size).toBeGreaterThan(8);
    expect(notes.size).toBeLessThan(40);
    for (const [contactId, rows] of notes) {
      expect(rows.length).toBeLessThanOrEqual(3);
      expect(rows.map((row) => row.id)).toEqual([...rows.map((row) => row.id)].sort((a, b) => b - a));
      for (const row of rows) {
        expect(row).toMatchObject({ contactId, type: 'note' });
        expect(agentIds).toContain(row.userId);
        const { rows: messages } = await server.data(`/crm/note/messages?noteId=${row.id}`);
        expect(messages.length).toBeGreaterThanOrEqual(1);
        const dates = messages.map((m: Json) => m.dateCreated);
        expect(dates).toEqual([...dates].sort());
        expect(messages[0]).toMatchObject({ userId: row.userId, parentId: null, dateCreated: row.dateCreated });
      }
    }
  });

  it('is the same in every emulator', async () => {
    const other = await startTestEmulator();
    try {
      const { contactId, note } = await notedContact();
      expect(await other.data(`/crm/note?contact_id=${contactId}`)).toEqual(await server.data(`/crm/note?contact_id=${contactId}`));
      expect(await other.data(`/crm/note/messages?noteId=${note.id}`)).toEqual(await server.data(`/crm/note/messages?noteId=${note.id}`));
    } finally {
      await other.emulator.stop();
    }
  });
});

describe('GET /crm/note', () => {
  it('answers count and rows, newest first, each with users and its last message, as the docs show', async () => {
    const { contactId } = await notedContact();
    const response = await server.api(`/crm/note?contact_id=${contactId}`);
    expect(shapeMismatches(fixture('note-list'), response.body, {
      'data.rows[].description': 'a seeded note may have a description',
      'data.rows[].lastMessage.parentId': 'the docs show both null and 0 for a top-level message',
    })).toEqual([]);
    for (const row of response.body.data.rows) {
      const { rows: messages } = await server.data(`/crm/note/messages?noteId=${row.id}`);
      const { user: _user, ...last } = messages[messages.length - 1];
      expect(row.lastMessage).toEqual(last);
      for (const user of row.users) expect(user).toEqual({ id: expect.any(Number), noteId: row.id, userId: user.userId, user: expect.objectContaining({ id: user.userId, type: 'user', departments: [] }) });
    }
  });

  it('pages with page (from 0) and limit', async () => {
    const [contactId, rows] = [...(await seededNotes())].find(([, notes]) => notes.length >= 2) ?? [];
    const second = await server.data(`/crm/note?contact_id=${contactId}&page=1&limit=1`);
    expect(second).toEqual({ count: rows!.length, rows: [rows![1]] });
  });

  it('answers an empty list for a contact without notes', async () => {
    const notes = await seededNotes();
    const bare = Array.from({ length: 50 }, (_, index) => 750901 + index).find((id) => !notes.has(id));
    expect(await server.data(`/crm/note?contact_id=${bare}`)).toEqual({ count: 0, rows: [] });
  });

  it.each(['', 'contact_id=abc', 'lcontact_id=750901', 'contact_id=750901&page=-1'])('answers 400 ERROR_INVALID_INPUT for "%s"', async (query) => {
    expectError(await server.api(`/crm/note?${query}`), 'ERROR_INVALID_INPUT');
  });
});

describe('GET /crm/note/get/{id}', () => {
  it('answers the note with its users and last message, as the docs show', async () => {
    const { contactId, note } = await notedContact();
    const response = await server.api(`/crm/note/get/${note.id}`);
    expect(shapeMismatches(fixture('note-get'), response.body, { 'data.description': 'a seeded note may have a description' })).toEqual([]);
    expect(response.body.data).toEqual((await notesOf(contactId)).rows.find((row: Json) => row.id === note.id));
  });

  it('answers ERROR_RECORD_NOT_FOUND for an unknown note and 400 for a bad id', async () => {
    expectError(await server.api('/crm/note/get/1'), 'ERROR_RECORD_NOT_FOUND');
    expectError(await server.api('/crm/note/get/x'), 'ERROR_INVALID_INPUT');
  });
});

describe('POST /crm/note/create', () => {
  const body = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    type: 'note', title: 'this is test note title', description: 'this is test note description', message: 'this is test note', ...extra,
  });

  it('creates the note with its first message and answers as the docs show, contactId a string', async () => {
    const before = new Date().toISOString();
    const response = await server.api('/crm/note/create?contactId=750901', { json: body({ mentionUsers: [agentIds[1], String(agentIds[2])] }) });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('note-create'), response.body)).toEqual([]);
    const data = response.body.data;
    expect(data).toMatchObject({ contactId: '750901', userId: 99, type: 'note', title: 'this is test note title', description: 'this is test note description' });
    expect(data.dateCreated >= before).toBe(true);
    expect(data.users.map((user: Json) => user.userId)).toEqual([99, agentIds[1], agentIds[2]]);
    expect(data.users[0].note).toMatchObject({ id: data.id, contactId: '750901' });
    expect(data.lastMessage).toMatchObject({ userId: 99, message: 'this is test note', type: 'message', parentId: null, note: { id: data.id, contactId: 750901 } });
    expect(data.lastMessage.user).toMatchObject({ id: 99, name: 'Support Bot', type: 'user' });

    const listed = await notesOf(750901);
    expect(listed.rows[0]).toMatchObject({ id: data.id, contactId: 750901, userId: 99, lastMessage: { id: data.lastMessage.id, message: 'this is test note' } });
    expect(listed.rows[0].dateCreated).toMatch(WHOLE_SECONDS);
    expect(listed.rows[0].users.map((user: Json) => user.userId)).toEqual([99, agentIds[1], agentIds[2]]);
    expect((await server.data(`/crm/note/messages?noteId=${data.id}`)).count).toBe(1);
  });

  it('creates a note without a message, whose last message is null', async () => {
    const data = await server.data('/crm/note/create?contactId=750902', { json: { type: 'note', title: 'Call back' } });
    expect(data).toMatchObject({ title: 'Call back', description: null, lastMessage: null });
    expect(await server.data(`/crm/note/messages?noteId=${data.id}`)).toEqual({ count: 0, rows: [] });
  });

  it.each([
    ['no type', body({ type: undefined }), 'ERROR_INVALID_INPUT'],
    ['a type other than note', body({ type: 'message' }), 'ERROR_INVALID_INPUT'],
    ['a title that is not a string', body({ title: 7 }), 'ERROR_INVALID_INPUT'],
    ['the docs\' placeholder mention "00"', body({ mentionUsers: ['00'] }), 'ERROR_INVALID_INPUT'],
    ['a mention of someone who is not an agent', body({ mentionUsers: [5] }), 'ERROR_RECORD_NOT_FOUND'],
  ])('answers 400 for %s and creates nothing', async (_, json, type) => {
    const before = await notesOf(750901);
    expectError(await server.api('/crm/note/create?contactId=750901', { json }), type);
    expect(await notesOf(750901)).toEqual(before);
  });

  it('answers 400 without a contactId and ERROR_RECORD_NOT_FOUND for an unknown contact', async () => {
    expectError(await server.api('/crm/note/create', { json: body() }), 'ERROR_INVALID_INPUT');
    expectError(await server.api('/crm/note/create?contactId=1', { json: body() }), 'ERROR_RECORD_NOT_FOUND');
  });
});

describe('POST /crm/note/add-message', () => {
  it('adds the message, answering as the docs show, and reads show it last', async () => {
    const { contactId, note } = await notedContact();
    const response = await server.api('/crm/note/add-message', {
      json: { type: 'message', mentionUsers: [agentIds[7]], message: 'this is test note message', parent_id: 0, note_id: note.id, contact_id: contactId },
    });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('note-add-message'), response.body, { 'data.note.description': 'a seeded note may have a description' })).toEqual([]);
    const data = response.body.data;
    expect(data).toMatchObject({ userId: 99, message: 'this is test note message', type: 'message', parentId: 0, note: { id: note.id, contactId } });
    const messages = await server.data(`/crm/note/messages?noteId=${note.id}`);
    expect(messages.rows[messages.count - 1]).toMatchObject({ id: data.id, parentId: 0, userId: 99, user: { name: 'Support Bot' } });
    const read = await server.data(`/crm/note/get/${note.id}`);
    expect(read.lastMessage).toMatchObject({ id: data.id, message: 'this is test note message' });
    expect(read.users.map((user: Json) => user.userId)).toEqual(expect.arrayContaining([99, agentIds[7]]));
  });

  it('takes a reply to an earlier message of the note', async () => {
    const { contactId, note } = await notedContact();
    const parent = (await server.data(`/crm/note/messages?noteId=${note.id}`)).rows[0];
    const data = await server.data('/crm/note/add-message', { json: { type: 'message', message: 'Replying', parent_id: parent.id, note_id: note.id, contact_id: String(contactId) } });
    expect(data.parentId).toBe(parent.id);
  });

  it.each([
    ['no type', (note: Json, contactId: number) => ({ message: 'x', note_id: note.id, contact_id: contactId }), 'ERROR_INVALID_INPUT'],
    ['a type other than message', (note: Json, contactId: number) => ({ type: 'note', message: 'x', note_id: note.id, contact_id: contactId }), 'ERROR_INVALID_INPUT'],
    ['an empty message', (note: Json, contactId: number) => ({ type: 'message', message: '', note_id: note.id, contact_id: contactId }), 'ERROR_INVALID_INPUT'],
    ['no contact_id', (note: Json) => ({ type: 'message', message: 'x', note_id: note.id }), 'ERROR_INVALID_INPUT'],
    ['another contact\'s id', (note: Json, contactId: number) => ({ type: 'message', message: 'x', note_id: note.id, contact_id: contactId === 750901 ? 750902 : 750901 }), 'ERROR_INVALID_INPUT'],
    ['an unknown note', (_note: Json, contactId: number) => ({ type: 'message', message: 'x', note_id: 1, contact_id: contactId }), 'ERROR_RECORD_NOT_FOUND'],
    ['a parent from elsewhere', (note: Json, contactId: number) => ({ type: 'message', message: 'x', note_id: note.id, contact_id: contactId, parent_id: 1 }), 'ERROR_RECORD_NOT_FOUND'],
  ])('answers 400 for %s and adds nothing', async (_, json, type) => {
    const { contactId, note } = await notedContact();
    const before = await server.data(`/crm/note/messages?noteId=${note.id}`);
    expectError(await server.api('/crm/note/add-message', { json: json(note, contactId) }), type);
    expect(await server.data(`/crm/note/messages?noteId=${note.id}`)).toEqual(before);
  });
});

describe('GET /crm/note/messages', () => {
  it('answers count and rows, oldest first, each with its user, as the docs show', async () => {
    const { note } = await notedContact();
    const response = await server.api(`/crm/note/messages?noteId=${note.id}`);
    expect(shapeMismatches(fixture('note-messages'), response.body, { 'data.rows[].parentId': 'null for the first message, 0 for later ones' })).toEqual([]);
    const { rows, count } = response.body.data;
    expect(count).toBe(rows.length);
    for (const row of rows) expect(row.user).toMatchObject({ id: row.userId, type: 'user' });
  });

  it('answers 400 without a noteId and ERROR_RECORD_NOT_FOUND for an unknown note', async () => {
    expectError(await server.api('/crm/note/messages'), 'ERROR_INVALID_INPUT');
    expectError(await server.api('/crm/note/messages?noteId=1'), 'ERROR_RECORD_NOT_FOUND');
  });
});

describe('DELETE /crm/note/{id}', () => {
  it('deletes the note, answering as the docs show', async () => {
    const { contactId, note } = await notedContact();
    const before = await notesOf(contactId);
    const response = await server.api(`/crm/note/${note.id}`, { method: 'DELETE' });
    expect(response.body).toEqual(fixture('note-delete'));
    expectError(await server.api(`/crm/note/get/${note.id}`), 'ERROR_RECORD_NOT_FOUND');
    expect((await notesOf(contactId)).count).toBe(before.count - 1);
    expectError(await server.api(`/crm/note/${note.id}`, { method: 'DELETE' }), 'ERROR_RECORD_NOT_FOUND');
  });
});

/** Internal notes: on contacts (list, read, create, add a message, delete) and inside a case, with the calls pinned. */
import { callLines, useStack } from '../helpers/emulatorSetup.js';
import { underDialect } from '../helpers/dialect.js';
import { codes, graphql } from '../helpers/graphql.js';

const stack = useStack('reset');

async function contactOfNote(id: string): Promise<string> {
  const result = await graphql(stack.url, 'query ($id: ID!) { note(id: $id) { contactId } }', { id });
  stack.emulator.resetCalls();
  return result.data.note.contactId;
}

const NOTE = 'id title author { id name } users { id name } lastMessage { text author { name } } dateCreated';

describe("a contact's notes", () => {
  it('lists them with their authors in the one list call, asking the documented page and limit', async () => {
    const contactId = await contactOfNote('501');
    const result = await graphql(stack.url, `query ($id: ID!) { contact(id: $id) { notes(first: 1) { totalCount nodes { ${NOTE} } pageInfo { hasNextPage endCursor } } } }`, { id: contactId });
    expect(result.errors).toBeUndefined();
    const { notes } = result.data.contact;
    expect(notes.totalCount).toBeGreaterThanOrEqual(1);
    const [note] = notes.nodes;
    expect(note.author).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(note.users).toContainEqual(note.author);
    expect(note.lastMessage.text).toEqual(expect.any(String));
    const firstPage = underDialect({ default: 0, docs: 1 });
    expect(callLines(stack.emulator.calls)).toEqual([`GET /crm/objects/contact/${contactId}`, `GET /crm/note?contact_id=${contactId}&page=${firstPage}&limit=1`]);
  });

  it('reads one note with its messages: the note, then its messages', async () => {
    const result = await graphql(stack.url, '{ note(id: "501") { id contactId messages { id text parentId author { id name } dateCreated } } }');
    expect(result.errors).toBeUndefined();
    const { messages } = result.data.note;
    expect(messages.length).toBeGreaterThanOrEqual(1);
    for (const message of messages) expect(message.author).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(callLines(stack.emulator.calls)).toEqual(['GET /crm/note/get/501', 'GET /crm/note/messages?noteId=501']);
  });

  it('is NOT_FOUND for a note that does not exist', async () => {
    expect(codes(await graphql(stack.url, '{ note(id: "99999") { id } }'))).toEqual(['NOT_FOUND']);
  });
});

describe('writing notes', () => {
  it('creates a note mentioning agents with one call, and the contact lists it first', async () => {
    const created = await graphql(
      stack.url,
      `mutation ($input: CreateNoteInput!) { createNote(input: $input) { note { ${NOTE} contactId } } }`,
      { input: { contactId: '750903', title: 'VIP', text: 'Handle with care.', mentionedUserIds: ['12', '19'] } },
    );
    expect(created.errors).toBeUndefined();
    const note = created.data.createNote.note;
    expect(note).toMatchObject({ title: 'VIP', contactId: '750903', author: { id: '99', name: 'Support Bot' }, lastMessage: { text: 'Handle with care.', author: { name: 'Support Bot' } } });
    expect(note.users.map((user: { id: string }) => user.id).sort()).toEqual(['12', '19', '99']);
    // The create answer embeds no mentioned agent: they come from the directory, in one read.
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/note/create?contactId=750903', 'GET /account/user']);

    const listed = await graphql(stack.url, '{ contact(id: "750903") { notes(first: 1) { nodes { id } } } }');
    expect(listed.data.contact.notes.nodes).toEqual([{ id: note.id }]);
  });

  it('adds a message to a note (reading the note for its contact first), and later reads show it', async () => {
    const added = await graphql(stack.url, 'mutation { addNoteMessage(input: {noteId: "501", text: "Called back, all good."}) { message { id text parentId author { name } note { id } } } }');
    expect(added.errors).toBeUndefined();
    expect(added.data.addNoteMessage.message).toMatchObject({ text: 'Called back, all good.', parentId: null, author: { name: 'Support Bot' }, note: { id: '501' } });
    expect(callLines(stack.emulator.calls)).toEqual(['GET /crm/note/get/501', 'POST /crm/note/add-message']);
    const read = await graphql(stack.url, '{ note(id: "501") { lastMessage { id } messages { id } } }');
    expect(read.data.note.lastMessage.id).toBe(added.data.addNoteMessage.message.id);
    expect(read.data.note.messages.at(-1).id).toBe(added.data.addNoteMessage.message.id);
  });

  it('deletes a note with one call; it is gone afterwards', async () => {
    const deleted = await graphql(stack.url, 'mutation { deleteNote(input: {id: "501"}) { deletedNoteId } }');
    expect(deleted.data).toEqual({ deleteNote: { deletedNoteId: '501' } });
    expect(callLines(stack.emulator.calls)).toEqual(['DELETE /crm/note/501']);
    expect(codes(await graphql(stack.url, '{ note(id: "501") { id } }'))).toEqual(['NOT_FOUND']);
  });

  it('refuses an empty note, bad mentions and a note to a note that does not exist, before any write', async () => {
    const create = 'mutation ($input: CreateNoteInput!) { createNote(input: $input) { note { id } } }';
    expect(codes(await graphql(stack.url, create, { input: { contactId: '750903', text: '  ' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await graphql(stack.url, create, { input: { contactId: '750903', text: 'x', mentionedUserIds: ['me'] } }))).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls).toHaveLength(0);
    expect(codes(await graphql(stack.url, 'mutation { addNoteMessage(input: {noteId: "99999", text: "hello"}) { message { id } } }'))).toEqual(['NOT_FOUND']);
    expect(stack.emulator.calls.filter((call) => call.method !== 'GET')).toHaveLength(0);
  });
});

describe('internal notes inside a case', () => {
  it('sends a NOTE through the chat endpoint; the case reads it back as a note', async () => {
    const target = (await graphql(stack.url, '{ cases(first: 1, filter: {status: ACTIVE, channel: CHAT}) { nodes { id contactId } } }')).data.cases.nodes[0];
    stack.emulator.resetCalls();
    const sent = await graphql(stack.url, 'mutation ($id: ID!) { sendMessage(input: {caseId: $id, text: "Customer is a reseller.", type: NOTE}) { message { id type text sender { ... on User { name } } } } }', { id: target.id });
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendMessage.message).toMatchObject({ type: 'NOTE', text: 'Customer is a reseller.', sender: { name: 'Support Bot' } });
    expect(callLines(stack.emulator.calls)).toEqual([`GET /crm/objects/case/${target.id}`, `POST /crm/messenger/chat/add-message?x-user-type=user&contactId=${target.contactId}`]);
    const read = await graphql(stack.url, 'query ($id: ID!) { case(id: $id) { lastMessage { id type } } }', { id: target.id });
    expect(read.data.case.lastMessage).toEqual({ id: sent.data.sendMessage.message.id, type: 'NOTE' });
  });

  it('refuses a note on another channel, from the contact, and types other than MESSAGE and NOTE, before any call', async () => {
    const send = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }';
    for (const [input, argumentName] of [
      [{ caseId: '1001', text: 'x', type: 'NOTE', channel: 'EMAIL', email: { from: 'a@example.com', to: ['b@example.com'] } }, 'input.type'],
      [{ caseId: '1001', text: 'x', type: 'NOTE', senderType: 'CONTACT' }, 'input.senderType'],
      [{ caseId: '1001', text: 'x', type: 'EVENT' }, 'input.type'],
    ] as const) {
      const result = await graphql(stack.url, send, { input });
      expect({ codes: codes(result), argumentName: result.errors?.[0]?.extensions?.argumentName }).toEqual({ codes: ['BAD_USER_INPUT'], argumentName });
    }
    expect(stack.emulator.calls).toHaveLength(0);
  });
});

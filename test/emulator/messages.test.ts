import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';
import { fixture } from './helpers/fixtures.js';
import { CLOSING_STATE_UNTIL_CLOSED } from './helpers/deviations.js';
import { shapeMismatches } from './helpers/shape.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});
beforeEach(() => server.emulator.reset());
afterAll(() => server.emulator.stop());

async function findCase(where: string, relations = ''): Promise<Json> {
  const page = await server.data(`/crm/objects/case?limit=500&${where}&relations=${relations}`);
  return page.data[0];
}

/** A thread with a reopen, so it holds more than one case. */
async function reopenedThread(): Promise<{ threadId: number; contactId: number; cases: Json[] }> {
  const all = (await server.data('/crm/objects/case?limit=500&relations=messages')).data as Json[];
  const reopen = all.find((c) => c.parentId !== null);
  return { threadId: reopen.threadId, contactId: reopen.contactId, cases: all.filter((c) => c.threadId === reopen.threadId) };
}

describe('GET /crm/messenger/chat/messages', () => {
  it('answers a bare array of the thread\'s cases, each with users, cases and lastMessage', async () => {
    const thread = await reopenedThread();
    const data = await server.data(`/crm/messenger/chat/messages?contactId=${thread.contactId}&threadId=${thread.threadId}`);
    expect(Array.isArray(data)).toBe(true);
    expect(data.map((c: Json) => c.id)).toEqual(thread.cases.map((c) => c.id));
    for (const [index, c] of data.entries()) {
      const expected = thread.cases[index];
      expect(c.cases).toEqual([]);
      expect(c.lastMessage).toEqual(expected.messages[expected.messages.length - 1]);
      expect(c.users.every((u: Json) => u.user && u.user.id === u.userId)).toBe(true);
      expect(c).not.toHaveProperty('messages');
    }
  });

  it('matches the documented example', async () => {
    const active = await findCase('where=status|eq|active&where=channel|eq|chat');
    const response = await server.api(`/crm/messenger/chat/messages?contactId=${active.contactId}&threadId=${active.threadId}`);
    expect(shapeMismatches(fixture('thread-messages'), response.body, { 'data[].closingState': CLOSING_STATE_UNTIL_CLOSED })).toEqual([]);
  });

  it('answers [] for an unknown thread or a thread of another contact', async () => {
    const thread = await reopenedThread();
    expect(await server.data(`/crm/messenger/chat/messages?contactId=${thread.contactId}&threadId=99999`)).toEqual([]);
    expect(await server.data(`/crm/messenger/chat/messages?contactId=${thread.contactId + 1}&threadId=${thread.threadId}`)).toEqual([]);
  });

  it.each(['contactId=750901', 'threadId=1001', '', 'contactId=x&threadId=1001'])('answers 400 without both ids (%s)', async (query) => {
    const response = await server.api(`/crm/messenger/chat/messages?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('ERROR_INVALID_INPUT');
  });
});

describe('GET /crm/objects/case-message/{id}', () => {
  it('answers the message with its sender, an agent', async () => {
    const c = await findCase('where=status|eq|closed', 'messages|users');
    const agentLine = c.messages.find((m: Json) => m.senderType === 'user' && m.senderId !== 99);
    const data = await server.data(`/crm/objects/case-message/${agentLine.id}`);
    expect(data).toEqual({
      ...agentLine,
      sender: expect.objectContaining({ id: agentLine.senderId, type: 'user', roles: [], clientId: '', parentId: 0, accessLevel: null }),
    });
    const users = await server.data('/account/user');
    expect(data.sender.name).toBe(users.data.find((u: Json) => u.id === agentLine.senderId).name);
    expect(data).not.toHaveProperty('case');
  });

  it('names the contact and the API user as senders', async () => {
    const all = (await server.data('/crm/objects/case?limit=500&relations=messages')).data as Json[];
    const messages = all.flatMap((c) => c.messages);
    const fromContact = messages.find((m: Json) => m.senderType === 'contact');
    const fromApi = messages.find((m: Json) => m.senderType === 'user' && m.senderId === 99);
    expect((await server.data(`/crm/objects/case-message/${fromContact.id}`)).sender).toEqual({
      type: 'contact', id: fromContact.senderId, name: `#${fromContact.senderId}`, photo: null,
    });
    expect((await server.data(`/crm/objects/case-message/${fromApi.id}`)).sender).toMatchObject({ id: 99, name: 'Support Bot', type: 'user' });
  });

  it('embeds the case columns with relations=case', async () => {
    const data = await server.data('/crm/objects/case-message/8001?relations=case');
    expect(data.case).toEqual(await server.data(`/crm/objects/case/${data.caseId}`));
  });

  it('matches the documented example', async () => {
    const all = (await server.data('/crm/objects/case?limit=500&where=channel|eq|chat&relations=messages')).data as Json[];
    const edited = all
      .flatMap((c) => c.messages)
      .find((m: Json) => m.senderType === 'user' && m.senderId !== 99 && m.type === 'message' && m.dateUpdated !== null);
    const response = await server.api(`/crm/objects/case-message/${edited.id}`);
    expect(shapeMismatches(fixture('message-get'), response.body)).toEqual([]);
  });
});

describe('DELETE /crm/objects/case-message/{id}', () => {
  it('deletes the message, which later reads no longer show', async () => {
    const c = await findCase('where=status|eq|active&where=channel|eq|chat', 'messages');
    const last = c.messages[c.messages.length - 1];
    const response = await server.api(`/crm/objects/case-message/${last.id}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(fixture('message-delete'));
    expect((await server.api(`/crm/objects/case-message/${last.id}`)).body.error.type).toBe('ERROR_RECORD_NOT_FOUND');
    const after = await server.data(`/crm/objects/case/${c.id}?relations=messages`);
    expect(after.messages.map((m: Json) => m.id)).toEqual(c.messages.slice(0, -1).map((m: Json) => m.id));
    const thread = await server.data(`/crm/messenger/chat/messages?contactId=${c.contactId}&threadId=${c.threadId}`);
    expect(thread.find((other: Json) => other.id === c.id).lastMessage).toEqual(c.messages[c.messages.length - 2]);
  });

  it('answers 400 ERROR_RECORD_NOT_FOUND for an unknown or already deleted message', async () => {
    expect((await server.api('/crm/objects/case-message/8001', { method: 'DELETE' })).status).toBe(200);
    const again = await server.api('/crm/objects/case-message/8001', { method: 'DELETE' });
    expect(again.status).toBe(400);
    expect(again.body.error.type).toBe('ERROR_RECORD_NOT_FOUND');
  });

  it('leaves lastMessage null once every message of a case is gone', async () => {
    const c = await findCase('where=status|eq|pending', 'messages');
    for (const m of c.messages) await server.data(`/crm/objects/case-message/${m.id}`, { method: 'DELETE' });
    const thread = await server.data(`/crm/messenger/chat/messages?contactId=${c.contactId}&threadId=${c.threadId}`);
    expect(thread.find((other: Json) => other.id === c.id).lastMessage).toBeNull();
  });
});

describe('POST /crm/messenger/chat/message/{id} (update)', () => {
  it('changes the text and dateUpdated, answering as the docs show', async () => {
    const active = (await server.data('/crm/objects/case?limit=500&where=status|eq|active&where=channel|eq|chat&relations=messages')).data as Json[];
    const c = active.find((other) => other.parentId !== null);
    const line = c.messages.find((m: Json) => m.type === 'message' && m.senderType === 'user' && m.senderId !== 99);
    const before = Date.now();
    const response = await server.api(`/crm/messenger/chat/message/${line.id}`, {
      json: { message: { type: 'message', message: 'updating the sent message', translateLangKey: 'en' } },
    });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('message-update'), response.body, { 'data.case.closingState': CLOSING_STATE_UNTIL_CLOSED })).toEqual([]);
    const data = response.body.data;
    expect(data).toMatchObject({ id: line.id, message: 'updating the sent message', caseId: c.id, threadId: c.threadId, dateCreated: line.dateCreated });
    expect(Date.parse(data.dateUpdated)).toBeGreaterThanOrEqual(before - 1000);
    expect(data.case).toEqual(await server.data(`/crm/objects/case/${c.id}`));
    expect(data.sender.id).toBe(line.senderId);
    expect(await server.data(`/crm/objects/case-message/${line.id}`)).toMatchObject({ message: 'updating the sent message', dateUpdated: data.dateUpdated });
  });

  it('names the API user as the sender of its own message', async () => {
    const c = (await server.data('/crm/objects/case?limit=500&where=status|eq|active&where=channel|eq|chat')).data[0];
    const sent = await server.data('/crm/messenger/chat/add-message', { json: { message: { type: 'message', message: 'first' }, caseId: c.id } });
    const data = await server.data(`/crm/messenger/chat/message/${sent.id}`, { json: { message: { type: 'message', message: 'second' } } });
    expect(data.sender).toEqual({ roles: [], id: 99, name: 'Support Bot', firstName: 'Support Bot', lastName: '', photo: '', email: '', clientId: '', parentId: 0, type: 'user', accessLevel: null });
  });

  it.each([
    ['an empty text', { message: { type: 'message', message: '' } }],
    ['no message object', { text: 'hello' }],
    ['an unknown type', { message: { type: 'shout', message: 'hello' } }],
  ])('answers 400 ERROR_INVALID_INPUT for %s', async (_, json) => {
    const response = await server.api('/crm/messenger/chat/message/8001', { json });
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('ERROR_INVALID_INPUT');
  });

  it('answers 400 ERROR_RECORD_NOT_FOUND for an unknown message', async () => {
    const response = await server.api('/crm/messenger/chat/message/1', { json: { message: { type: 'message', message: 'x' } } });
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('ERROR_RECORD_NOT_FOUND');
  });
});

import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';
import { fixture } from './helpers/fixtures.js';
import { shapeMismatches } from './helpers/shape.js';
import { loadDocExamples } from '../helpers/docExamples.js';

let server: TestEmulator;
let all: Json[];

beforeAll(async () => {
  server = await startTestEmulator();
});
beforeEach(async () => {
  server.emulator.reset();
  all = (await server.data('/crm/objects/case?limit=500')).data;
});
afterAll(() => server.emulator.stop());

const expectError = (response: Json, type: string): void => {
  expect(response.status).toBe(400);
  expect(response.body.error.type).toBe(type);
};

/** The docs' create body, with its undocumented keys. */
const createBody = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'string', source: 'firstMessage', mentionUsers: ['00'],
  message: { type: 'message', message: "I'm reopening the closed case", translateLangKey: '' },
  channel: 'chat', routeAgentId: 0, agentId: 0, isFromCobrowse: true, fields: {}, ...extra,
});

/** A thread whose cases are all closed, so it can be reopened. */
const closedThread = (): Json =>
  all.find((c) => c.parentId === null && c.channel === 'chat' && all.every((other) => other.threadId !== c.id || other.status === 'closed'));

describe('POST /crm/messenger/chat/create', () => {
  it('creates an active case with a timeline entry and a first message, answering as the docs show', async () => {
    const before = new Date().toISOString();
    const response = await server.api('/crm/messenger/chat/create?contactId=750905', { json: createBody() });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('case-create'), response.body, {
      'data.parentId': 'a new thread has no parent (the docs example is a reopen)',
      'data.userId': 'no third-party app started the case',
    })).toEqual([]);
    const data = response.body.data;
    const nextId = all[all.length - 1].id + 1;
    expect(data).toMatchObject({
      id: nextId, threadId: nextId, parentId: null, status: 'active', channel: 'chat', title: 'string', contactId: 750905,
      description: "I'm reopening the closed case", users: [], fields: [], isCaseJoined: false, preMessages: [], closedBy: null, dateClosed: null,
    });
    for (const date of [data.dateQueue, data.datePending, data.dateActive, data.dateCreated]) expect(date >= before).toBe(true);
    const fields = Object.fromEntries(data.contact.fields.map((record: Json) => [record.field.key, record]));
    const contact = await server.data('/crm/objects/contact/750905?relations=fields');
    expect(fields['name']).toEqual({
      value: contact.fields.name, owner: 'contact', contactId: 750905,
      field: { id: 1, object: 'contact', key: 'name', type: 'text', config: expect.any(Object), system: 'yes' },
    });
    expect(fields['email'].value).toBe(contact.fields.email);
    expect(fields['phone'].value).toBe(contact.fields.phone);

    const stored = await server.data(`/crm/objects/case/${data.id}?relations=messages|users|timeline`);
    expect(stored.timeline).toEqual([expect.objectContaining({ id: data.timelineId, caseId: data.id, threadId: data.id, contactId: '750905' })]);
    expect(stored.users).toEqual([expect.objectContaining({ type: 'contact', userId: 750905, status: 'active', closed: 'no' })]);
    expect(stored.messages).toEqual([expect.objectContaining({ senderType: 'user', senderId: 99, type: 'message', message: "I'm reopening the closed case" })]);
    const listed = await server.data(`/crm/objects/case?where=contactId|eq|750905&limit=500`);
    expect(listed.data.map((c: Json) => c.id)).toContain(data.id);
    expect((await server.data('/crm/objects/case?limit=0')).count).toBe(all.length + 1);
  });

  it('works without a body: a chat case with the default title and no message', async () => {
    const data = await server.data('/crm/messenger/chat/create?contactId=750910', { method: 'POST' });
    expect(data).toMatchObject({ channel: 'chat', title: '#750910 has just started a chat', description: '', status: 'active' });
    expect((await server.data(`/crm/objects/case/${data.id}?relations=messages`)).messages).toEqual([]);
  });

  it('creates cases on other channels', async () => {
    const data = await server.data('/crm/messenger/chat/create?contactId=750910', { json: { channel: 'mail', title: 'Invoice question' } });
    expect(data).toMatchObject({ channel: 'mail', title: 'Invoice question', visitId: null });
    expectError(await server.api('/crm/messenger/chat/create?contactId=750910', { json: { channel: 'pigeon' } }), 'ERROR_INVALID_INPUT');
  });

  it('answers 400 without a contactId and ERROR_RECORD_NOT_FOUND for an unknown contact', async () => {
    expectError(await server.api('/crm/messenger/chat/create', { json: createBody() }), 'ERROR_INVALID_INPUT');
    expectError(await server.api('/crm/messenger/chat/create?contactId=750999', { json: createBody() }), 'ERROR_RECORD_NOT_FOUND');
  });

  it('lets the API user chat in the new case right away', async () => {
    const created = await server.data('/crm/messenger/chat/create?contactId=750905', { method: 'POST' });
    const sent = await server.data('/crm/messenger/chat/add-message', { json: { message: { type: 'message', message: 'Hello!' }, caseId: created.id } });
    expect(sent).toMatchObject({ caseId: created.id, threadId: created.id, contactId: 750905 });
  });
});

describe('POST /crm/messenger/chat/create with threadId (reopen)', () => {
  it('continues a closed thread: parentId and threadId are the thread, the channel the thread\'s', async () => {
    const root = closedThread();
    const response = await server.api(`/crm/messenger/chat/create?contactId=${root.contactId}`, {
      json: { ...createBody({ channel: undefined }), sessionId: 3711819272, threadId: root.id },
    });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('case-create'), response.body, { 'data.userId': 'no third-party app started the case' })).toEqual([]);
    const data = response.body.data;
    expect(data).toMatchObject({ parentId: root.id, threadId: root.id, channel: root.channel, contactId: root.contactId, status: 'active' });
    const thread = await server.data(`/crm/messenger/chat/messages?contactId=${root.contactId}&threadId=${root.id}`);
    expect(thread[thread.length - 1]).toMatchObject({ id: data.id, parentId: root.id });
    expect((await server.data(`/crm/objects/case/${root.id}?relations=cases`)).cases.map((c: Json) => c.id)).toContain(data.id);
    expect((await server.data(`/crm/objects/case/${data.id}?relations=parent`)).parent.id).toBe(root.id);
  });

  it('answers ERROR_DUPLICATE_RECORD_FOUND while a case of the thread is not closed', async () => {
    const root = closedThread();
    const path = `/crm/messenger/chat/create?contactId=${root.contactId}`;
    expect((await server.api(path, { json: { threadId: root.id } })).status).toBe(200);
    expectError(await server.api(path, { json: { threadId: root.id } }), 'ERROR_DUPLICATE_RECORD_FOUND');
    const open = all.find((c) => c.status === 'active');
    expectError(await server.api(`/crm/messenger/chat/create?contactId=${open.contactId}`, { json: { threadId: open.threadId } }), 'ERROR_DUPLICATE_RECORD_FOUND');
  });

  it('answers ERROR_RECORD_NOT_FOUND for an unknown thread or a thread of another contact', async () => {
    const root = closedThread();
    expectError(await server.api(`/crm/messenger/chat/create?contactId=${root.contactId}`, { json: { threadId: 999999 } }), 'ERROR_RECORD_NOT_FOUND');
    const stranger = root.contactId === 750901 ? 750902 : 750901;
    expectError(await server.api(`/crm/messenger/chat/create?contactId=${stranger}`, { json: { threadId: root.id } }), 'ERROR_RECORD_NOT_FOUND');
  });
});

describe('POST /crm/messenger/chat/close', () => {
  it('closes the case, its participants, and adds the closing event; the answer is the docs\' map', async () => {
    const open = all.find((c) => c.status === 'active');
    const before = new Date().toISOString();
    const response = await server.api('/crm/messenger/chat/close', {
      json: { archive: 'yes', closingState: 'resolved', meta: {}, forceClose: false, leaveOnly: false, leaveEvent: true, askFeedback: true, caseId: open.id },
    });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('case-close'), response.body)).toEqual([]);
    expect(response.body).toEqual({ data: { 0: { foreverClosed: true, leftUser: true, caseId: open.id, contactId: open.contactId }, userId: 99, userType: 'user' } });
    const closed = await server.data(`/crm/objects/case/${open.id}?relations=users|messages`);
    expect(closed).toMatchObject({ status: 'closed', closedBy: 99, closingState: 'resolved' });
    expect(closed.dateClosed >= before).toBe(true);
    expect(closed.users.every((u: Json) => u.closed === 'yes')).toBe(true);
    expect(closed.messages[closed.messages.length - 1]).toMatchObject({ type: 'event', senderId: 99, message: 'The case was closed.' });
    expect((await server.data(`/crm/objects/case?where=status|eq|active&limit=0`)).count).toBe(all.filter((c) => c.status === 'active').length - 1);
  });

  it('closes pending cases too, with handled by default', async () => {
    const pending = all.find((c) => c.status === 'pending');
    await server.data('/crm/messenger/chat/close', { json: { caseId: String(pending.id) } });
    expect(await server.data(`/crm/objects/case/${pending.id}`)).toMatchObject({ status: 'closed', closingState: 'handled' });
  });

  it('answers 400 for no caseId, an unknown case and a closed case', async () => {
    expectError(await server.api('/crm/messenger/chat/close', { json: {} }), 'ERROR_INVALID_INPUT');
    expectError(await server.api('/crm/messenger/chat/close', { json: { caseId: 999999 } }), 'ERROR_RECORD_NOT_FOUND');
    const closed = all.find((c) => c.status === 'closed');
    expectError(await server.api('/crm/messenger/chat/close', { json: { caseId: closed.id } }), 'ERROR_INVALID_INPUT');
  });

  it('lets the closed thread be reopened afterwards', async () => {
    const open = all.find((c) => c.status === 'active' && c.channel === 'chat');
    await server.data('/crm/messenger/chat/close', { json: { caseId: open.id } });
    const reopened = await server.data(`/crm/messenger/chat/create?contactId=${open.contactId}`, { json: { threadId: open.threadId } });
    expect(reopened).toMatchObject({ threadId: open.threadId, parentId: open.threadId, status: 'active' });
  });
});

describe('POST /crm/messenger/agent/invite-agent', () => {
  it('answers a map keyed by user id, sent when online, with departments expanded and duplicates merged', async () => {
    const open = all.find((c) => c.status === 'active');
    const response = await server.api('/crm/messenger/agent/invite-agent', { json: { caseId: open.id, department: [2, 3, 4], agentIds: [1, 11, 26] } });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('invite-agent'), response.body, {
      'data.11': 'agents 11 and 26 of the docs example do not exist in the seed; unknown agents are left out',
      'data.26': 'agents 11 and 26 of the docs example do not exist in the seed; unknown agents are left out',
    })).toEqual([]);
    const data = response.body.data;
    expect(Object.keys(data).map(Number).sort((a, b) => a - b)).toEqual([1, 12, 19, 20, 25, 28, 31, 34]);
    for (const [key, invitation] of Object.entries(data) as [string, Json][]) {
      expect(invitation).toEqual({ userId: Number(key), online: expect.any(Boolean), sent: invitation.online });
    }
    expect(new Set(Object.values(data).map((invitation: Json) => invitation.online))).toEqual(new Set([true, false]));
  });

  it('invites only the agents of a department when asked for one', async () => {
    const open = all.find((c) => c.status === 'pending');
    const one = await server.data('/crm/messenger/agent/invite-agent', { json: { caseId: String(open.id), department: [3] } });
    const all3 = await server.data('/crm/messenger/agent/invite-agent', { json: { caseId: open.id, department: [2, 3, 4] } });
    expect(Object.keys(one).length).toBeGreaterThan(0);
    expect(Object.keys(one).length).toBeLessThan(Object.keys(all3).length);
    expect(await server.data('/crm/messenger/agent/invite-agent', { json: { caseId: open.id, agentIds: [12, 12] } })).toEqual({
      12: expect.objectContaining({ userId: 12 }),
    });
  });

  it('answers 400 without invitees, for a closed case and ERROR_RECORD_NOT_FOUND for an unknown case', async () => {
    const open = all.find((c) => c.status === 'active');
    expectError(await server.api('/crm/messenger/agent/invite-agent', { json: { caseId: open.id } }), 'ERROR_INVALID_INPUT');
    expectError(await server.api('/crm/messenger/agent/invite-agent', { json: { caseId: open.id, agentIds: [], department: [] } }), 'ERROR_INVALID_INPUT');
    expectError(await server.api('/crm/messenger/agent/invite-agent', { json: { agentIds: [1] } }), 'ERROR_INVALID_INPUT');
    expectError(await server.api('/crm/messenger/agent/invite-agent', { json: { caseId: open.id, agentIds: ['one'] } }), 'ERROR_INVALID_INPUT');
    const closed = all.find((c) => c.status === 'closed');
    expectError(await server.api('/crm/messenger/agent/invite-agent', { json: { caseId: closed.id, agentIds: [1] } }), 'ERROR_INVALID_INPUT');
    expectError(await server.api('/crm/messenger/agent/invite-agent', { json: { caseId: 999999, agentIds: [1] } }), 'ERROR_RECORD_NOT_FOUND');
  });
});

describe('POST /crm/messenger/chat/join and /reject (the 2021 drafts)', () => {
  const drafted = (endpoint: string): Json => loadDocExamples().find((example) => example.kind === 'response' && example.endpoint === endpoint)!.example;
  const waiting = (): Json => all.find((c) => c.status === 'queue');

  it('join takes a waiting case: active, out of its queue, the API user among its users, answering as the drafts show', async () => {
    const target = waiting();
    const response = await server.api('/crm/messenger/chat/join', { json: { caseId: target.id, askJoin: true } });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ id: target.id, status: 'active', queueId: null, meta: { queues: [15] }, dateActive: expect.any(String) });
    expect(response.body.data.users[0]).toMatchObject({ type: 'user', userId: 99, status: 'joined', user: { id: 99, name: 'Support Bot' }, case: { id: target.id } });
    expect(shapeMismatches(drafted('POST /crm/messenger/chat/join'), response.body, {
      'data.meta.sessionId': 'no widget session: the emulator keeps no sessions',
      'data.meta.queueRecheck': 'no queue recheck: the emulator keeps no routing state',
      'data.userId': 'no third-party app started the case',
      'data.parentId': 'not a reopen',
      'data.closingState': 'an open case has no closing state here',
      'data.users[].case.closingState': 'the same',
      'data.users[].case.userId': 'the same as data.userId',
      'data.users[].case.parentId': 'the same as data.parentId',
    })).toEqual([]);
  });

  it('reject sends a case back to its queue, the API user’s participation rejected, in the dialect’s spelling', async () => {
    const target = waiting();
    await server.data('/crm/messenger/chat/join', { json: { caseId: target.id } });
    const rejected = await server.data('/crm/messenger/chat/reject', { json: { caseId: target.id } });
    expect(rejected).toMatchObject({ id: target.id, status: 'queue', queueId: 15, dateActive: null });
    expect(rejected.users[0]).toMatchObject({ type: 'user', userId: 99, status: 'rejected' });
    const docs = await startTestEmulator({ dialect: 'docs' });
    try {
      const other = (await docs.data('/crm/objects/case?where=status|eq|pending&limit=200')).data.find((c: Json) => c.queueId === 15);
      const back = await docs.data('/crm/messenger/chat/reject', { json: { caseId: other.id } });
      expect(back).toMatchObject({ status: 'pending', queueId: 15, dateActive: null });
      expect(shapeMismatches(drafted('POST /crm/messenger/chat/reject'), { data: back }, {
        'data.meta.sessionId': 'no widget session',
        'data.meta.queueRecheck': 'no routing state',
        'data.userId': 'no third-party app started the case',
        'data.parentId': 'not a reopen',
        'data.closingState': 'an open case has no closing state here',
      })).toEqual([]);
    } finally {
      await docs.emulator.stop();
    }
  });

  it('refuses a closed case and a body without a case id', async () => {
    const closed = all.find((c) => c.status === 'closed');
    expectError(await server.api('/crm/messenger/chat/join', { json: { caseId: closed.id } }), 'ERROR_INVALID_INPUT');
    expectError(await server.api('/crm/messenger/chat/reject', { json: { caseId: 'x' } }), 'ERROR_INVALID_INPUT');
  });
});

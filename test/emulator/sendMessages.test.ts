import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';
import {
  CASE_FIELDS_EMPTY_ARRAY,
  CLOSING_STATE_UNTIL_CLOSED,
  NO_PROTOBUF_USER_META,
  NO_VISIT_OFF_WEBSITE,
  TIMELINE_CONTACT_ID_AS_STRING,
} from './helpers/deviations.js';
import { fixture } from './helpers/fixtures.js';
import { shapeMismatches } from './helpers/shape.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});
beforeEach(() => server.emulator.reset());
afterAll(() => server.emulator.stop());

async function cases(where: string): Promise<Json[]> {
  return (await server.data(`/crm/objects/case?limit=500&${where}&relations=messages|timeline`)).data;
}

async function activeCase(channel: string): Promise<Json> {
  const [first] = await cases(`where=status|eq|active&where=channel|eq|${channel}`);
  return first;
}

/** An active case that is a reopen, with agents, like the cases of the docs' examples. */
async function activeReopen(channel: string): Promise<Json> {
  const reopen = (await cases(`where=status|eq|active&where=channel|eq|${channel}`)).find((c) => c.parentId !== null);
  expect(reopen).toBeDefined();
  return reopen;
}

const expectError = (response: Json, type: string): void => {
  expect(response.status).toBe(400);
  expect(response.body.error.type).toBe(type);
};

describe('POST /crm/messenger/chat/add-message', () => {
  const send = (caseId: unknown, text = 'Hey added from the api', query = ''): Promise<Json> =>
    server.api(`/crm/messenger/chat/add-message${query}`, {
      json: { channel: 'chat', message: { type: 'message', message: text, translateLangKey: 'en' }, caseId },
    });

  it('adds a message from the API user and answers as the docs show', async () => {
    const c = await activeReopen('chat');
    const response = await send(c.id);
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('message-add-chat'), response.body, { 'data.case.closingState': CLOSING_STATE_UNTIL_CLOSED })).toEqual([]);
    const data = response.body.data;
    expect(data).toMatchObject({
      caseId: c.id, threadId: c.threadId, contactId: c.contactId, channel: 'chat', type: 'message',
      senderType: 'user', senderId: 99, seen: 'no', dateUpdated: null, message: 'Hey added from the api',
    });
    expect(data.id).toBeGreaterThan(8001);
    expect(data.sender).toMatchObject({ id: 99, name: 'Support Bot', type: 'user' });
    expect(data.case.contact.id).toBe(c.contactId);
    expect(data.case.users.length).toBeGreaterThanOrEqual(2);
  });

  it('makes the message visible to later reads', async () => {
    const c = await activeCase('chat');
    const { id } = (await send(c.id, 'visible later')).body.data;
    const after = await server.data(`/crm/objects/case/${c.id}?relations=messages`);
    expect(after.messages[after.messages.length - 1]).toMatchObject({ id, message: 'visible later' });
    expect(after.dateUpdated > c.dateUpdated).toBe(true);
    const thread = await server.data(`/crm/messenger/chat/messages?contactId=${c.contactId}&threadId=${c.threadId}`);
    expect(thread.find((other: Json) => other.id === c.id).lastMessage.id).toBe(id);
    expect((await server.data(`/crm/objects/case-message/${id}`)).message).toBe('visible later');
  });

  it('sends as the contact with x-user-type=contact (or -x-user-type)', async () => {
    const c = await activeCase('chat');
    for (const query of [`?x-user-type=contact&contactId=${c.contactId}`, '?-x-user-type=contact']) {
      const data = (await send(c.id, 'from the contact', query)).body.data;
      expect(data).toMatchObject({ senderType: 'contact', senderId: c.contactId });
      expect(data.sender).toEqual({ type: 'contact', id: c.contactId, name: `#${c.contactId}`, photo: null });
    }
  });

  it('accepts a numeric string caseId and notes and events', async () => {
    const c = await activeCase('chat');
    const note = await server.api('/crm/messenger/chat/add-message', { json: { message: { type: 'note', message: 'internal' }, caseId: String(c.id) } });
    expect(note.body.data).toMatchObject({ caseId: c.id, type: 'note' });
  });

  it.each(['note', 'event'])('keeps a %s added to a case as that type in every read', async (type) => {
    const c = await activeCase('chat');
    const { data } = (await server.api('/crm/messenger/chat/add-message', { json: { message: { type, message: `an internal ${type}` }, caseId: c.id } })).body;
    expect(data).toMatchObject({ type, senderType: 'user', senderId: 99, sender: { id: 99, name: 'Support Bot', type: 'user' } });
    expect(await server.data(`/crm/objects/case-message/${data.id}`)).toMatchObject({ id: data.id, type, message: `an internal ${type}`, sender: { id: 99, type: 'user' } });
    const read = await server.data(`/crm/objects/case/${c.id}?relations=messages`);
    expect(read.messages[read.messages.length - 1]).toMatchObject({ id: data.id, type });
    const thread = await server.data(`/crm/messenger/chat/messages?contactId=${c.contactId}&threadId=${c.threadId}`);
    expect(thread.find((other: Json) => other.id === c.id).lastMessage).toEqual(read.messages[read.messages.length - 1]);
  });

  it('answers 400 for a contactId that is not the case\'s contact', async () => {
    const c = await activeCase('chat');
    expectError(await send(c.id, 'x', `?contactId=${c.contactId + 1}`), 'ERROR_INVALID_INPUT');
  });

  it.each([
    ['no caseId', { message: { type: 'message', message: 'hi' } }],
    ['no message object', { caseId: 1001 }],
    ['an empty text', { caseId: 1001, message: { type: 'message', message: '  ' } }],
    ['an unknown type', { caseId: 1001, message: { type: 'sms', message: 'hi' } }],
    ['a non-numeric caseId', { caseId: 'abc', message: { type: 'message', message: 'hi' } }],
  ])('answers 400 ERROR_INVALID_INPUT for %s', async (_, json) => {
    expectError(await server.api('/crm/messenger/chat/add-message', { json }), 'ERROR_INVALID_INPUT');
  });

  it('answers 400 ERROR_RECORD_NOT_FOUND for an unknown case', async () => {
    expectError(await send(999999), 'ERROR_RECORD_NOT_FOUND');
  });

  it('refuses cases that are not active, and cases on another channel', async () => {
    const [closed] = await cases('where=status|eq|closed&where=channel|eq|chat');
    const refused = await send(closed.id);
    expectError(refused, 'ERROR_INVALID_INPUT');
    expect(refused.body.error.message).toBe('Only active cases accept messages');
    const [pending] = await cases('where=status|eq|pending&where=channel|eq|chat');
    expectError(await send(pending.id), 'ERROR_INVALID_INPUT');
    expectError(await send((await activeCase('mail')).id), 'ERROR_INVALID_INPUT');
    const unchanged = await server.data(`/crm/objects/case/${closed.id}?relations=messages`);
    expect(unchanged.messages).toEqual(closed.messages);
  });
});

describe('POST /mail/add-message', () => {
  const mail = (c: Json, overrides: Record<string, unknown> = {}): Promise<Json> =>
    server.api('/mail/add-message', {
      json: {
        data: {
          caseId: c.id, to: ['customer@example.com'], from: 'support@demo-support.example', cc: ['cc@example.com'], bcc: [],
          subject: 'test', contactId: c.contactId, type: 'message', htmlBody: '<p>Thanks for &lt;waiting&gt;</p><p>Regards</p>', ...overrides,
        },
      },
    });

  it('stores a case message and answers the mail message as the docs show', async () => {
    const c = await activeCase('mail');
    const response = await mail(c);
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('message-add-mail'), response.body)).toEqual([]);
    const data = response.body.data;
    expect(data).toMatchObject({
      id: 401, caseId: c.id, type: 'message', senderType: 'user', senderId: 99, seen: 'no', isDraft: 'no', meta: null,
      to: [{ Name: '', Email: 'customer@example.com' }], cc: [{ Name: '', Email: 'cc@example.com' }], bcc: [],
      from: { Name: 'Support Bot', Email: 'support@demo-support.example', MailboxHash: '' },
      subject: 'test', htmlBody: '<p>Thanks for &lt;waiting&gt;</p><p>Regards</p>', textBody: 'Thanks for <waiting>\nRegards',
    });
    expect(data.sender).toEqual({ type: 'user', id: 99, name: 'Support Bot', email: '', photo: '' });
    const stored = await server.data(`/crm/objects/case-message/${data.caseMessageId}`);
    expect(stored).toMatchObject({ caseId: c.id, channel: 'mail', type: 'message', senderType: 'user', senderId: 99, message: data.htmlBody });
    expect((await mail(c)).body.data.id).toBe(402);
  });

  it.each([
    ['no data wrapper', (c: Json) => ({ caseId: c.id })],
    ['an empty to', (c: Json) => ({ data: { caseId: c.id, contactId: c.contactId, to: [], from: 'a@b.example', type: 'message' } })],
    ['no from', (c: Json) => ({ data: { caseId: c.id, contactId: c.contactId, to: ['x@y.example'], type: 'message' } })],
    ['a wrong type', (c: Json) => ({ data: { caseId: c.id, contactId: c.contactId, to: ['x@y.example'], from: 'a@b.example', type: 'note' } })],
    ['no contactId', (c: Json) => ({ data: { caseId: c.id, to: ['x@y.example'], from: 'a@b.example', type: 'message' } })],
    ['another contact', (c: Json) => ({ data: { caseId: c.id, contactId: c.contactId + 1, to: ['x@y.example'], from: 'a@b.example', type: 'message' } })],
  ])('answers 400 ERROR_INVALID_INPUT for %s', async (_, body) => {
    const c = await activeCase('mail');
    expectError(await server.api('/mail/add-message', { json: body(c) }), 'ERROR_INVALID_INPUT');
  });

  it('refuses a chat case, a closed mail case and an unknown case', async () => {
    expectError(await mail(await activeCase('chat')), 'ERROR_INVALID_INPUT');
    const [closed] = await cases('where=status|eq|closed&where=channel|eq|mail');
    expectError(await mail(closed), 'ERROR_INVALID_INPUT');
    expectError(await mail({ id: 999999, contactId: 750901 }), 'ERROR_RECORD_NOT_FOUND');
  });
});

describe('POST /voip/send-sms', () => {
  /** The docs' example body; threadId is the case id. */
  const sms = (c: Json, overrides: Record<string, unknown> = {}, query = ''): Promise<Json> =>
    server.api(`/voip/send-sms${query}`, {
      json: {
        Body: 'hi', From: '+12513188609', To: '+919666929552', contactId: c.contactId, id: c.id, isClosed: false,
        isMultiChannel: false, markValue: '<p>hi</p>', message: 'hi', msgType: 'message', sms: 'hi',
        threadId: c.id, timelineId: c.timelineId, title: c.title, ...overrides,
      },
    });

  it('stores an sms case message and answers with cas, timeline and data as the docs show', async () => {
    const c = await activeReopen('voip');
    const response = await sms(c);
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('message-add-sms'), response.body, {
      'data.cas.closingState': CLOSING_STATE_UNTIL_CLOSED,
      'data.cas.timeline.contactId': TIMELINE_CONTACT_ID_AS_STRING,
      'data.timeline.contactId': TIMELINE_CONTACT_ID_AS_STRING,
      'data.timeline.case.closingState': CLOSING_STATE_UNTIL_CLOSED,
      'data.timeline.case.fields': CASE_FIELDS_EMPTY_ARRAY,
      'data.data.cas.closingState': CLOSING_STATE_UNTIL_CLOSED,
      'data.data.cas.timeline.contactId': TIMELINE_CONTACT_ID_AS_STRING,
      'data.data.timeline.contactId': TIMELINE_CONTACT_ID_AS_STRING,
      'data.cas.users[].user.meta': NO_PROTOBUF_USER_META,
      'data.timeline.case.users[].user.meta': NO_PROTOBUF_USER_META,
      'data.data.cas.users[].user.meta': NO_PROTOBUF_USER_META,
      'data.data.sender.meta': NO_PROTOBUF_USER_META,
      'data.cas.visitId': NO_VISIT_OFF_WEBSITE,
      'data.timeline.case.visitId': NO_VISIT_OFF_WEBSITE,
      'data.data.cas.visitId': NO_VISIT_OFF_WEBSITE,
    })).toEqual([]);
    const { cas, threadId, timeline, data } = response.body.data;
    expect(threadId).toBe(c.id);
    expect(cas).toMatchObject({ id: c.id, status: 'active', channel: 'voip' });
    expect(cas.timeline.id).toBe(c.timelineId);
    expect(timeline.case.lastMessage.id).toBe(data.caseMessageId);
    expect(data).toMatchObject({
      id: 301, message: 'hi', msgType: 'sms', channelType: 'voip', caseId: c.id, case_id: c.id, from: '+12513188609', to: '+919666929552',
      senderType: 'user', senderId: 99, type: 'sms', timelineId: c.timelineId, contactId: c.contactId, seen: 'yes', status: 'sent', is_case_join: false,
    });
    const stored = await server.data(`/crm/objects/case-message/${data.caseMessageId}`);
    expect(stored).toMatchObject({ caseId: c.id, channel: 'voip', type: 'sms', message: 'hi', senderId: 99 });
    expect((await sms(c)).body.data.data.id).toBe(302);
  });

  it('works on sms cases and as the contact', async () => {
    const c = await activeCase('sms');
    const data = (await sms(c, {}, '?x-user-type=contact')).body.data.data;
    expect(data).toMatchObject({ senderType: 'contact', senderId: c.contactId });
    expect(data.sender).toEqual({ type: 'contact', id: c.contactId, name: `#${c.contactId}`, photo: null });
    expect((await server.data(`/crm/objects/case-message/${data.caseMessageId}`)).channel).toBe('sms');
  });

  it.each([
    ['no Body', { Body: undefined }],
    ['no From', { From: undefined }],
    ['no To', { To: '' }],
    ['no timelineId', { timelineId: undefined }],
    ['a timelineId of another case', { timelineId: 3001 }],
    ['another contact', { contactId: 750950 }],
  ])('answers 400 ERROR_INVALID_INPUT for %s', async (_, overrides) => {
    const c = await activeCase('sms');
    expect(c.contactId).not.toBe(750950);
    expectError(await sms(c, overrides), 'ERROR_INVALID_INPUT');
  });

  it('refuses chat cases, closed sms cases and unknown cases', async () => {
    expectError(await sms(await activeCase('chat')), 'ERROR_INVALID_INPUT');
    const [closed] = await cases('where=status|eq|closed&where=channel|eq|sms');
    expectError(await sms(closed), 'ERROR_INVALID_INPUT');
    expectError(await sms({ id: 999999, contactId: 750901, timelineId: 3001 }), 'ERROR_RECORD_NOT_FOUND');
  });
});

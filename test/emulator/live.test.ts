import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { emulatorOptionsFromEnv } from '../../emulator/envOptions.js';
import { OTHER_ACCOUNT_API_KEY, startEmulator, type EmulatorOptions } from '../../emulator/server.js';
import { SIGNATURE_HEADER, WEBHOOK_EVENTS, webhookSignature, type WebhookFailure } from '../../emulator/webhooks.js';
import { request, type Json } from './helpers/api.js';
import { startReceiver, type Received, type Receiver } from './helpers/receiver.js';

const SECRET = 'a-webhook-secret-ü';

let receiver: Receiver;
const stops: (() => Promise<void>)[] = [];

beforeEach(async () => {
  receiver = await startReceiver();
  stops.push(() => receiver.stop());
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function live(options: EmulatorOptions = {}): Promise<{ emulator: Awaited<ReturnType<typeof startEmulator>>; data: (path: string, json?: unknown, key?: string) => Promise<Json>; failures: WebhookFailure[] }> {
  const failures: WebhookFailure[] = [];
  const emulator = await startEmulator({ webhook: { url: receiver.url, secret: SECRET, retryDelayMs: 5, onFailure: (failure) => failures.push(failure) }, ...options });
  stops.push(() => emulator.stop());
  const data = async (path: string, json?: unknown, key?: string): Promise<Json> => {
    const response = await request(emulator.url, path, json === undefined ? { key: key ?? undefined } : { json, key: key ?? undefined });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.data;
  };
  return { emulator, data, failures };
}

/** Checks the signature as the docs' Node.js example does, and over the raw body. */
function expectSigned(received: Received): void {
  const signature = received.headers[SIGNATURE_HEADER];
  const fromDocs = createHmac('SHA256', SECRET).update(Buffer.from(JSON.stringify(received.body), 'utf8')).digest('hex');
  expect(signature).toBe(fromDocs);
  expect(signature).toBe(createHmac('sha256', SECRET).update(received.raw).digest('hex'));
  expect(received.headers['content-type']).toBe('application/json');
}

/** Deliveries run side by side and may arrive in any order: the data of each event sent, by event. */
function byEvent(received: readonly Received[]): Map<string, Json> {
  const events = new Map<string, Json>();
  for (const { body } of received) {
    expect(events.has(body.event)).toBe(false);
    events.set(body.event, body.data);
  }
  return events;
}

const activeChat = async (data: (path: string) => Promise<Json>): Promise<Json> =>
  (await data('/crm/objects/case?limit=1&where=status|eq|active&where=channel|eq|chat')).data[0];

describe('outbound webhooks', () => {
  it('sends a signed "Case new" for a case created through the API, with the case', async () => {
    const { emulator, data } = await live();
    const created = await data('/crm/messenger/chat/create?contactId=750905', { message: { type: 'message', message: 'hi' } });
    await emulator.webhooksIdle();
    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    expectSigned(webhook!);
    expect(webhook!.body).toEqual({
      event: WEBHOOK_EVENTS.caseNew,
      dateCreated: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: { case: await data(`/crm/objects/case/${created.id}`) },
    });
    expect(webhook!.body.data.case).toMatchObject({ id: created.id, contactId: 750905, threadId: created.id, status: 'active' });
  });

  it('sends "Case new" for a reopen and "status set to Closed" for a close, and nothing for messages', async () => {
    const { emulator, data } = await live();
    const c = await activeChat(data);
    await data('/crm/messenger/chat/add-message', { message: { type: 'message', message: 'no webhook for me' }, caseId: c.id });
    await data('/crm/messenger/chat/close', { caseId: c.id });
    const reopened = await data(`/crm/messenger/chat/create?contactId=${c.contactId}`, { threadId: c.threadId });
    await emulator.webhooksIdle();
    const sent = byEvent(receiver.received);
    expect([...sent.keys()].sort()).toEqual([WEBHOOK_EVENTS.caseClosed, WEBHOOK_EVENTS.caseNew].sort());
    expect(sent.get(WEBHOOK_EVENTS.caseClosed).case).toMatchObject({ id: c.id, status: 'closed', closedBy: 99, contactId: c.contactId, threadId: c.threadId });
    expect(sent.get(WEBHOOK_EVENTS.caseNew).case).toMatchObject({ id: reopened.id, parentId: c.threadId, threadId: c.threadId, status: 'active' });
    receiver.received.forEach(expectSigned);
  });

  it('sends only the changes of its account', async () => {
    const { emulator, data } = await live();
    await data('/crm/messenger/chat/create?contactId=750905', {}, OTHER_ACCOUNT_API_KEY);
    await emulator.webhooksIdle();
    expect(receiver.received).toEqual([]);
    const acme = await live({ webhook: { url: receiver.url, secret: SECRET, account: 'acme' } });
    await acme.data('/crm/messenger/chat/create?contactId=750905', {}, OTHER_ACCOUNT_API_KEY);
    await acme.emulator.webhooksIdle();
    expect(receiver.received.map((r) => r.body.event)).toEqual([WEBHOOK_EVENTS.caseNew]);
  });

  it('retries a failed delivery with the same body and signature until it gets a 2xx', async () => {
    const { emulator, data, failures } = await live();
    receiver.answers.push(500, 503);
    await data('/crm/messenger/chat/create?contactId=750905', {});
    await emulator.webhooksIdle();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.headers[SIGNATURE_HEADER])).size).toBe(1);
    expect(failures).toEqual([]);
  });

  it('gives up after the retries, reports it, and keeps answering the API', async () => {
    const { emulator, data, failures } = await live({ webhook: { url: receiver.url, secret: SECRET, retries: 2, retryDelayMs: 1, onFailure: (f) => failures.push(f) } });
    receiver.answers.push(500, 500, 500, 500);
    await data('/crm/messenger/chat/create?contactId=750905', {});
    await emulator.webhooksIdle();
    expect(receiver.received).toHaveLength(3);
    expect(failures).toEqual([{ event: WEBHOOK_EVENTS.caseNew, attempts: 3, reason: 'HTTP 500' }]);
    expect((await data('/crm/objects/case?limit=0')).count).toBeGreaterThan(250);
  });

  it('survives a receiver that is not there', async () => {
    const gone = await startReceiver();
    const url = gone.url;
    await gone.stop();
    const failures: WebhookFailure[] = [];
    const emulator = await startEmulator({ webhook: { url, secret: SECRET, retries: 1, retryDelayMs: 1, onFailure: (f) => failures.push(f) } });
    stops.push(() => emulator.stop());
    expect((await request(emulator.url, '/crm/messenger/chat/create?contactId=750905', { json: {} })).status).toBe(200);
    await emulator.webhooksIdle();
    expect(failures).toEqual([{ event: WEBHOOK_EVENTS.caseNew, attempts: 2, reason: expect.any(String) }]);
  });

  it('never holds an API answer for a receiver that does not answer, and counts a timeout as a failure', async () => {
    const { emulator, data, failures } = await live({ webhook: { url: receiver.url, secret: SECRET, retries: 0, timeoutMs: 200, onFailure: (f) => failures.push(f) } });
    receiver.answers.push('hold');
    const created = await data('/crm/messenger/chat/create?contactId=750905', {});
    expect(created.status).toBe('active');
    await receiver.waitFor(1);
    await emulator.webhooksIdle();
    expect(failures).toEqual([{ event: WEBHOOK_EVENTS.caseNew, attempts: 1, reason: expect.any(String) }]);
  });

  it('abandons pending retries when the emulator stops', async () => {
    const { emulator, data, failures } = await live({ webhook: { url: receiver.url, secret: SECRET, retryDelayMs: 60_000, onFailure: (f) => failures.push(f) } });
    receiver.answers.push(500);
    await data('/crm/messenger/chat/create?contactId=750905', {});
    await receiver.waitFor(1);
    await emulator.stop();
    await emulator.webhooksIdle();
    expect(receiver.received).toHaveLength(1);
    expect(failures).toEqual([]);
  });

  it('keeps sending after a reset', async () => {
    const { emulator, data } = await live();
    emulator.reset();
    await data('/crm/messenger/chat/create?contactId=750905', {});
    await emulator.webhooksIdle();
    expect(receiver.received).toHaveLength(1);
  });

  it.each([
    ['a relative url', { url: '/hooks', secret: SECRET }],
    ['an ftp url', { url: 'ftp://127.0.0.1/hooks', secret: SECRET }],
    ['an empty secret', { url: 'http://127.0.0.1:1/hooks', secret: '' }],
    ['an unknown account', { url: 'http://127.0.0.1:1/hooks', secret: SECRET, account: 'nobody' }],
    ['negative retries', { url: 'http://127.0.0.1:1/hooks', secret: SECRET, retries: -1 }],
  ])('refuses %s', async (_, webhook) => {
    await expect(startEmulator({ webhook })).rejects.toThrow(RangeError);
  });

  it('signs as the docs compute it', () => {
    const body = { event: 'CASE_NEW', text: 'naïve' };
    expect(webhookSignature(SECRET, body)).toBe(createHmac('SHA256', SECRET).update(Buffer.from(JSON.stringify(body), 'utf8')).digest('hex'));
    expect(webhookSignature(SECRET, JSON.stringify(body))).toBe(webhookSignature(SECRET, body));
  });
});

describe('the demo activity', () => {
  it('performs one step of each kind per tick, with the documented webhooks only', async () => {
    const { emulator, data } = await live();
    const step = emulator.activity.tick();
    expect(step).toEqual({
      reply: { caseId: expect.any(Number), messageId: expect.any(Number) },
      newCase: { caseId: expect.any(Number) },
      pending: { caseId: expect.any(Number) },
      closed: { caseId: expect.any(Number) },
      agentStatus: { userId: expect.any(Number), status: 'inactive' },
    });
    await emulator.webhooksIdle();
    receiver.received.forEach(expectSigned);
    const sent = byEvent(receiver.received);
    expect([...sent.keys()].sort()).toEqual(Object.values(WEBHOOK_EVENTS).sort());
    const [created, pending, closed, agent] = [WEBHOOK_EVENTS.caseNew, WEBHOOK_EVENTS.casePending, WEBHOOK_EVENTS.caseClosed, WEBHOOK_EVENTS.agentStatusChange].map((event) => sent.get(event));
    expect(created.case).toMatchObject({ id: step.newCase!.caseId, status: 'active', channel: 'chat' });
    expect(pending.case).toMatchObject({ id: step.pending!.caseId, status: 'pending' });
    expect(closed.case).toMatchObject({ id: step.closed!.caseId, status: 'closed' });
    expect(agent.user).toMatchObject({ id: step.agentStatus!.userId, status: 'inactive', name: expect.any(String), email: expect.any(String) });

    const replied = await data(`/crm/objects/case/${step.reply!.caseId}?relations=messages`);
    expect(replied.messages[replied.messages.length - 1]).toMatchObject({ id: step.reply!.messageId, senderType: 'contact', senderId: replied.contactId, type: 'message', seen: 'no' });
    const fresh = await data(`/crm/objects/case/${step.newCase!.caseId}?relations=messages|users`);
    expect(fresh.messages).toEqual([
      expect.objectContaining({ type: 'event', senderType: 'contact', message: 'The visitor started chat.' }),
      expect.objectContaining({ type: 'message', senderType: 'contact', senderId: fresh.contactId, message: fresh.description }),
    ]);
    expect(await data(`/crm/objects/case/${step.pending!.caseId}`)).toMatchObject({ status: 'pending', datePending: pending.case.datePending });
    const done = await data(`/crm/objects/case/${step.closed!.caseId}?relations=messages`);
    expect(done).toMatchObject({ status: 'closed', closingState: 'handled' });
    expect(done.messages[done.messages.length - 1]).toMatchObject({ type: 'event', message: 'The case was closed.', senderId: done.closedBy });
    expect((await data(`/account/user/${agent.user.id}`)).status).toBe('inactive');

    const { agentStatus } = emulator.activity.tick();
    if (agentStatus!.userId === agent.user.id) expect(agentStatus!.status).toBe('active');
    expect((await data(`/account/user/${agentStatus!.userId}`)).status).toBe(agentStatus!.status);
  });

  it('is repeatable: the same seed on the same data makes the same moves', async () => {
    const first = await live({ activity: { enabled: false, seed: 7 } });
    const second = await live({ activity: { enabled: false, seed: 7 } });
    const steps = (emulator: typeof first.emulator): unknown[] => Array.from({ length: 3 }, () => emulator.activity.tick());
    expect(steps(first.emulator)).toEqual(steps(second.emulator));
  });

  it('runs on its timers when switched on, and stops with the emulator', async () => {
    const { emulator } = await live({ activity: { replyEveryMs: 5, newCaseEveryMs: 10, caseStatusEveryMs: 10, agentStatusEveryMs: 10 } });
    expect(emulator.activity.running).toBe(true);
    // Deliveries race each other, so wait for every kind rather than for one that comes last.
    const kinds = (): Set<string> => new Set(receiver.received.map((r) => r.body.event));
    while (kinds().size < Object.values(WEBHOOK_EVENTS).length) await receiver.waitFor(receiver.received.length + 1);
    expect(kinds()).toEqual(new Set(Object.values(WEBHOOK_EVENTS)));
    await emulator.stop();
    expect(emulator.activity.running).toBe(false);
  });

  it('stays off unless asked for, and tick() still works', async () => {
    for (const activity of [undefined, false, { enabled: false }]) {
      const { emulator } = await live(activity === undefined ? {} : { activity });
      expect(emulator.activity.running).toBe(false);
    }
    const { emulator } = await live({ activity: false });
    await sleep(30);
    await emulator.webhooksIdle();
    expect(receiver.received).toEqual([]);
    expect(emulator.activity.tick().newCase).not.toBeNull();
  });

  it.each([
    ['a zero interval', { replyEveryMs: 0 }],
    ['a fractional interval', { agentStatusEveryMs: 1.5 }],
    ['an unknown account', { account: 'nobody' }],
  ])('refuses %s', async (_, activity) => {
    await expect(startEmulator({ activity })).rejects.toThrow(RangeError);
  });
});

describe('webhook and activity settings from the environment', () => {
  it('reads the webhook and the activity, off by default', () => {
    expect(emulatorOptionsFromEnv({ EMULATOR_WEBHOOK_URL: 'http://127.0.0.1:4000/webhooks/acquire', EMULATOR_WEBHOOK_SECRET: 's' })).toEqual({
      port: 4010, latencyMs: 0, webhook: { url: 'http://127.0.0.1:4000/webhooks/acquire', secret: 's' },
    });
    expect(emulatorOptionsFromEnv({ EMULATOR_ACTIVITY: 'off' })).toEqual({ port: 4010, latencyMs: 0 });
    expect(emulatorOptionsFromEnv({ EMULATOR_ACTIVITY: 'on', EMULATOR_ACTIVITY_REPLY_MS: '1000', EMULATOR_ACTIVITY_NEW_CASE_MS: '2000', EMULATOR_ACTIVITY_STATUS_MS: '3000', EMULATOR_ACTIVITY_AGENT_MS: '4000' })).toEqual({
      port: 4010, latencyMs: 0, activity: { replyEveryMs: 1000, newCaseEveryMs: 2000, caseStatusEveryMs: 3000, agentStatusEveryMs: 4000 },
    });
  });

  it.each([
    [{ EMULATOR_WEBHOOK_URL: 'http://127.0.0.1:4000/' }, 'EMULATOR_WEBHOOK_SECRET'],
    [{ EMULATOR_WEBHOOK_SECRET: 's' }, 'EMULATOR_WEBHOOK_URL'],
    [{ EMULATOR_ACTIVITY: 'yes' }, 'EMULATOR_ACTIVITY'],
    [{ EMULATOR_ACTIVITY: 'on', EMULATOR_ACTIVITY_REPLY_MS: '0' }, 'EMULATOR_ACTIVITY_REPLY_MS'],
  ])('refuses %j', (env, name) => {
    expect(() => emulatorOptionsFromEnv(env)).toThrow(name);
  });
});

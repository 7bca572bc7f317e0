/**
 * The live inbox across replicas, as its users notice it: two gateways on different ports share
 * one real Redis, clients subscribe over real WebSockets, and Acquire is the emulator (its
 * webhooks are posted here by the test, signed as Acquire signs them).
 */
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_API_KEY, NO_CASE_ACCESS_API_KEY, OTHER_ACCOUNT_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { graphql } from '../helpers/graphql.js';
import { connectLive, type LiveClient } from '../helpers/liveClient.js';
import { startRedis, type RedisServer } from '../../bench/redisServer.js';
import { sample, startGateway, type RunningGateway } from '../helpers/startGateway.js';

const SECRET = 'test-webhook-secret';
const POLL_MS = 400;

let redis: RedisServer;
let emulator: Emulator;
let a: RunningGateway;
let b: RunningGateway;
const clients: LiveClient[] = [];

function live(gateway: RunningGateway, key: string): LiveClient {
  const client = connectLive(gateway.url, key);
  clients.push(client);
  return client;
}

/** A webhook as Acquire sends one: JSON, signed with the shared secret over JSON.stringify(body). */
async function postWebhook(gateway: RunningGateway, body: unknown, signature: string | null = createHmac('sha256', SECRET).update(JSON.stringify(body)).digest('hex')): Promise<number> {
  const response = await fetch(gateway.url.replace(/\/graphql$/, '/webhooks/acquire'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-acquire-signature': signature }) },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Waits until `check` holds, polling the gateway's metrics; fails after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator();
  const settings = {
    baseUrl: emulator.url,
    live: { redisUrl: redis.url, webhookSecret: SECRET, pollIntervalMs: POLL_MS, pollMaxIntervalMs: POLL_MS },
  };
  a = await startGateway(settings);
  b = await startGateway(settings);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await emulator?.stop();
  await redis?.stop();
});

const CASE_EVENTS = 'subscription { caseEvents { type occurredAt case { id title status } } }';
const MESSAGE_EVENTS = 'subscription ($caseId: ID!) { messageEvents(caseId: $caseId) { type messageId message { id text senderType } case { id } } }';

it("delivers a signed webhook posted to replica A to a caseEvents subscriber on replica B, read with that subscriber's key", async () => {
  const demo = live(b, DEMO_API_KEY).subscribe(CASE_EVENTS);
  const acme = live(b, OTHER_ACCOUNT_API_KEY).subscribe(CASE_EVENTS);
  await eventually(async () => sample(await b.metrics(), 'live_subscriptions{field="caseEvents"}') === 2);

  expect(await postWebhook(a, { event: 'Case new', data: { caseId: 1005 } })).toBe(202);

  const [demoEvent, acmeEvent] = await Promise.all([demo.next(), acme.next()]);
  const titleFor = async (key: string) => (await graphql(a.url, '{ case(id: "1005") { title } }', undefined, { authorization: `Bearer ${key}` })).data.case.title;
  expect(demoEvent.errors).toBeUndefined();
  expect(demoEvent.data.caseEvents).toMatchObject({ type: 'CREATED', case: { id: '1005', title: await titleFor(DEMO_API_KEY) } });
  // The same case id in another account: each subscriber sees its own account's case.
  expect(acmeEvent.data.caseEvents).toMatchObject({ type: 'CREATED', case: { id: '1005', title: await titleFor(OTHER_ACCOUNT_API_KEY) } });
  expect(acmeEvent.data.caseEvents.case.title).not.toBe(demoEvent.data.caseEvents.case.title);
});

it('refuses a webhook with a bad or missing signature, and publishes nothing for it', async () => {
  const subscription = live(b, DEMO_API_KEY).subscribe(CASE_EVENTS);
  await eventually(async () => sample(await b.metrics(), 'live_subscriptions{field="caseEvents"}') === 1);
  const before = sample(await a.metrics(), 'live_webhooks_total{outcome="refused"}');

  expect(await postWebhook(a, { event: 'Case new', data: { caseId: 1010 } }, null)).toBe(401);
  expect(await postWebhook(a, { event: 'Case new', data: { caseId: 1011 } }, createHmac('sha256', 'not-the-secret').update('{}').digest('hex'))).toBe(401);
  expect(await postWebhook(a, { event: 'Case new', data: { caseId: 1012 } }, 'f'.repeat(64))).toBe(401);
  // Events keep their order on the backplane: had a refused one gone out, it would come first.
  expect(await postWebhook(a, { event: 'Case status is set to Closed', data: { caseId: 1013 } })).toBe(202);

  const first = await subscription.next();
  expect(first.data.caseEvents).toMatchObject({ type: 'STATUS_CHANGED', case: { id: '1013' } });
  expect(sample(await a.metrics(), 'live_webhooks_total{outcome="refused"}') - before).toBe(3);
});

it('delivers a sendMessage made on replica A to a messageEvents subscriber on replica B', async () => {
  const target = (await graphql(a.url, '{ cases(first: 1, filter: {status: ACTIVE, channel: CHAT}) { nodes { id } } }', undefined, { authorization: `Bearer ${DEMO_API_KEY}` })).data.cases.nodes[0].id;
  const subscription = live(b, DEMO_API_KEY).subscribe(MESSAGE_EVENTS, { caseId: target });
  await eventually(async () => sample(await b.metrics(), 'live_subscriptions{field="messageEvents"}') === 1);

  const sent = await graphql(a.url, 'mutation ($id: ID!) { sendMessage(input: {caseId: $id, text: "On my way"}) { message { id } } }', { id: target }, { authorization: `Bearer ${DEMO_API_KEY}` });
  expect(sent.errors).toBeUndefined();

  const event = await subscription.next();
  expect(event.errors).toBeUndefined();
  expect(event.data.messageEvents).toEqual({
    type: 'ADDED',
    messageId: sent.data.sendMessage.message.id,
    message: { id: sent.data.sendMessage.message.id, text: 'On my way', senderType: 'USER' },
    case: { id: target },
  });
});

it('delivers a message added upstream behind the gateway\'s back within a poll interval, polled by one replica', async () => {
  const target = (await graphql(a.url, '{ cases(first: 1, after: "b2Zmc2V0OjM", filter: {status: ACTIVE, channel: CHAT}) { nodes { id contactId } } }', undefined, { authorization: `Bearer ${DEMO_API_KEY}` })).data.cases.nodes[0];
  const onA = live(a, DEMO_API_KEY).subscribe(MESSAGE_EVENTS, { caseId: target.id });
  const onB = [live(b, DEMO_API_KEY).subscribe(MESSAGE_EVENTS, { caseId: target.id }), live(b, DEMO_API_KEY).subscribe(MESSAGE_EVENTS, { caseId: target.id })];
  // Both replicas follow the case; one polls it, the other waits on the lease.
  await eventually(async () => sample(await a.metrics(), 'live_polls_total{outcome="unchanged"}') + sample(await b.metrics(), 'live_polls_total{outcome="unchanged"}') >= 2);
  expect(sample(await a.metrics(), 'live_polled_cases') + sample(await b.metrics(), 'live_polled_cases')).toBe(1);

  // The contact replies in Acquire's widget: straight to the upstream, no webhook, no gateway.
  const reply = await fetch(`${emulator.url}/crm/messenger/chat/add-message?x-user-type=contact&contactId=${target.contactId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: Number(target.id), message: { type: 'message', message: 'Are you still there?' } }),
  });
  expect(reply.status).toBe(200);

  for (const subscription of [onA, ...onB]) {
    const event = await subscription.next(POLL_MS * 3 + 2_000);
    expect(event.data.messageEvents).toMatchObject({ type: 'ADDED', message: { text: 'Are you still there?', senderType: 'CONTACT' }, case: { id: target.id } });
  }
});

it('never gives case data to a key without case permission', async () => {
  const client = live(b, NO_CASE_ACCESS_API_KEY);
  const cases = client.subscribe(CASE_EVENTS);
  await eventually(async () => sample(await b.metrics(), 'live_subscriptions{field="caseEvents"}') === 1);
  const messages = client.subscribe(MESSAGE_EVENTS, { caseId: '1001' });

  expect(await postWebhook(a, { event: 'Case status is set to Pending', data: { caseId: 1001 } })).toBe(202);

  const event = await cases.next();
  expect(event.data.caseEvents).toMatchObject({ type: 'STATUS_CHANGED', case: null });
  expect(event.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['caseEvents', 'case'], 'FORBIDDEN']]);
  const refused = await messages.next();
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  expect(await messages.ended).toEqual({});
});

it('leaves nothing behind when a client disconnects: gauges back to zero, polls stop', async () => {
  const client = live(b, DEMO_API_KEY);
  client.subscribe(CASE_EVENTS);
  client.subscribe(MESSAGE_EVENTS, { caseId: '1002' });
  await eventually(async () => {
    const text = await b.metrics();
    return sample(text, 'live_subscriptions{field="messageEvents"}') === 1 && sample(text, 'live_polled_cases') + sample(await a.metrics(), 'live_polled_cases') === 1;
  });
  expect(sample(await b.metrics(), 'live_connections')).toBe(1);

  await client.dispose();
  await eventually(async () => {
    const [onA, onB] = [await a.metrics(), await b.metrics()];
    return [onA, onB].every(
      (text) =>
        sample(text, 'live_connections') === 0 &&
        sample(text, 'live_subscriptions{field="caseEvents"}') === 0 &&
        sample(text, 'live_subscriptions{field="messageEvents"}') === 0 &&
        sample(text, 'live_polled_cases') === 0,
    );
  });
  const polls = emulator.calls.filter((call) => call.path === '/crm/messenger/chat/messages').length;
  await sleep(POLL_MS * 3);
  expect(emulator.calls.filter((call) => call.path === '/crm/messenger/chat/messages').length).toBe(polls);
});

/**
 * The live inbox across replicas, as its users and its operator notice it: two gateway processes
 * (`node dist/src/index.js`, configured by environment as in production) share one real Redis,
 * clients subscribe over real WebSockets, and Acquire is the emulator on loopback (its webhooks
 * are posted here by the test, signed as Acquire signs them). What a replica holds is read only
 * from its /metrics, as an operator's scraper reads it.
 */
import { createHmac } from 'node:crypto';
import { DEMO_API_KEY, NO_CASE_ACCESS_API_KEY, OTHER_ACCOUNT_API_KEY, startEmulator, type Emulator, type EmulatorCall } from '../../emulator/server.js';
import { graphql } from '../helpers/graphql.js';
import { connectLive, type LiveClient } from '../helpers/liveClient.js';
import { startReplicas, stopReplicas, type GatewayProcess } from '../helpers/gatewayProcess.js';
import { startRedis, type RedisServer } from '../../bench/redisServer.js';
import { sample } from '../helpers/startGateway.js';
import { eventually } from '../helpers/eventually.js';
import { postWebhook } from '../helpers/webhooks.js';

const SECRET = 'test-webhook-secret';
// The interval stays fixed (no back-off), so "the next poll" is always one interval away.
const POLL_MS = 400;
// Deadlines for what must happen, generous because two cores are shared with other work; a
// correct gateway meets them by far, a broken one never does.
const EVENT_MS = 20_000;

let redis: RedisServer | undefined;
let emulator: Emulator | undefined;
let a: GatewayProcess;
let b: GatewayProcess;
const clients: LiveClient[] = [];

function live(gateway: GatewayProcess, key: string): LiveClient {
  const client = connectLive(gateway.url, key);
  clients.push(client);
  return client;
}

/** A webhook as Acquire sends one: JSON, signed with the shared secret over JSON.stringify(body). */
const webhook = (gateway: GatewayProcess, body: unknown, signature?: string | null): Promise<number> => postWebhook(gateway.url, SECRET, body, { signature });

/** One sample of each replica's /metrics, summed. */
async function onBoth(name: string): Promise<number> {
  const [onA, onB] = await Promise.all([a.metrics(), b.metrics()]);
  return sample(onA, name) + sample(onB, name);
}

interface Poll {
  requestId: string;
  startedAt: number;
  calls: EmulatorCall[];
}

/** The polls of a watched case as the upstream saw them: a poll's calls carry `x-request-id: poll-<case>-<n>`. */
function pollsOf(caseId: string): Poll[] {
  const polls = new Map<string, Poll>();
  const pattern = new RegExp(`^poll-${caseId}-\\d+$`);
  for (const call of emulator!.calls) {
    if (call.requestId === null || !pattern.test(call.requestId)) continue;
    const poll = polls.get(call.requestId) ?? { requestId: call.requestId, startedAt: call.startedAt, calls: [] };
    poll.calls.push(call);
    polls.set(call.requestId, poll);
  }
  return [...polls.values()].sort((x, y) => x.startedAt - y.startedAt);
}

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator();
  const env = {
    ACQUIRE_BASE_URL: emulator.url,
    HOST: '127.0.0.1',
    REDIS_URL: redis.url,
    ACQUIRE_WEBHOOK_SECRET: SECRET,
    LIVE_POLL_INTERVAL_MS: String(POLL_MS),
    LIVE_POLL_MAX_INTERVAL_MS: String(POLL_MS),
  };
  [a, b] = (await startReplicas(env, env)) as [GatewayProcess, GatewayProcess];
  await eventually('both replicas on the Redis backplane', async () => (await onBoth('live_backplane_up')) === 2);
}, 90_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  // Everything is stopped, whatever fails; then a replica that did not shut down cleanly fails the file.
  for (const exit of await stopReplicas([a, b], emulator, redis)) expect(exit).toEqual({ status: 'fulfilled', value: 0 });
}, 60_000);

const CASE_EVENTS = 'subscription { caseEvents { type occurredAt case { id title status } } }';
const MESSAGE_EVENTS = 'subscription ($caseId: ID!) { messageEvents(caseId: $caseId) { type messageId message { id text senderType } case { id } } }';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

it("delivers a signed webhook posted to replica A to a caseEvents subscriber on replica B, read with that subscriber's key", async () => {
  const demo = live(b, DEMO_API_KEY).subscribe(CASE_EVENTS);
  const acme = live(b, OTHER_ACCOUNT_API_KEY).subscribe(CASE_EVENTS);
  await eventually('2 caseEvents subscriptions on B', async () => sample(await b.metrics(), 'live_subscriptions{field="caseEvents"}') === 2);
  expect(sample(await a.metrics(), 'live_subscriptions{field="caseEvents"}')).toBe(0);

  expect(await webhook(a, { event: 'Case new', data: { caseId: 1005 } })).toBe(202);

  const [demoEvent, acmeEvent] = await Promise.all([demo.next(EVENT_MS), acme.next(EVENT_MS)]);
  const titleFor = async (key: string) => (await graphql(a.url, '{ case(id: "1005") { title } }', undefined, auth(key))).data.case.title;
  expect(demoEvent.errors).toBeUndefined();
  expect(demoEvent.data.caseEvents).toMatchObject({ type: 'CREATED', case: { id: '1005', title: await titleFor(DEMO_API_KEY) } });
  // The same case id in another account: each subscriber sees its own account's case.
  expect(acmeEvent.data.caseEvents).toMatchObject({ type: 'CREATED', case: { id: '1005', title: await titleFor(OTHER_ACCOUNT_API_KEY) } });
  expect(acmeEvent.data.caseEvents.case.title).not.toBe(demoEvent.data.caseEvents.case.title);
  expect(sample(await a.metrics(), 'live_webhooks_total{outcome="accepted"}')).toBeGreaterThanOrEqual(1);
  expect(sample(await b.metrics(), 'live_webhooks_total{outcome="accepted"}')).toBe(0);
}, 60_000);

it('refuses a webhook with a bad or missing signature, and publishes nothing for it', async () => {
  const subscription = live(b, DEMO_API_KEY).subscribe(CASE_EVENTS);
  await eventually('1 caseEvents subscription on B', async () => sample(await b.metrics(), 'live_subscriptions{field="caseEvents"}') === 1);
  const before = await a.metrics();
  const [refused, published] = ['live_webhooks_total{outcome="refused"}', 'live_events_published_total{kind="case",source="webhook"}'];

  expect(await webhook(a, { event: 'Case new', data: { caseId: 1010 } }, null)).toBe(401);
  expect(await webhook(a, { event: 'Case new', data: { caseId: 1011 } }, createHmac('sha256', 'not-the-secret').update('{}').digest('hex'))).toBe(401);
  expect(await webhook(a, { event: 'Case new', data: { caseId: 1012 } }, 'f'.repeat(64))).toBe(401);
  // Events keep their order on the backplane: had a refused one gone out, it would come first.
  expect(await webhook(a, { event: 'Case status is set to Closed', data: { caseId: 1013 } })).toBe(202);

  const first = await subscription.next(EVENT_MS);
  expect(first.data.caseEvents).toMatchObject({ type: 'STATUS_CHANGED', case: { id: '1013' } });
  const after = await a.metrics();
  expect(sample(after, refused) - sample(before, refused)).toBe(3);
  expect(sample(after, published) - sample(before, published)).toBe(1);
}, 60_000);

it('delivers a sendMessage made on replica A to a messageEvents subscriber on replica B', async () => {
  const target = (await graphql(a.url, '{ cases(first: 1, filter: {status: ACTIVE, channel: CHAT}) { nodes { id } } }', undefined, auth(DEMO_API_KEY))).data.cases.nodes[0].id;
  const subscription = live(b, DEMO_API_KEY).subscribe(MESSAGE_EVENTS, { caseId: target });
  await eventually('1 messageEvents subscription on B', async () => sample(await b.metrics(), 'live_subscriptions{field="messageEvents"}') === 1);

  const sent = await graphql(a.url, 'mutation ($id: ID!) { sendMessage(input: {caseId: $id, text: "On my way"}) { message { id } } }', { id: target }, auth(DEMO_API_KEY));
  expect(sent.errors).toBeUndefined();

  const event = await subscription.next(EVENT_MS);
  expect(event.errors).toBeUndefined();
  expect(event.data.messageEvents).toEqual({
    type: 'ADDED',
    messageId: sent.data.sendMessage.message.id,
    message: { id: sent.data.sendMessage.message.id, text: 'On my way', senderType: 'USER' },
    case: { id: target },
  });
}, 60_000);

it("delivers a message added upstream behind the gateway's back with the next poll, polled by one replica", async () => {
  const target = (await graphql(a.url, '{ cases(first: 1, after: "b2Zmc2V0OjM", filter: {status: ACTIVE, channel: CHAT}) { nodes { id contactId } } }', undefined, auth(DEMO_API_KEY))).data.cases.nodes[0];
  const onA = live(a, DEMO_API_KEY).subscribe(MESSAGE_EVENTS, { caseId: target.id });
  const onB = [live(b, DEMO_API_KEY).subscribe(MESSAGE_EVENTS, { caseId: target.id }), live(b, DEMO_API_KEY).subscribe(MESSAGE_EVENTS, { caseId: target.id })];
  // Both replicas follow the case; one polls it, the other waits on the lease.
  await eventually('3 subscribers, the case polled twice', async () => (await onBoth('live_subscriptions{field="messageEvents"}')) === 3 && pollsOf(target.id).length >= 2);
  expect(await onBoth('live_polled_cases')).toBe(1);

  // The contact replies in Acquire's widget: straight to the upstream, no webhook, no gateway.
  const reply = await fetch(`${emulator!.url}/crm/messenger/chat/add-message?x-user-type=contact&contactId=${target.contactId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: Number(target.id), message: { type: 'message', message: 'Are you still there?' } }),
  });
  expect(reply.status).toBe(200);
  await reply.arrayBuffer();
  const added = emulator!.calls.findLast((call) => call.path === '/crm/messenger/chat/add-message')!;

  for (const subscription of [onA, ...onB]) {
    const event = await subscription.next(EVENT_MS);
    expect(event.data.messageEvents).toMatchObject({ type: 'ADDED', message: { text: 'Are you still there?', senderType: 'CONTACT' }, case: { id: target.id } });
  }

  // "Within one poll interval", in the gateway's own time rather than this machine's: the first
  // poll that could see the message announced it. A quiet poll reads only the thread list; the one
  // that finds a newer message reads the case's messages.
  const readsMessages = (poll: Poll) => poll.calls.some((call) => call.path === `/crm/objects/case/${target.id}`);
  await eventually('a poll started after the reply', () => pollsOf(target.id).some((poll) => poll.startedAt > added.finishedAt));
  const polls = pollsOf(target.id);
  expect(polls.filter((poll) => poll.startedAt < added.startedAt).filter(readsMessages)).toEqual([]);
  const firstAfter = polls.findIndex((poll) => poll.startedAt > added.finishedAt);
  const announcing = polls.findIndex(readsMessages);
  expect(announcing).not.toBe(-1);
  expect(announcing).toBeLessThanOrEqual(firstAfter);
}, 60_000);

it('never gives case data to a key without case permission', async () => {
  const client = live(b, NO_CASE_ACCESS_API_KEY);
  const cases = client.subscribe(CASE_EVENTS);
  await eventually('1 caseEvents subscription on B', async () => sample(await b.metrics(), 'live_subscriptions{field="caseEvents"}') === 1);
  const messages = client.subscribe(MESSAGE_EVENTS, { caseId: '1001' });

  expect(await webhook(a, { event: 'Case status is set to Pending', data: { caseId: 1001 } })).toBe(202);

  const event = await cases.next(EVENT_MS);
  expect(event.data.caseEvents).toMatchObject({ type: 'STATUS_CHANGED', case: null });
  expect(event.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['caseEvents', 'case'], 'FORBIDDEN']]);
  const refused = await messages.next(EVENT_MS);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  // Each error names its subscription, as the log lines of that subscription do.
  const ids = [event, refused].map((result) => result.errors?.[0]?.extensions?.requestId);
  expect(ids).toEqual([expect.stringMatching(/^ws-/), expect.stringMatching(/^ws-/)]);
  expect(ids[0]).not.toBe(ids[1]);
  expect(await messages.ended).toEqual({});
  // Nor is its refused case watched on its behalf.
  expect(pollsOf('1001')).toEqual([]);
}, 60_000);

it('leaves nothing behind when a client disconnects: gauges back to zero, polls stop', async () => {
  const client = live(b, DEMO_API_KEY);
  client.subscribe(CASE_EVENTS);
  client.subscribe(MESSAGE_EVENTS, { caseId: '1002' });
  // Another client on the same replica keeps a case of its own watched: its polls are the clock
  // that shows B still polling while the abandoned case gets none.
  const clock = live(b, DEMO_API_KEY);
  clock.subscribe(MESSAGE_EVENTS, { caseId: '1003' });
  await eventually('both cases polled', async () => pollsOf('1002').length >= 2 && pollsOf('1003').length >= 2 && (await onBoth('live_polled_cases')) === 2);
  expect(sample(await b.metrics(), 'live_connections')).toBe(2);

  await client.dispose();
  await eventually('B back to the clock alone', async () => {
    const text = await b.metrics();
    return (
      sample(text, 'live_connections') === 1 &&
      sample(text, 'live_subscriptions{field="caseEvents"}') === 0 &&
      sample(text, 'live_subscriptions{field="messageEvents"}') === 1 &&
      (await onBoth('live_polled_cases')) === 1
    );
  });
  const gone = Date.now();
  await eventually('three more polls of the clock case', () => pollsOf('1003').filter((poll) => poll.startedAt > gone).length >= 3);
  expect(pollsOf('1002').filter((poll) => poll.startedAt > gone)).toEqual([]);

  await clock.dispose();
  await eventually('every gauge at zero on both replicas', async () => {
    const [onA, onB] = await Promise.all([a.metrics(), b.metrics()]);
    return [onA, onB].every(
      (text) =>
        sample(text, 'live_connections') === 0 &&
        sample(text, 'live_subscriptions{field="caseEvents"}') === 0 &&
        sample(text, 'live_subscriptions{field="messageEvents"}') === 0 &&
        sample(text, 'live_subscriptions{field="agentStatusChanged"}') === 0 &&
        sample(text, 'live_polled_cases') === 0,
    );
  });
}, 90_000);

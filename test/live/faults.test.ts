/**
 * A live inbox under faults, as its users notice them: two gateway processes (`node
 * dist/src/index.js`, default settings but for the webhook secret and a short queue) share one real Redis that the
 * test stops and starts again, replicas are killed, webhooks come twice, re-spaced, stale or a
 * thousand a second, and clients disconnect and come back with the last id they saw. Every event
 * reaches every subscriber, or the subscriber is told with a RESYNC that it must refetch.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { startRedis, type RedisServer } from '../../bench/redisServer.js';
import { eventually } from '../helpers/eventually.js';
import { startGatewayProcess, startReplicas, stopReplicas, type GatewayProcess } from '../helpers/gatewayProcess.js';
import { graphql } from '../helpers/graphql.js';
import { connectLive, type LiveClient, type LiveSubscription } from '../helpers/liveClient.js';
import { sample } from '../helpers/startGateway.js';
import { postWebhook } from '../helpers/webhooks.js';

const SECRET = 'fault-test-secret';
const CASE_EVENTS = 'subscription ($after: String) { caseEvents(after: $after) { id type case { id status } resync { reason after } } }';
const EVENT_IDS = 'subscription { caseEvents { id type resync { reason after } } }';
// Each event read from the upstream before it is sent: a subscriber slower than the burst.
const EVENT_READS = 'subscription { caseEvents { id type case { id title } resync { reason after } } }';
const MESSAGE_EVENTS = 'subscription ($caseId: ID!) { messageEvents(caseId: $caseId) { id type messageId message { text } } }';
const LOG = 'acquire-gateway:live:log';

let redis: RedisServer;
let emulator: Emulator | undefined;
let a: GatewayProcess;
let b: GatewayProcess;
const clients: LiveClient[] = [];

interface CaseEventShape {
  id: string;
  type: string;
  case: { id: string; status: string } | null;
  resync: { reason: string; after: string | null } | null;
}

function live(gateway: GatewayProcess): LiveClient {
  const client = connectLive(gateway.url, DEMO_API_KEY);
  clients.push(client);
  return client;
}

const webhook = (gateway: GatewayProcess, body: unknown, options?: { text?: string }): Promise<number> => postWebhook(gateway.url, SECRET, body, options);
const caseNew = (caseId: number, extra: Record<string, unknown> = {}) => ({ event: 'Case new', data: { caseId }, ...extra });
const eventsOf = (subscription: LiveSubscription): CaseEventShape[] => subscription.received.map((result) => result.data?.caseEvents as CaseEventShape);
const createdIds = (subscription: LiveSubscription): string[] => eventsOf(subscription).flatMap((event) => (event.type === 'CREATED' && event.case ? [event.case.id] : []));

async function onBoth(name: string): Promise<number> {
  const [onA, onB] = await Promise.all([a.metrics(), b.metrics()]);
  return sample(onA, name) + sample(onB, name);
}

async function ready(gateway: GatewayProcess): Promise<{ status: number; body: { backplane: Record<string, unknown> } }> {
  const response = await fetch(gateway.url.replace(/\/graphql$/, '/readyz'));
  return { status: response.status, body: (await response.json()) as { backplane: Record<string, unknown> } };
}

async function listening(gateway: GatewayProcess, field: string, count: number): Promise<void> {
  await eventually(`${count} ${field} subscriptions`, async () => sample(await gateway.metrics(), `live_subscriptions{field="${field}"}`) === count);
}

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator();
  // Default settings, but a short queue per subscriber, so that a burst overflows it for sure.
  const env = { ACQUIRE_BASE_URL: emulator.url, HOST: '127.0.0.1', REDIS_URL: redis.url, ACQUIRE_WEBHOOK_SECRET: SECRET, LIVE_MAX_QUEUED_EVENTS: '20' };
  // B is taken out of its load balancer while it cannot reach Redis; A stays in, alone.
  [a, b] = (await startReplicas(env, { ...env, LIVE_READY_REQUIRES_BACKPLANE: 'true' })) as [GatewayProcess, GatewayProcess];
  await eventually('both replicas on the Redis backplane', async () => (await onBoth('live_backplane_up')) === 2);
}, 90_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  // The next test counts subscriptions: those of this one must be gone on the server too.
  const running = [a, b].filter((replica) => replica?.exited() === null);
  await eventually('no connection left', async () => (await Promise.all(running.map(async (replica) => sample(await replica.metrics(), 'live_connections')))).every((count) => count === 0));
});

afterAll(async () => {
  await stopReplicas([a, b], emulator, redis);
}, 60_000);

it('gives every subscriber on both replicas every event, or a RESYNC, across a 5 s Redis outage, and every event after it', async () => {
  const subscribers = [live(a).subscribe(CASE_EVENTS), live(b).subscribe(CASE_EVENTS), live(b).subscribe(CASE_EVENTS)];
  await listening(a, 'caseEvents', 1);
  await listening(b, 'caseEvents', 2);
  const before = [1001, 1002, 1003, 1004];
  const during = [1005, 1006, 1007, 1008];
  const after = [1009, 1010, 1011, 1012];
  const ids = (list: number[]) => list.map(String);

  for (const [i, caseId] of before.entries()) expect(await webhook(i % 2 ? b : a, caseNew(caseId))).toBe(202);
  await eventually('the events before the outage everywhere', () => subscribers.every((subscriber) => createdIds(subscriber).length === before.length));

  await redis.stop();
  const stoppedAt = Date.now();
  let restarted = false;
  try {
    await eventually('both replicas see Redis gone', async () => (await onBoth('live_backplane_up')) === 0, 15_000);
    for (const [i, caseId] of during.entries()) expect(await webhook(i % 2 ? b : a, caseNew(caseId))).toBe(202);
    expect(await onBoth('live_events_waiting')).toBe(during.length);
    const [readyA, readyB] = [await ready(a), await ready(b)];
    expect(readyA).toMatchObject({ status: 200, body: { backplane: { mode: 'redis', connected: false, target: `127.0.0.1:${redis.port}`, lastError: expect.any(String) } } });
    expect(readyB).toMatchObject({ status: 503, body: { backplane: { connected: false } } });
    expect((readyA.body.backplane.waiting as number) + (readyB.body.backplane.waiting as number)).toBe(during.length);
    await sleep(Math.max(0, 5_000 - (Date.now() - stoppedAt)));
    redis = await startRedis(redis.port);
    restarted = true;
    await eventually('both replicas back on Redis', async () => (await onBoth('live_backplane_up')) === 2, 30_000);
  } finally {
    // Whatever failed above, the next tests get their Redis back.
    if (!restarted) redis = await startRedis(redis.port);
  }
  for (const [i, caseId] of after.entries()) expect(await webhook(i % 2 ? b : a, caseNew(caseId))).toBe(202);
  await eventually('the events after the outage everywhere', () => subscribers.every((subscriber) => ids(after).every((id) => createdIds(subscriber).includes(id))));

  for (const subscriber of subscribers) {
    const events = eventsOf(subscriber);
    const created = createdIds(subscriber);
    expect(created.slice(0, before.length)).toEqual(ids(before));
    // Redis lost the log with its data: each replica says so instead of going on as if nothing happened.
    const resync = events.findIndex((event) => event.type === 'RESYNC');
    expect(events[resync]).toMatchObject({ case: null, resync: { reason: 'EVENTS_LOST', after: events[resync - 1]!.id } });
    // What was published while Redis was away waited on its replica, and came after.
    expect([...created].sort()).toEqual(ids([...before, ...during, ...after]).sort());
    for (const id of ids(after)) expect(events.findIndex((event) => event.case?.id === id)).toBeGreaterThan(resync);
    for (const event of events.filter((e) => e.type === 'CREATED')) expect(event.case?.status).toBeDefined();
  }
  expect(await onBoth('live_events_waiting')).toBe(0);
  expect(await onBoth('live_resyncs_total{reason="EVENTS_LOST"}')).toBe(3);
  expect((await ready(b)).status).toBe(200);
  // The operator is told where Redis was and why it was lost, then that it is back.
  const lines = (gateway: GatewayProcess, text: string) => gateway.lines.filter((line) => line.msg.startsWith(text) && line.redis === `127.0.0.1:${redis.port}`);
  for (const gateway of [a, b]) {
    expect(lines(gateway, 'Redis: unreachable').length).toBeGreaterThanOrEqual(1);
    expect(lines(gateway, 'Redis: unreachable')[0]!.error).toEqual(expect.any(String));
    expect(lines(gateway, 'Redis: connected').length).toBeGreaterThanOrEqual(2);
  }
}, 120_000);

it('starts without Redis, saying where it looked and why it failed, and joins the others once Redis is there', async () => {
  const down = await startRedis();
  const port = down.port;
  await down.stop();
  const alone = await startGatewayProcess({ ACQUIRE_BASE_URL: emulator!.url, HOST: '127.0.0.1', REDIS_URL: `redis://127.0.0.1:${port}`, ACQUIRE_WEBHOOK_SECRET: SECRET });
  let late: RedisServer | undefined;
  try {
    const warning = await alone.waitForLine((line) => line.msg.startsWith('Redis: not reachable at start'));
    expect(warning).toMatchObject({ redis: `127.0.0.1:${port}`, error: expect.stringMatching(/ECONNREFUSED|connect/) });
    // Its subscriber hears its own events meanwhile.
    const subscription = live(alone).subscribe(CASE_EVENTS);
    await listening(alone, 'caseEvents', 1);
    expect(await webhook(alone, caseNew(1030))).toBe(202);
    expect((await subscription.next(20_000)).data.caseEvents).toMatchObject({ type: 'CREATED', case: { id: '1030' } });
    late = await startRedis(port);
    await eventually('connected once Redis is there', async () => sample(await alone.metrics(), 'live_backplane_up') === 1, 30_000);
    // It cannot know what it missed of the others' events: it says so.
    expect((await subscription.next(20_000)).data.caseEvents).toMatchObject({ type: 'RESYNC', resync: { reason: 'EVENTS_LOST' } });
    expect(await webhook(alone, caseNew(1031))).toBe(202);
    expect((await subscription.next(20_000)).data.caseEvents).toMatchObject({ type: 'CREATED', case: { id: '1031' } });
  } finally {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    expect(await alone.stop()).toBe(0);
    await late?.stop();
  }
}, 90_000);

it('sends two status changes a second apart as two events, each with its status, and the same change reported twice as one', async () => {
  const active = (await graphql(a.url, '{ cases(first: 2, after: "b2Zmc2V0OjU", filter: {status: ACTIVE, channel: CHAT}) { nodes { id } } }', undefined, { authorization: `Bearer ${DEMO_API_KEY}` })).data
    .cases.nodes as Array<{ id: string }>;
  const [target, closedHere] = active.map((node) => node.id) as [string, string];
  const subscription = live(b).subscribe(CASE_EVENTS);
  await listening(b, 'caseEvents', 1);

  expect(await webhook(a, { event: 'Chat status is set to Active', data: { caseId: Number(target) } })).toBe(202);
  const first = await subscription.next(20_000);
  // Closed in Acquire's own app a moment later: Acquire's webhook follows.
  const closed = await fetch(`${emulator!.url}/crm/messenger/chat/close`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: Number(target) }),
  });
  expect(closed.status).toBe(200);
  await closed.arrayBuffer();
  await sleep(1_000);
  const closedWebhook = { event: 'Chat status is set to Closed', data: { caseId: Number(target) } };
  expect(await webhook(b, closedWebhook)).toBe(202);
  const second = await subscription.next(20_000);
  expect([first.data.caseEvents, second.data.caseEvents]).toMatchObject([
    { type: 'STATUS_CHANGED', case: { id: target, status: 'ACTIVE' } },
    { type: 'STATUS_CHANGED', case: { id: target, status: 'CLOSED' } },
  ]);

  // The same delivery again, and the same change in another delivery (1.0's name for it): no event.
  expect(await webhook(a, closedWebhook)).toBe(200);
  expect(await webhook(a, { event: 'CHAT_ON_CLOSE', chat_id: Number(target) })).toBe(202);
  // A close through the gateway, then Acquire's webhook of it: one event.
  const close = await graphql(a.url, 'mutation ($id: ID!) { closeCase(input: {caseId: $id}) { case { id } } }', { id: closedHere }, { authorization: `Bearer ${DEMO_API_KEY}` });
  expect(close.errors).toBeUndefined();
  expect(await webhook(b, { event: 'Chat status is set to Closed', data: { caseId: Number(closedHere) } })).toBe(202);
  expect(await webhook(a, caseNew(1020))).toBe(202);
  const third = await subscription.next(20_000);
  const fourth = await subscription.next(20_000);
  expect([third.data.caseEvents, fourth.data.caseEvents]).toMatchObject([
    { type: 'STATUS_CHANGED', case: { id: closedHere, status: 'CLOSED' } },
    { type: 'CREATED', case: { id: '1020' } },
  ]);
}, 60_000);

it('refuses a replayed webhook however it is spaced, and one sent outside the replay window', async () => {
  const subscription = live(a).subscribe(CASE_EVENTS);
  await listening(a, 'caseEvents', 1);
  const refused = () => onBoth('live_webhooks_total{outcome="replayed"}');
  const stale = () => onBoth('live_webhooks_total{outcome="stale"}');
  const [replayedBefore, staleBefore] = [await refused(), await stale()];

  const body = caseNew(1021);
  expect(await webhook(a, body)).toBe(202);
  // The same body, re-spaced: its signature still verifies over JSON.stringify of the parsed body.
  expect(await webhook(b, body, { text: JSON.stringify(body, null, 2) })).toBe(200);
  expect(await webhook(a, body, { text: `  ${JSON.stringify(body)}\n` })).toBe(200);
  // Signed, but sent a day ago: past the window, a replay could no longer be told apart.
  expect(await webhook(b, caseNew(1022, { timestamp: Math.floor(Date.now() / 1000) - 86_400 }))).toBe(401);
  expect(await webhook(b, caseNew(1023, { timestamp: new Date(Date.now() + 3_600_000).toISOString() }))).toBe(401);
  expect(await webhook(a, caseNew(1024, { timestamp: Date.now() }))).toBe(202);

  const events = [await subscription.next(20_000), await subscription.next(20_000)].map((result) => result.data.caseEvents);
  expect(events).toMatchObject([
    { type: 'CREATED', case: { id: '1021' } },
    { type: 'CREATED', case: { id: '1024' } },
  ]);
  expect((await refused()) - replayedBefore).toBe(2);
  expect((await stale()) - staleBefore).toBe(2);
}, 60_000);

it('replays exactly what a caseEvents subscriber missed while it was gone for 5 s, when it comes back with its last id, on either replica', async () => {
  const first = live(a);
  const subscription = first.subscribe(CASE_EVENTS);
  await listening(a, 'caseEvents', 1);
  expect(await webhook(a, caseNew(1025))).toBe(202);
  const seen = (await subscription.next(20_000)).data.caseEvents as CaseEventShape;
  expect(seen).toMatchObject({ type: 'CREATED', case: { id: '1025' } });
  await first.dispose();
  await listening(a, 'caseEvents', 0);

  const goneAt = Date.now();
  expect(await webhook(b, caseNew(1026))).toBe(202);
  expect(await webhook(a, caseNew(1027))).toBe(202);
  const created = await graphql(
    a.url,
    'mutation { createCase(input: {contactId: "750905", title: "While you were away", message: "Hello"}) { case { id } } }',
    undefined,
    { authorization: `Bearer ${DEMO_API_KEY}` },
  );
  expect(created.errors).toBeUndefined();
  await sleep(Math.max(0, 5_000 - (Date.now() - goneAt)));

  const resumed = live(b).subscribe(CASE_EVENTS, { after: seen.id });
  const missed = [await resumed.next(20_000), await resumed.next(20_000), await resumed.next(20_000)].map((result) => result.data.caseEvents as CaseEventShape);
  expect(missed.map((event) => [event.type, event.case?.id])).toEqual([
    ['CREATED', '1026'],
    ['CREATED', '1027'],
    ['CREATED', created.data.createCase.case.id],
  ]);
  expect(missed.map((event) => event.id)).toEqual([...missed.map((event) => event.id)].sort((x, y) => Number(x.split('-')[0]) - Number(y.split('-')[0]) || Number(x.split('-')[1]) - Number(y.split('-')[1])));
  // Then live again, with nothing twice and nothing else in between.
  await listening(b, 'caseEvents', 1);
  expect(await webhook(a, caseNew(1028))).toBe(202);
  expect((await resumed.next(20_000)).data.caseEvents).toMatchObject({ type: 'CREATED', case: { id: '1028' } });
  expect(resumed.received).toHaveLength(4);

  // A cursor the log does not have (past retention, from a log that was lost, made up): a RESYNC, then live.
  const unknown = live(a).subscribe(CASE_EVENTS, { after: '1000-0' });
  expect((await unknown.next(20_000)).data.caseEvents).toMatchObject({ type: 'RESYNC', case: null, resync: { reason: 'CURSOR_UNKNOWN', after: '1000-0' } });
  const refused = await live(a).subscribe(CASE_EVENTS, { after: 'yesterday' }).next(20_000);
  expect(refused.errors?.map((error) => [error.extensions?.code, error.extensions?.argumentName])).toEqual([['BAD_USER_INPUT', 'after']]);
}, 60_000);

it('gives every subscriber every event of 1,000 webhooks a second for 5 s, or a RESYNC for those it could not take', async () => {
  const log = new Redis(redis.url);
  try {
    const subscribers = [live(a).subscribe(EVENT_IDS), live(a).subscribe(EVENT_READS), live(b).subscribe(EVENT_IDS), live(b).subscribe(EVENT_READS)];
    await listening(a, 'caseEvents', 2);
    await listening(b, 'caseEvents', 2);
    const start = (await log.xrevrange(LOG, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';

    const statuses = new Map<number, number>();
    for (let second = 0; second < 5; second += 1) {
      const began = Date.now();
      for (let tenth = 0; tenth < 10; tenth += 1) {
        const batch = Array.from({ length: 100 }, (_, i) => {
          const n = second * 1_000 + tenth * 100 + i;
          return webhook(n % 2 ? b : a, { event: 'Case updated', data: { caseId: 1001 + (n % 20) }, sequence: n });
        });
        for (const status of await Promise.all(batch)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
        await sleep(Math.max(0, began + (tenth + 1) * 100 - Date.now()));
      }
    }
    expect(Object.fromEntries(statuses)).toEqual({ 202: 5_000 });

    const logged = (await log.xrange(LOG, `(${start}`, '+')).map(([id]) => id);
    expect(logged).toHaveLength(5_000);
    const newest = logged.at(-1)!;
    await eventually('every subscriber reached the newest event', () => subscribers.every((subscriber) => subscriber.received.at(-1)?.data?.caseEvents.id === newest), 120_000);
    for (const subscriber of subscribers) {
      const events = subscriber.received.map((result) => result.data.caseEvents as { id: string; type: string; resync: { after: string | null } | null });
      const given = new Set(events.filter((event) => event.type !== 'RESYNC').map((event) => event.id));
      expect(given.size).toBe(events.filter((event) => event.type !== 'RESYNC').length);
      const covered = (id: string): boolean => {
        const at = logged.indexOf(id);
        return events.some((event) => event.type === 'RESYNC' && logged.indexOf(event.id) >= at && (event.resync!.after === null || logged.indexOf(event.resync!.after) < at));
      };
      expect(logged.filter((id) => !given.has(id) && !covered(id))).toEqual([]);
    }
    // The subscribers that read each event could not keep up: the RESYNCs above were exercised.
    expect(await onBoth('live_resyncs_total{reason="SLOW_SUBSCRIBER"}')).toBeGreaterThan(0);
  } finally {
    log.disconnect();
  }
}, 180_000);

it('announces every reply after the poller is killed, from the replica that takes over within 10 s', async () => {
  const target = (await graphql(a.url, '{ cases(first: 1, after: "b2Zmc2V0OjI", filter: {status: ACTIVE, channel: CHAT}) { nodes { id contactId } } }', undefined, { authorization: `Bearer ${DEMO_API_KEY}` })).data.cases
    .nodes[0] as { id: string; contactId: string };
  const onA = live(a).subscribe(MESSAGE_EVENTS, { caseId: target.id });
  const onB = live(b).subscribe(MESSAGE_EVENTS, { caseId: target.id });
  await eventually('one replica polls the case', async () => (await onBoth('live_subscriptions{field="messageEvents"}')) === 2 && (await onBoth('live_polled_cases')) === 1);
  const [holder, survivor, survivorSubscription] = sample(await a.metrics(), 'live_polled_cases') === 1 ? [a, b, onB] : [b, a, onA];
  const reply = async (text: string): Promise<void> => {
    const response = await fetch(`${emulator!.url}/crm/messenger/chat/add-message?x-user-type=contact&contactId=${target.contactId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: Number(target.id), message: { type: 'message', message: text } }),
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  };

  await reply('Just before the crash');
  process.kill(holder.pid, 'SIGKILL');
  const killedAt = Date.now();
  await reply('Right after the crash');
  await eventually('the holder is gone', () => holder.exited() !== null);

  const texts = async (count: number): Promise<string[]> => {
    const results = [];
    for (let i = 0; i < count; i += 1) results.push((await survivorSubscription.next(30_000)).data.messageEvents.message.text as string);
    return results;
  };
  const announced = await texts(2);
  // The dying poller may have announced the first already; the survivor announces what it did not.
  expect(survivorSubscription.received.map((result) => result.data.messageEvents.message.text)).toEqual(['Just before the crash', 'Right after the crash']);
  expect(announced).toEqual(['Just before the crash', 'Right after the crash']);
  const firstPollAfter = emulator!.calls.find((call) => call.startedAt > killedAt && call.requestId?.startsWith(`poll-${target.id}-`));
  expect(firstPollAfter).toBeDefined();
  expect(firstPollAfter!.startedAt - killedAt).toBeLessThanOrEqual(10_000);
  expect(sample(await survivor.metrics(), 'live_polled_cases')).toBe(1);
}, 90_000);

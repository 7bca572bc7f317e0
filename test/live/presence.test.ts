/**
 * An agent's presence across replicas: a webhook posted to one gateway reaches a subscriber of
 * another through a real Redis with its presence, and an event whose presence is not one the
 * gateway could have read is refused by the receiving replica like any malformed event.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { startRedis, type RedisServer } from '../../bench/redisServer.js';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { createLogger } from '../../src/server/ops/logger.js';
import { connectLive, type LiveClient } from '../helpers/liveClient.js';
import { sample, startGateway, type RunningGateway } from '../helpers/startGateway.js';
import { postWebhook } from '../helpers/webhooks.js';

const SECRET = 'presence-replicas-secret';
const AGENTS = 'subscription { agentStatusChanged { id presence { availability channels } } }';

let redis: RedisServer;
let emulator: Emulator;
let a: RunningGateway;
let b: RunningGateway;
let client: LiveClient;
const lines: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator();
  const live = { webhookSecret: SECRET, redisUrl: redis.url };
  a = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, live });
  b = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, live, logger: createLogger({ destination: { write: (line: string) => lines.push(line) } }) });
  for (const gateway of [a, b]) {
    while (sample(await gateway.metrics(), 'live_backplane_up') !== 1) await sleep(50);
  }
  client = connectLive(b.url, DEMO_API_KEY);
});
afterAll(async () => {
  await client?.dispose();
  await a?.stop();
  await b?.stop();
  await emulator?.stop();
  await redis?.stop();
});

async function subscribed(): Promise<ReturnType<LiveClient['subscribe']>> {
  const subscription = client.subscribe(AGENTS);
  while (sample(await b.metrics(), 'live_subscriptions{field="agentStatusChanged"}') < 1) await sleep(50);
  return subscription;
}

it('carries presence from the replica that took the webhook to the one that serves the subscriber', async () => {
  const subscription = await subscribed();
  const body = { event: 'Agent Status Change', data: { user: { id: 19, availability: 'available', channels: ['chat', 'email'] } } };
  expect(await postWebhook(a.url, SECRET, body)).toBe(202);
  expect((await subscription.next()).data.agentStatusChanged).toEqual({ id: '19', presence: { availability: 'AVAILABLE', channels: ['CHAT', 'EMAIL'] } });
  subscription.unsubscribe();
});

it('refuses an event from Redis whose presence is malformed, and delivers the next good one', async () => {
  const subscription = await subscribed();
  const publisher = new Redis(redis.url);
  try {
    // Written to the event log (a Redis stream) as a replica writes it.
    const event = (presence: unknown) => JSON.stringify({ occurredAt: new Date().toISOString(), source: 'webhook', kind: 'agent', userId: '19', presence });
    for (const bad of [{ availability: 'HACKED', channels: null }, { availability: null, channels: ['CHAT', 'CHAT', 'CHAT', 'CHAT'] }, { availability: null, channels: 'CHAT' }, 'x'.repeat(10_000)]) {
      await publisher.xadd('acquire-gateway:live:log', '*', 'e', event(bad));
    }
    await publisher.xadd('acquire-gateway:live:log', '*', 'e', event({ availability: 'UNAVAILABLE', channels: ['VOIP'] }));
    expect((await subscription.next()).data.agentStatusChanged).toEqual({ id: '19', presence: { availability: 'UNAVAILABLE', channels: ['VOIP'] } });
    expect(lines.filter((line) => line.includes('an unreadable live event was ignored'))).toHaveLength(4);
  } finally {
    publisher.disconnect();
    subscription.unsubscribe();
  }
});

/**
 * Presence on `agentStatusChanged`: an Agent Status Change webhook (as the emulator builds and
 * signs one, and in the docs' own words) reaches a subscriber with the agent read by its key and
 * the availability and channels the webhook carried, apart from the account's status. Runs under
 * both emulator dialects.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { webhookFor } from '../../emulator/webhooks.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { connectLive, type LiveClient, type LiveSubscription } from '../helpers/liveClient.js';
import { sample, startGateway, type RunningGateway } from '../helpers/startGateway.js';
import { postWebhook } from '../helpers/webhooks.js';

const SECRET = 'presence-test-secret';
const AGENTS = 'subscription { agentStatusChanged { id name status presence { availability channels changedAt } } }';

let emulator: Emulator;
let gateway: RunningGateway;
let client: LiveClient;
let subscription: LiveSubscription;

const post = (body: unknown): Promise<number> => postWebhook(gateway.url, SECRET, body);

beforeAll(async () => {
  emulator = await startDialectEmulator();
  gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, live: { webhookSecret: SECRET } });
  client = connectLive(gateway.url, DEMO_API_KEY);
  subscription = client.subscribe(AGENTS);
  const deadline = Date.now() + 10_000;
  while (sample(await gateway.metrics(), 'live_subscriptions{field="agentStatusChanged"}') < 1) {
    if (Date.now() > deadline) throw new Error('the subscription did not start');
    await sleep(50);
  }
});
afterAll(async () => {
  await client.dispose();
  await gateway.stop();
  await emulator.stop();
});

describe('agentStatusChanged', () => {
  it('carries the presence of the emulator’s webhook, apart from the account status', async () => {
    const agent = { id: 12, name: 'Chloe Müller', email: 'chloe@x.example', status: 'active' as const, online: false, channels: { chat: true, email: false, voip: true } };
    const body = webhookFor({ type: 'agent-status', agent: { ...agent, firstName: 'Chloe', lastName: 'Müller', phone: null, photo: '', language: null, dateCreated: '2024-01-01T00:00:00.000Z' } }, new Date().toISOString());
    expect(await post(body)).toBe(202);
    const { data, errors } = await subscription.next();
    expect(errors).toBeUndefined();
    expect(data.agentStatusChanged).toMatchObject({ id: '12', status: 'ACTIVE', presence: { availability: 'UNAVAILABLE', channels: ['CHAT', 'VOIP'], changedAt: expect.any(String) } });
  });

  it('reads the docs’ words, and a webhook that says nothing of presence leaves it null', async () => {
    expect(await post({ event: 'Agent Status Change', data: { user: { id: 12, status: 'Email-email channel is turned on' } } })).toBe(202);
    expect((await subscription.next()).data.agentStatusChanged.presence).toMatchObject({ availability: null, channels: ['EMAIL'] });
    expect(await post({ event: 'Agent Status Change', agentId: 12, at: 1 })).toBe(202);
    expect((await subscription.next()).data.agentStatusChanged.presence).toBeNull();
  });

  it('reads a hostile presence as UNKNOWN, and a query’s user has no presence', async () => {
    expect(await post({ event: 'Agent Status Change', data: { user: { id: 12, availability: 'x'.repeat(50_000), channels: [{}, 7, 'telepathy'] } } })).toBe(202);
    expect((await subscription.next()).data.agentStatusChanged.presence).toMatchObject({ availability: 'UNKNOWN', channels: [] });
    const query = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ user(id: "12") { status presence { availability } } }' }) });
    expect(((await query.json()) as { data: unknown }).data).toEqual({ user: { status: 'ACTIVE', presence: null } });
  });
});

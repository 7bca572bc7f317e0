/**
 * The record cache across replicas: two gateway processes (configured by environment, as in
 * production) share one real Redis, and what one of them changes, or hears, is dropped from the
 * other's cache before a client can read it there.
 */
import { Redis } from 'ioredis';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { startRedis, type RedisServer } from '../../bench/redisServer.js';
import { eventually } from '../helpers/eventually.js';
import { startReplicas, stopReplicas, type GatewayProcess } from '../helpers/gatewayProcess.js';
import { graphql } from '../helpers/graphql.js';
import { sample } from '../helpers/startGateway.js';
import { postWebhook } from '../helpers/webhooks.js';

const SECRET = 'cache-replicas-secret';
const auth = { authorization: `Bearer ${DEMO_API_KEY}` };
const CONTACT = 'query ($id: ID!) { contact(id: $id) { id name } }';

let redis: RedisServer | undefined;
let emulator: Emulator | undefined;
let a: GatewayProcess;
let b: GatewayProcess;

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator();
  const env = { ACQUIRE_BASE_URL: emulator.url, HOST: '127.0.0.1', REDIS_URL: redis.url, ACQUIRE_WEBHOOK_SECRET: SECRET };
  [a, b] = (await startReplicas(env, env)) as [GatewayProcess, GatewayProcess];
  await eventually('both replicas on the Redis backplane', async () => {
    const [onA, onB] = await Promise.all([a.metrics(), b.metrics()]);
    return sample(onA, 'live_backplane_up') + sample(onB, 'live_backplane_up') === 2;
  });
}, 90_000);

afterAll(async () => {
  // Everything is stopped, whatever fails; then a replica that did not shut down cleanly fails the file.
  for (const exit of await stopReplicas([a, b], emulator, redis)) expect(exit).toEqual({ status: 'fulfilled', value: 0 });
}, 60_000);

/** The contact as replica `on` reads it, and whether that read went upstream. */
async function readOn(on: GatewayProcess, id: string, requestId: string): Promise<{ name: string; upstream: boolean }> {
  const result = await graphql(on.url, CONTACT, { id }, { ...auth, 'x-request-id': requestId });
  expect(result.errors).toBeUndefined();
  return { name: result.data.contact.name as string, upstream: emulator!.calls.some((call) => call.requestId === requestId) };
}

it("shows an update made through replica A on replica B's next read, though B had the contact kept", async () => {
  const page = await graphql(a.url, '{ cases(first: 1) { nodes { contactId } } }', undefined, auth);
  const id = page.data.cases.nodes[0].contactId as string;
  const before = await readOn(b, id, 'b-first');
  expect(before.upstream).toBe(true);
  // B keeps it: the same read again does not go upstream.
  expect(await readOn(b, id, 'b-kept')).toEqual({ name: before.name, upstream: false });

  const updated = await graphql(a.url, 'mutation ($id: ID!) { updateContact(input: { id: $id, name: "Renamed On A" }) { contact { name } } }', { id }, auth);
  expect(updated.errors).toBeUndefined();
  expect(await readOn(b, id, 'b-after-update')).toEqual({ name: 'Renamed On A', upstream: true });
  expect(sample(await b.metrics(), 'record_cache_invalidations_total{cause="write"}')).toBeGreaterThanOrEqual(1);
}, 60_000);

it('drops what a webhook posted to replica A names from both replicas', async () => {
  const USERS = '{ users { id name } }';
  for (const replica of [a, b]) expect((await graphql(replica.url, USERS, undefined, auth)).errors).toBeUndefined();
  emulator!.resetCalls();
  for (const replica of [a, b]) await graphql(replica.url, USERS, undefined, auth);
  expect(emulator!.calls).toEqual([]);
  expect(await postWebhook(a.url, SECRET, { event: 'Agent Status Change', data: { user: { id: 12, availability: 'available' } } })).toBe(202);
  await eventually('both replicas dropped the directory', async () => {
    const [onA, onB] = await Promise.all([a.metrics(), b.metrics()]);
    return sample(onA, 'record_cache_invalidations_total{cause="webhook"}') >= 1 && sample(onB, 'record_cache_invalidations_total{cause="webhook"}') >= 1;
  }, 20_000);
  emulator!.resetCalls();
  await graphql(b.url, USERS, undefined, { ...auth, 'x-request-id': 'b-users' });
  expect(emulator!.calls.filter((call) => call.requestId === 'b-users').map((call) => call.path)).toEqual(['/account/user']);
}, 60_000);

it('ignores an invalidation in the log that no replica could have written, and obeys the next good one', async () => {
  const page = await graphql(a.url, '{ cases(first: 2) { nodes { contactId } } }', undefined, auth);
  const id = page.data.cases.nodes[1].contactId as string;
  await readOn(b, id, 'b-warm');
  const publisher = new Redis(redis!.url);
  try {
    const event = (fields: Record<string, unknown>) => JSON.stringify({ occurredAt: new Date().toISOString(), kind: 'invalidation', cause: 'write', replica: 'elsewhere', ...fields });
    const bad = [
      { touched: [{ kind: 'contact', id: `${id}; DROP` }] },
      { touched: [{ kind: 'everything', id }] },
      { touched: [{ kind: 'contact', id, extra: 'x'.repeat(1_000) }] },
      { touched: Array.from({ length: 101 }, () => ({ kind: 'contact', id })) },
      { touched: 'contact' },
      { touched: [{ kind: 'contact', id }], cause: 'rumour' },
      { touched: [{ kind: 'contact', id }], replica: 'x'.repeat(65) },
    ];
    for (const fields of bad) await publisher.xadd('acquire-gateway:live:log', '*', 'e', event(fields));
    await eventually('every bad one refused', () => b.lines.filter((line) => line.msg === 'Redis: an unreadable live event was ignored').length >= bad.length, 20_000);
    expect(await readOn(b, id, 'b-still-kept')).toMatchObject({ upstream: false });
    await publisher.xadd('acquire-gateway:live:log', '*', 'e', event({ touched: [{ kind: 'contact', id }] }));
    await eventually('the good one obeyed', async () => (await readOn(b, id, `b-${Date.now()}`)).upstream, 20_000);
  } finally {
    publisher.disconnect();
  }
}, 60_000);

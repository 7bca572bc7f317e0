/**
 * Automatic persisted queries across replicas: two gateway processes (`node dist/src/index.js`,
 * configured as in production) share one real Redis, so a hash a client registered on replica A
 * is found on replica B; the store holds at most GRAPHQL_APQ_MAX_BYTES, the oldest going first;
 * and a replica whose Redis goes away answers with the protocol's miss instead of hanging.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { startRedis, type RedisServer } from '../../bench/redisServer.js';
import { startReplicas, stopReplicas, type GatewayProcess } from '../helpers/gatewayProcess.js';
import { codes, type GraphQLResult } from '../helpers/graphql.js';

const ENTRY = fileURLToPath(new URL('../../dist/src/index.js', import.meta.url));
const MAX_BYTES = 4_096;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let redis: RedisServer | undefined;
let emulator: Emulator | undefined;
let a: GatewayProcess | undefined;
let b: GatewayProcess | undefined;

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator();
  const env = { ACQUIRE_BASE_URL: emulator.url, ACQUIRE_API_KEY: DEMO_API_KEY, NODE_ENV: 'production', HOST: '127.0.0.1', REDIS_URL: redis.url, GRAPHQL_APQ_MAX_BYTES: String(MAX_BYTES) };
  [a, b] = await startReplicas(env, env);
}, 90_000);

afterAll(async () => {
  // Everything is stopped, whatever fails; then a replica that did not shut down cleanly fails the file.
  for (const exit of await stopReplicas([a, b], emulator, redis)) expect(exit).toEqual({ status: 'fulfilled', value: 0 });
}, 60_000);

async function post(gateway: GatewayProcess, body: unknown): Promise<GraphQLResult<any>> {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

const hashOf = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
/** A distinct document of about `bytes` bytes (a comment pads it: comments are no tokens). */
const documentOf = (n: number, bytes = 1_000) => `# ${String(n).padEnd(bytes, '.')}\nquery Agents${n} { users { id name } }`;

it('finds on replica B a hash registered on replica A, and answers alike', async () => {
  const query = documentOf(0, 10);
  expect(codes(await post(b!, hashOf(query)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  const registered = await post(a!, { query, ...hashOf(query) });
  expect(registered.errors).toBeUndefined();
  // Apollo stores a registration after answering it: the write reaches Redis a moment later.
  let found: GraphQLResult<any> | undefined;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    found = await post(b!, hashOf(query));
    if (!found.errors) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(found!.errors).toBeUndefined();
  expect(found!.data).toEqual(registered.data);
});

it('holds at most GRAPHQL_APQ_MAX_BYTES of documents across replicas: the oldest go first', async () => {
  const documents = Array.from({ length: 8 }, (_, n) => documentOf(n + 1));
  for (const [n, query] of documents.entries()) {
    // Registered on both replicas in turn, as a load balancer spreads a client's requests.
    expect((await post(n % 2 === 0 ? a! : b!, { query, ...hashOf(query) })).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const found = [];
  for (const query of documents) found.push((await post(b!, hashOf(query))).errors === undefined);
  // About 1 kB each in a store of 4 kB: the newest three fit, the first ones were removed.
  expect(found.slice(0, 4)).toEqual([false, false, false, false]);
  expect(found.slice(-3)).toEqual([true, true, true]);
});

it('misses at once, and keeps serving full documents, while Redis is away', async () => {
  const query = documentOf(100, 10);
  await redis!.stop();
  const started = Date.now();
  const miss = await post(a!, hashOf(query));
  expect(codes(miss)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  expect(Date.now() - started).toBeLessThan(5_000);
  const full = await post(a!, { query });
  expect(full.errors).toBeUndefined();
  expect(a!.exited()).toBeNull();
  await a!.waitForLine((line) => /APQ cache: Redis failed/.test(line.msg));
});

it('a production start without REDIS_URL loads neither ioredis nor Keyv', async () => {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_FORMAT: 'json', NODE_ENV: 'production', ACQUIRE_BASE_URL: emulator!.url, NODE_DEBUG: 'module' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    const deadline = Date.now() + 30_000;
    while (!stdout.includes('GraphQL gateway ready') && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stdout).toContain('GraphQL gateway ready');
    // Node's module debug log names every CommonJS module it loads (prom-client is one; with
    // REDIS_URL, ioredis and Keyv are).
    expect(stderr).toMatch(/node_modules\/prom-client\//);
    expect(stderr).not.toMatch(/node_modules\/(ioredis|keyv|@apollo\/utils\.keyvadapter)\//);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}, 40_000);

/**
 * One caller, one way in: however a client spells its key (`bearer`, extra spaces), it is the same
 * caller everywhere, resolved once at the edge; a malformed key is refused there, before anything
 * runs; a subscription's key is checked when its connection opens.
 */
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { graphql } from '../helpers/graphql.js';
import { connectLive, type LiveClient } from '../helpers/liveClient.js';
import { sample, startGateway, type RunningGateway } from '../helpers/startGateway.js';

let emulator: Emulator;
let gateway: RunningGateway;
const clients: LiveClient[] = [];

beforeAll(async () => {
  emulator = await startDialectEmulator({ latencyMs: 150 });
  gateway = await startGateway({ baseUrl: emulator.url, live: { maxConnectionsPerKey: 2 } });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway.stop();
  await emulator.stop();
});

beforeEach(() => emulator.reset());

const CASE = '{ case(id: "1001") { id title } }';
const SPELLINGS = [`Bearer ${DEMO_API_KEY}`, `bearer ${DEMO_API_KEY}`, `Bearer   ${DEMO_API_KEY}`, `BEARER ${DEMO_API_KEY}`];
const reads = () => emulator.calls.filter((call) => call.path === '/crm/objects/case/1001');

it('shares one execution between identical queries of one key however the key is spelled', async () => {
  const shared = async () => sample(await gateway.metrics(), 'graphql_operations_total{operation="(anonymous)",type="query",outcome="shared"}');
  const before = await shared();
  const answers = await Promise.all(SPELLINGS.map((authorization) => graphql(gateway.url, CASE, undefined, { authorization })));
  for (const answer of answers) expect(answer.data).toEqual({ case: { id: '1001', title: expect.any(String) } });
  // One executed, the other three answered with its answer.
  expect((await shared()) - before).toBe(SPELLINGS.length - 1);
  expect(reads()).toHaveLength(1);
  expect(reads()[0]!.account).toBe('demo');
});

it('shares one execution between the same operation however its text is spaced and its body ordered', async () => {
  const shared = async () => sample(await gateway.metrics(), 'graphql_operations_total{operation="One",type="query",outcome="shared"}');
  const before = await shared();
  const bodies = [
    JSON.stringify({ query: 'query One($id: ID!) { case(id: $id) { id title } }', variables: { id: '1001' } }),
    JSON.stringify({ variables: { id: '1001' }, query: 'query One($id: ID!) {\n  case(id: $id) {\n    id\n    title\n  }\n}', operationName: 'One' }),
    JSON.stringify({ operationName: 'One', query: '# the same\nquery One($id:ID!){case(id:$id){id title}}', variables: { id: '1001' } }),
  ];
  const answers = await Promise.all(
    bodies.map(async (body) => (await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEY}` }, body })).json()),
  );
  for (const answer of answers) expect(answer).toMatchObject({ data: { case: { id: '1001' } } });
  expect((await shared()) - before).toBe(bodies.length - 1);
  expect(reads()).toHaveLength(1);
});

it("lets no spelling of a key join a read that began before that key's write", async () => {
  const before = graphql(gateway.url, CASE, undefined, { authorization: `bearer ${DEMO_API_KEY}` });
  await new Promise((resolve) => setTimeout(resolve, 30));
  const write = graphql(gateway.url, 'mutation { closeCase(input: {caseId: "1001"}) { case { id status } } }', undefined, { authorization: `Bearer ${DEMO_API_KEY}` });
  await new Promise((resolve) => setTimeout(resolve, 30));
  const after = graphql(gateway.url, '{ case(id: "1001") { id title } }', undefined, { authorization: `BEARER  ${DEMO_API_KEY}` });
  await Promise.all([before, write, after]);
  // The read after the write is a read of its own, never the one from before it.
  expect(reads().length).toBeGreaterThanOrEqual(2);
  const writeAt = emulator.calls.find((call) => call.path === '/crm/messenger/chat/close')!.startedAt;
  expect(reads().some((call) => call.startedAt > writeAt)).toBe(true);
});

it.each([
  ['another scheme', 'Basic dXNlcjpwYXNz'],
  ['a token with a space', `Bearer ${DEMO_API_KEY} x`],
  ['no token', 'Bearer'],
  ['a token of 600 characters', `Bearer ${'x'.repeat(600)}`],
])('refuses %s at the edge: 401 UNAUTHENTICATED, nothing run, no upstream call', async (_name, authorization) => {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: CASE }) });
  const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(response.status).toBe(401);
  expect(body.errors.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  expect(body.errors[0]!.message).toContain('Bearer <key>');
  expect(emulator.calls).toHaveLength(0);
});

it('holds LIVE_MAX_CONNECTIONS_PER_KEY across spellings of one key', async () => {
  const open = [connectLive(gateway.url, DEMO_API_KEY), connectLive(gateway.url, DEMO_API_KEY)];
  clients.push(...open);
  for (const client of open) client.subscribe('subscription { caseEvents { type } }');
  const deadline = Date.now() + 10_000;
  while (sample(await gateway.metrics(), 'live_subscriptions{field="caseEvents"}') < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const spelling of [`bearer ${DEMO_API_KEY}`, `Bearer  ${DEMO_API_KEY}`]) {
    const extra = connectLive(gateway.url, null, { connectionParams: { Authorization: spelling } });
    clients.push(extra);
    expect(await extra.closed).toEqual({ code: 4429, reason: 'TOO_MANY_CONNECTIONS: at most 2 per key' });
  }
  await Promise.all(open.map((client) => client.dispose()));
});

it('checks a subscription connection’s key when it opens: a key Acquire refuses is closed with 4403 and a reason, after one call', async () => {
  emulator.resetCalls();
  const refused = connectLive(gateway.url, 'not-a-key-acquire-knows');
  clients.push(refused);
  expect(await refused.closed).toEqual({ code: 4403, reason: 'UNAUTHENTICATED: the Acquire API refused this key' });
  expect(emulator.calls).toHaveLength(1);
  const malformed = connectLive(gateway.url, null, { connectionParams: { Authorization: 'Basic dXNlcjpwYXNz' } });
  clients.push(malformed);
  expect(await malformed.closed).toEqual({ code: 4403, reason: expect.stringMatching(/^UNAUTHENTICATED: The Authorization header must be "Bearer <key>"/) });
  expect(emulator.calls).toHaveLength(1);
});

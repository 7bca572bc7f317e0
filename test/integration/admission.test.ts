/**
 * One admission for both ways in: the same abusive or broken operation gets the same code over
 * HTTP and over WebSocket, a client's bad variables are the client's error (400, or that
 * subscription's error) and never close a connection that carries other subscriptions.
 */
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { graphql } from '../helpers/graphql.js';
import { connectLive, type LiveClient } from '../helpers/liveClient.js';
import { sample, startGateway, type RunningGateway } from '../helpers/startGateway.js';

let emulator: Emulator;
let gateway: RunningGateway;
let client: LiveClient;

beforeAll(async () => {
  emulator = await startDialectEmulator();
  // As in production (no introspection), with a cost limit a few nested lists pass.
  gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, production: true, limits: { maxDepth: 7, maxCost: 60, maxAliases: 30, maxTokens: 300, maxNesting: 32 } });
  client = connectLive(gateway.url, DEMO_API_KEY);
});

afterAll(async () => {
  await client.dispose();
  await gateway.stop();
  await emulator.stop();
});

interface Refusal {
  status: number;
  codes: string[];
  messages: string[];
}

async function overHttp(query: string, variables?: Record<string, unknown>): Promise<Refusal> {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
  return { status: response.status, codes: (body.errors ?? []).map((error) => error.extensions?.code ?? ''), messages: (body.errors ?? []).map((error) => error.message) };
}

async function overWebSocket(query: string, variables?: Record<string, unknown>): Promise<Omit<Refusal, 'status'>> {
  const { error } = await client.subscribe(query, variables).ended;
  const errors = (Array.isArray(error) ? error : []) as Array<{ message: string; extensions?: { code?: string } }>;
  return { codes: errors.map((each) => each.extensions?.code ?? ''), messages: errors.map((each) => each.message) };
}

const DEEP = 'contact { cases { contact { cases { contact { cases { id } } } } } }';
const MANY = Array.from({ length: 400 }, () => 'id').join(' ');
const COSTLY = 'contact { cases { messages { id } contact { cases { id } } } }';

beforeEach(() => emulator.resetCalls());

it.each([
  ['too deep', DEEP, 'QUERY_TOO_DEEP'],
  ['too many tokens', MANY, 'GRAPHQL_PARSE_FAILED'],
  ['too costly', COSTLY, 'QUERY_TOO_COSTLY'],
])('refuses an operation %s with the same code over HTTP and WebSocket', async (_name, selection, code) => {
  const http = await overHttp(`{ case(id: "1001") { ${selection} } }`);
  const ws = await overWebSocket(`subscription { caseEvents { case { ${selection} } } }`);
  expect(http.status).toBe(400);
  expect(http.codes).toEqual([code]);
  expect(ws.codes).toEqual([code]);
  // Nothing but the connection's own key check when it opened.
  expect(emulator.calls.filter((call) => !call.requestId?.endsWith('-init'))).toHaveLength(0);
});

it('refuses introspection with a message that names GRAPHQL_INTROSPECTION, over both', async () => {
  const http = await overHttp('{ __schema { types { name } } }');
  const ws = await overWebSocket('{ __schema { types { name } } }');
  for (const refused of [http, ws]) {
    expect(refused.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.messages[0]).toContain('GRAPHQL_INTROSPECTION');
  }
  expect(http.status).toBe(400);
});

it.each([
  ['missing', {}],
  ['null', { c: null }],
  ['of the wrong type', { c: { id: 1 } }],
])('answers a required variable %s with BAD_USER_INPUT: HTTP 400, never a server error', async (_name, variables) => {
  const refused = await overHttp('query ($c: ID!) { case(id: $c) { id } }', variables);
  expect(refused.status).toBe(400);
  expect(refused.codes).toEqual(['BAD_USER_INPUT']);
  expect(refused.messages[0]).toContain('$c');
});

it('answers an explicit null for a defaulted variable in a non-null argument with BAD_USER_INPUT over both', async () => {
  const http = await overHttp('query ($id: ID = "1001") { case(id: $id) { id } }', { id: null });
  expect(http.status).toBe(400);
  expect(http.codes).toEqual(['BAD_USER_INPUT']);
  const ws = await overWebSocket('subscription ($id: ID = "1001") { messageEvents(caseId: $id) { type } }', { id: null });
  expect(ws.codes).toEqual(['BAD_USER_INPUT']);
  expect(emulator.calls.filter((call) => !call.requestId?.endsWith('-init'))).toHaveLength(0);
});

it("refuses a subscription's bad variables as that subscription's error; the connection's other subscriptions go on", async () => {
  const live = client.subscribe('subscription { caseEvents { type case { id } } }');
  const deadline = Date.now() + 10_000;
  while (sample(await gateway.metrics(), 'live_subscriptions{field="caseEvents"}') < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

  for (const variables of [{}, { c: null }, { c: ['1001'] }]) {
    const refused = await overWebSocket('subscription ($c: ID!) { messageEvents(caseId: $c) { type } }', variables);
    expect(refused.codes).toEqual(['BAD_USER_INPUT']);
  }
  const created = await graphql(gateway.url, 'mutation { createCase(input: {contactId: "750905", title: "Still live", message: "Hi"}) { case { id } } }');
  expect(created.errors).toBeUndefined();
  expect((await live.next(10_000)).data.caseEvents).toEqual({ type: 'CREATED', case: { id: created.data.createCase.case.id } });
  live.unsubscribe();
});

/**
 * Cross-request coalescing of upstream reads, and each of its safety rules. The upstream is slow
 * enough here that concurrent requests overlap.
 */
import { DEMO_API_KEY, OTHER_ACCOUNT_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { createLogger } from '../../src/server/ops/logger.js';
import { codes, graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

let emulator: Emulator;
let gateway: RunningGateway;
let origin: string;
const logLines: string[] = [];
const requestLogs = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'graphql request');

beforeAll(async () => {
  emulator = await startDialectEmulator({ latencyMs: 150 });
  gateway = await startGateway({
    baseUrl: emulator.url,
    apiKey: DEMO_API_KEY,
    logger: createLogger({ destination: { write: (line: string) => logLines.push(line) } }),
  });
  origin = new URL(gateway.url).origin;
});

afterAll(async () => {
  await gateway.stop();
  await emulator.stop();
});

beforeEach(() => {
  emulator.reset();
  logLines.length = 0;
});

const CASE = '{ case(id: "1001") { id title contactId } }';
const callsTo = (path: string) => emulator.calls.filter((call) => call.path === path);
/** The query from a client that may hang up: `quit()` aborts it; `answer` is the response or the error. */
function quittable(query: string) {
  const quitter = new AbortController();
  const answer = fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: quitter.signal,
  }).catch((error: Error) => error);
  return { answer, quit: () => quitter.abort() };
}

const as = (key: string, requestId?: string) => ({ authorization: `Bearer ${key}`, ...(requestId ? { 'x-request-id': requestId } : {}) });

it('shares one upstream call between concurrent identical reads of one key, and keeps nothing afterwards', async () => {
  const answers = await Promise.all(Array.from({ length: 5 }, () => graphql(gateway.url, CASE)));
  for (const answer of answers) expect(answer.data).toEqual(answers[0]!.data);
  expect(callsTo('/crm/objects/case/1001')).toHaveLength(1);
  await graphql(gateway.url, CASE);
  expect(callsTo('/crm/objects/case/1001')).toHaveLength(2);
});

it('never shares between two keys, even for the same URL at the same time', async () => {
  const keys = [DEMO_API_KEY, OTHER_ACCOUNT_API_KEY, DEMO_API_KEY, OTHER_ACCOUNT_API_KEY];
  const answers = await Promise.all(keys.map((key) => graphql(gateway.url, CASE, undefined, as(key))));
  expect(answers[0]!.data).toEqual(answers[2]!.data);
  expect(answers[1]!.data).toEqual(answers[3]!.data);
  expect(answers[0]!.data).not.toEqual(answers[1]!.data);
  expect(callsTo('/crm/objects/case/1001').map((call) => call.account).sort()).toEqual(['acme', 'demo']);
});

it("reads a caller's own write: a read after an update never joins a read sent before it, and one overlapped by it is made again", async () => {
  emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case-message/8002$', delayMs: 500, times: 1 }]);
  const READ = '{ message(id: "8002") { text } }';
  const before = graphql(gateway.url, READ);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const update = await graphql(gateway.url, 'mutation { updateMessage(input: {id: "8002", text: "edited while read"}) { message { text } } }');
  expect(update.data.updateMessage.message.text).toBe('edited while read');
  const after = await graphql(gateway.url, READ);
  expect(after.data.message.text).toBe('edited while read');
  expect((await before).data.message.text).toBe('edited while read');
  expect(callsTo('/crm/objects/case-message/8002').filter((call) => call.method === 'GET')).toHaveLength(3);
});

it('lets a follower leave without cancelling the shared call for the others', async () => {
  const leader = graphql(gateway.url, CASE);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const follower = quittable(CASE);
  await new Promise((resolve) => setTimeout(resolve, 40));
  follower.quit();
  expect(String(await follower.answer)).toMatch(/abort/i);
  const answer = await leader;
  expect(answer.errors).toBeUndefined();
  expect(answer.data.case.id).toBe('1001');
  expect(callsTo('/crm/objects/case/1001')).toHaveLength(1);
});

it('lets the first of identical queries leave without failing the ones that joined it', async () => {
  const first = quittable(CASE);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const joined = graphql(gateway.url, CASE);
  await new Promise((resolve) => setTimeout(resolve, 40));
  first.quit();
  expect(String(await first.answer)).toMatch(/abort/i);
  const answer = await joined;
  expect(answer.errors).toBeUndefined();
  expect(answer.data.case.id).toBe('1001');
  expect(callsTo('/crm/objects/case/1001')).toHaveLength(1);
  expect(logLines.join('\n')).not.toContain('request failed');
});

it('abandons the shared call when every caller has gone', async () => {
  const metricsBefore = await (await fetch(`${origin}/metrics`)).text();
  const clients = [quittable(CASE), quittable(CASE)];
  await new Promise((resolve) => setTimeout(resolve, 40));
  for (const client of clients) client.quit();
  await Promise.all(clients.map((client) => client.answer));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const series = 'upstream_calls_total{method="GET",endpoint="/crm/objects/case/{id}",status="cancelled"}';
  const count = (text: string) => Number(text.split('\n').find((line) => line.startsWith(series))?.split(' ')[1] ?? 0);
  expect(count(await (await fetch(`${origin}/metrics`)).text()) - count(metricsBefore)).toBe(1);
});

it('gives every follower the upstream error as its own, at its own path, with its own request id', async () => {
  emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', status: 400, body: '{"error":{"type":"ERROR_INVALID_INPUT","message":"nope"}}' }]);
  const [a, b] = await Promise.all([
    graphql(gateway.url, '{ first: case(id: "1001") { id } }', undefined, as(DEMO_API_KEY, 'req-a')),
    graphql(gateway.url, '{ other: case(id: "1001") { id } users { id } }', undefined, as(DEMO_API_KEY, 'req-b')),
  ]);
  expect(callsTo('/crm/objects/case/1001')).toHaveLength(1);
  expect(a.errors).toEqual([expect.objectContaining({ path: ['first'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', requestId: 'req-a' }) })]);
  expect(b.errors).toEqual([expect.objectContaining({ path: ['other'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', requestId: 'req-b' }) })]);
  expect(b.data.users).toHaveLength(8);
});

it('applies retries to the shared call as to a single one', async () => {
  emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', status: 503, times: 1 }]);
  const answers = await Promise.all([graphql(gateway.url, CASE), graphql(gateway.url, CASE), graphql(gateway.url, CASE)]);
  for (const answer of answers) expect(answer.data.case.id).toBe('1001');
  expect(callsTo('/crm/objects/case/1001').map((call) => call.status)).toEqual([503, 200]);
});

it('applies the time-out to the shared call as to a single one', async () => {
  const quick = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, timeoutMs: 400 });
  try {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', delayMs: 2_000 }]);
    const started = Date.now();
    const answers = await Promise.all([graphql(quick.url, CASE), graphql(quick.url, CASE)]);
    for (const answer of answers) expect(codes(answer)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(Date.now() - started).toBeLessThan(1_400);
    expect(callsTo('/crm/objects/case/1001')).toHaveLength(1);
  } finally {
    await quick.stop();
  }
});

it('never shares writes', async () => {
  const EDIT = 'mutation { updateMessage(input: {id: "8003", text: "same"}) { message { id } } }';
  await Promise.all([graphql(gateway.url, EDIT), graphql(gateway.url, EDIT)]);
  expect(emulator.calls.filter((call) => call.method === 'POST')).toHaveLength(2);
});

it('can be turned off', async () => {
  const separate = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, coalesceReads: false });
  try {
    await Promise.all(Array.from({ length: 3 }, () => graphql(separate.url, CASE)));
    expect(callsTo('/crm/objects/case/1001')).toHaveLength(3);
  } finally {
    await separate.stop();
  }
});

describe('identical queries in flight', () => {
  it('share one execution: followers get the first request\'s answer', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => graphql(gateway.url, CASE, undefined, as(DEMO_API_KEY, `same-${i}`))));
    for (const answer of answers) expect(answer.data).toEqual(answers[0]!.data);
    const logs = requestLogs();
    expect(logs).toHaveLength(4);
    expect(logs.filter((entry) => entry.sharedAnswer === true)).toHaveLength(3);
    expect(logs.reduce((sum, entry) => sum + (entry.upstreamCalls as number), 0)).toBe(1);
  });

  it('share an answer with errors, each error naming its own request', async () => {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', status: 400, body: '{"error":{"type":"ERROR_INVALID_INPUT","message":"nope"}}' }]);
    const [a, b] = await Promise.all([graphql(gateway.url, CASE, undefined, as(DEMO_API_KEY, 'err-a')), graphql(gateway.url, CASE, undefined, as(DEMO_API_KEY, 'err-b'))]);
    expect(callsTo('/crm/objects/case/1001')).toHaveLength(1);
    expect(a.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'err-a' });
    expect(b.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'err-b' });
    expect(a.errors?.[0]?.path).toEqual(b.errors?.[0]?.path);
  });

  it('never share a mutation: each identical one executes', async () => {
    const EDIT = 'mutation { updateMessage(input: {id: "8004", text: "twice"}) { message { id text } } }';
    const answers = await Promise.all([graphql(gateway.url, EDIT), graphql(gateway.url, EDIT)]);
    for (const answer of answers) expect(answer.data.updateMessage.message.text).toBe('twice');
    expect(requestLogs().filter((entry) => entry.sharedAnswer === true)).toHaveLength(0);
    expect(emulator.calls.filter((call) => call.method === 'POST')).toHaveLength(2);
  });

  it('can be turned off on their own', async () => {
    const separate = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, shareOperations: false, logger: createLogger({ destination: { write: (line: string) => logLines.push(line) } }) });
    try {
      await Promise.all(Array.from({ length: 3 }, () => graphql(separate.url, CASE)));
      expect(requestLogs().filter((entry) => entry.sharedAnswer === true)).toHaveLength(0);
      expect(callsTo('/crm/objects/case/1001')).toHaveLength(1);
    } finally {
      await separate.stop();
    }
  });
});

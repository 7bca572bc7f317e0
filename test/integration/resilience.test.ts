/**
 * Faults from the upstream (injected by the emulator): retries of reads only, time-outs that
 * include retries, the circuit breaker, partial results, and a gateway that stays up.
 */
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { codes, graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

const TIMEOUT_MS = 1_000;
let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  emulator = await startDialectEmulator();
  gateway = await startGateway({
    baseUrl: emulator.url,
    apiKey: DEMO_API_KEY,
    timeoutMs: TIMEOUT_MS,
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
    breaker: { failureThreshold: 1_000, cooldownMs: 1_000 },
  });
});

afterAll(async () => {
  await gateway.stop();
  await emulator.stop();
});

beforeEach(() => emulator.reset());

const CASE = '{ case(id: "1001") { id title } }';
const casePath = (calls: Emulator['calls']) => calls.filter((call) => call.path === '/crm/objects/case/1001');

describe('retries', () => {
  it.each([502, 503, 504, 429])('repeats a read answered %i, and succeeds when the upstream recovers', async (status) => {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', status, times: 2 }]);
    const result = await graphql(gateway.url, CASE);
    expect(result.errors).toBeUndefined();
    expect(result.data.case.id).toBe('1001');
    expect(casePath(emulator.calls).map((call) => call.status)).toEqual([status, status, 200]);
  });

  it('repeats a read whose connection was reset', async () => {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', reset: true, times: 1 }]);
    const result = await graphql(gateway.url, CASE);
    expect(result.data.case.id).toBe('1001');
    expect(casePath(emulator.calls)).toHaveLength(2);
  });

  it('gives up after three attempts with the upstream error', async () => {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', status: 503 }]);
    const result = await graphql(gateway.url, CASE);
    expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
    expect(casePath(emulator.calls)).toHaveLength(3);
  });

  it('repeats a contact search, a read the upstream takes as a POST', async () => {
    emulator.setFaults([{ method: 'POST', path: '^/crm/contact/list$', status: 503, times: 1 }]);
    const result = await graphql(gateway.url, '{ contacts(search: "a", first: 1) { nodes { id } } }');
    expect(result.errors).toBeUndefined();
    expect(emulator.calls.filter((call) => call.path === '/crm/contact/list').map((call) => call.status)).toEqual([503, 200]);
  });

  it('does not repeat a read refused for its input (4xx)', async () => {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', status: 400 }]);
    expect(codes(await graphql(gateway.url, CASE))).toEqual(['BAD_USER_INPUT']);
    expect(casePath(emulator.calls)).toHaveLength(1);
  });

  it('waits as long as Retry-After says', async () => {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', status: 429, headers: { 'retry-after': '0.3' }, times: 1 }]);
    const result = await graphql(gateway.url, CASE);
    expect(result.data.case.id).toBe('1001');
    const [first, second] = casePath(emulator.calls);
    expect(second!.startedAt - first!.finishedAt).toBeGreaterThanOrEqual(290);
  });

  it('never repeats a send: one POST answered 503 gives one POST and a clear error', async () => {
    const target = (await graphql(gateway.url, '{ cases(first: 1, filter: {status: ACTIVE, channel: CHAT}) { nodes { id } } }')).data.cases.nodes[0].id;
    emulator.resetCalls();
    emulator.setFaults([{ method: 'POST', path: '^/crm/messenger/chat/add-message$', status: 503 }]);
    const result = await graphql(gateway.url, 'mutation ($id: ID!) { sendMessage(input: {caseId: $id, text: "once"}) { message { id } } }', { id: target });
    expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
    expect(result.errors?.[0]?.message).toContain('HTTP 503');
    expect(emulator.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it.each([
    ['updateMessage', 'POST', '^/crm/messenger/chat/message/', 'mutation { updateMessage(input: {id: "8001", text: "x"}) { message { id } } }'],
    ['deleteMessage', 'DELETE', '^/crm/objects/case-message/', 'mutation { deleteMessage(input: {id: "8001"}) { deletedMessageId } }'],
    ['closeCase', 'POST', '^/crm/messenger/chat/close$', 'mutation { closeCase(input: {caseId: "1001"}) { case { id } } }'],
  ])('never repeats %s after a reset connection', async (_name, method, path, mutation) => {
    emulator.setFaults([{ method, path, reset: true }]);
    const result = await graphql(gateway.url, mutation);
    expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
    expect(emulator.calls.filter((call) => call.method === method)).toHaveLength(1);
  });
});

describe('time-outs', () => {
  it('answers within ACQUIRE_TIMEOUT_MS + 1 s when a route hangs, retries included', async () => {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', delayMs: 5_000 }]);
    const started = Date.now();
    const result = await graphql(gateway.url, CASE);
    const elapsed = Date.now() - started;
    expect(codes(result)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_000);
  });

  it('keeps the other fields of the answer when one read times out', async () => {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1002$', delayMs: 5_000 }]);
    const result = await graphql(gateway.url, '{ a: case(id: "1001") { id } b: case(id: "1002") { id } users { id } }');
    expect(result.data.a).toEqual({ id: '1001' });
    expect(result.data.b).toBeNull();
    expect(result.data.users).toHaveLength(8);
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['b'], 'UPSTREAM_TIMEOUT']]);
  });
});

describe('partial results', () => {
  it('nulls only the contact whose read failed, with the error at its path', async () => {
    const query = '{ cases(first: 20) { nodes { id contactId contact { id name } } } }';
    const page = await graphql(gateway.url, query);
    const victim = page.data.cases.nodes[3].contactId;
    // The page kept its contacts: the next one must read them again to meet the fault.
    gateway.forgetRecords();
    emulator.setFaults([{ method: 'GET', path: `^/crm/objects/contact/${victim}$`, status: 500 }]);
    const result = await graphql(gateway.url, query);
    const nodes = result.data.cases.nodes;
    expect(nodes).toHaveLength(20);
    for (const [index, node] of nodes.entries()) {
      const healthy = page.data.cases.nodes[index];
      expect(node.contact.name).toBe(healthy.contactId === victim ? null : healthy.contact.name);
    }
    const failed = page.data.cases.nodes.filter((node: { contactId: string }) => node.contactId === victim).length;
    expect(result.errors).toHaveLength(failed);
    expect(result.errors?.[0]).toMatchObject({ path: ['cases', 'nodes', 3, 'contact', 'name'], extensions: { code: 'UPSTREAM_ERROR' } });
  });
});

describe('garbage from the upstream', () => {
  it.each<[string, { raw: string; contentType: string; status?: number }, string]>([
    ['truncated JSON', { raw: '{"data": {"id": 1001, "title": "cut', contentType: 'application/json' }, 'not JSON'],
    ['an HTML error page', { raw: '<html><h1>502 Bad Gateway</h1></html>', contentType: 'text/html', status: 502 }, 'HTTP 502'],
    ['an empty body', { raw: '', contentType: 'application/json' }, 'empty body'],
    ['the wrong envelope', { raw: '{"result": {"id": 1001}}', contentType: 'application/json' }, 'envelope'],
    ['a record without an id', { raw: '{"data": {"title": "no id"}}', contentType: 'application/json' }, 'without an id'],
  ])('%s is a clear UPSTREAM_ERROR, and the gateway stays up', async (_name, reply, says) => {
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case/1001$', status: reply.status ?? 200, body: reply.raw, contentType: reply.contentType }]);
    const result = await graphql(gateway.url, CASE);
    expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
    expect(result.errors?.[0]?.message).toContain(says);
    emulator.setFaults([]);
    expect((await graphql(gateway.url, CASE)).data.case.id).toBe('1001');
  });

  it('reads wrong types and unknown values leniently', async () => {
    emulator.setFaults([
      {
        method: 'GET',
        path: '^/crm/objects/case/1001$',
        status: 200,
        body: JSON.stringify({
          data: { id: '1001', status: 'snoozed', channel: 42, waitTime: 7, dateClosed: 'yesterday', threadId: { x: 1 }, messages: 'none', users: [null, 5] },
        }),
      },
    ]);
    const result = await graphql(gateway.url, '{ case(id: "1001") { id status channel waitTime dateClosed threadId messages { id } users { id } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.case).toEqual({ id: '1001', status: 'UNKNOWN', channel: null, waitTime: '7', dateClosed: null, threadId: null, messages: [], users: [] });
  });
});

describe('the circuit breaker', () => {
  it('recovers after a trial call that timed out', async () => {
    const fragile = await startGateway({
      baseUrl: emulator.url,
      apiKey: DEMO_API_KEY,
      timeoutMs: 200,
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      breaker: { failureThreshold: 1, cooldownMs: 250 },
    });
    try {
      emulator.setFaults([{ path: '.', status: 503, times: 1 }]);
      expect(codes(await graphql(fragile.url, CASE))).toEqual(['UPSTREAM_ERROR']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      emulator.setFaults([{ path: '.', delayMs: 1_000, times: 1 }]);
      expect(codes(await graphql(fragile.url, CASE))).toEqual(['UPSTREAM_TIMEOUT']);
      expect(codes(await graphql(fragile.url, CASE))).toEqual(['UPSTREAM_UNAVAILABLE']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await graphql(fragile.url, CASE)).data.case.id).toBe('1001');
    } finally {
      await fragile.stop();
    }
  });

  it('fails fast with UPSTREAM_UNAVAILABLE once the upstream keeps failing, and closes when it recovers', async () => {
    const fragile = await startGateway({
      baseUrl: emulator.url,
      apiKey: DEMO_API_KEY,
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      breaker: { failureThreshold: 3, cooldownMs: 400 },
    });
    try {
      emulator.setFaults([{ path: '.', status: 503 }]);
      for (let i = 0; i < 3; i += 1) expect(codes(await graphql(fragile.url, CASE))).toEqual(['UPSTREAM_ERROR']);
      emulator.resetCalls();
      const held = await graphql(fragile.url, CASE);
      expect(codes(held)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(emulator.calls).toHaveLength(0);

      emulator.setFaults([]);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect((await graphql(fragile.url, CASE)).data.case.id).toBe('1001');
      expect((await graphql(fragile.url, '{ users { id } }')).data.users).toHaveLength(8);
      expect(emulator.calls).toHaveLength(2);
    } finally {
      await fragile.stop();
    }
  });
});

import { NO_CASE_ACCESS_API_KEY, startEmulator } from '../../emulator/server.js';
import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});
beforeEach(() => {
  server.emulator.reset();
  server.emulator.setLatencyMs(0);
});
afterAll(() => server.emulator.stop());

async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await action();
  return { ms: performance.now() - started, result };
}

const admin = (path: string, init?: RequestInit): Promise<Response> => fetch(`${server.origin}/__emulator${path}`, init);
const JSON_REQUEST = { 'content-type': 'application/json' };

describe('the call log', () => {
  it('records every API request in arrival order, with path, raw query, account and status', async () => {
    await server.api('/crm/objects/case?limit=2&relations=contact&relations=users');
    await server.api('/crm/objects/case/1003');
    await server.api('/account/user', { key: null });
    await server.api('/crm/objects/case/1003', { key: NO_CASE_ACCESS_API_KEY });
    await server.api('/crm/messenger/chat/close', { json: { caseId: 999999 } });
    await server.api('/nowhere');
    const timing = { startedAt: expect.any(Number), finishedAt: expect.any(Number), bytes: expect.any(Number), requestId: null };
    expect(server.emulator.calls).toEqual([
      { method: 'GET', path: '/crm/objects/case', query: 'limit=2&relations=contact&relations=users', account: 'demo', status: 200, ...timing },
      { method: 'GET', path: '/crm/objects/case/1003', query: '', account: 'demo', status: 200, ...timing },
      { method: 'GET', path: '/account/user', query: '', account: null, status: 401, ...timing },
      { method: 'GET', path: '/crm/objects/case/1003', query: '', account: 'demo', status: 403, ...timing },
      { method: 'POST', path: '/crm/messenger/chat/close', query: '', account: 'demo', status: 400, ...timing },
      { method: 'GET', path: '/nowhere', query: '', account: 'demo', status: 404, ...timing },
    ]);
  });

  it('records when each call was in flight and the request id it carried', async () => {
    server.emulator.setLatencyMs(30);
    await server.api('/crm/objects/case/1001', { headers: { 'x-request-id': 'req-42' } });
    const [call] = server.emulator.calls;
    expect(call?.requestId).toBe('req-42');
    // Timers may fire a little early against performance.now(); the point is that latency shows.
    expect(call!.finishedAt - call!.startedAt).toBeGreaterThanOrEqual(25);
    server.emulator.setLatencyMs(0);
  });

  it('records the account of the key', async () => {
    await server.api('/account/user', { key: 'acme-full-access' });
    expect(server.emulator.calls.map((call) => call.account)).toEqual(['acme']);
  });

  it('records a call on arrival and fills its status when answered', async () => {
    server.emulator.setLatencyMs(300);
    const pending = server.api('/crm/objects/case/1001');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.emulator.calls).toEqual([expect.objectContaining({ path: '/crm/objects/case/1001', status: 0 })]);
    await pending;
    expect(server.emulator.calls[0]?.status).toBe(200);
  });

  it('does not record admin routes or paths outside the API', async () => {
    await admin('/calls');
    await fetch(`${server.origin}/favicon.ico`);
    expect(server.emulator.calls).toEqual([]);
  });

  it('is cleared by resetCalls, keeping the same array', async () => {
    const { calls } = server.emulator;
    await server.api('/account/user');
    server.emulator.resetCalls();
    expect(calls).toHaveLength(0);
    await server.api('/account/user');
    expect(server.emulator.calls).toBe(calls);
    expect(calls).toHaveLength(1);
  });
});

describe('reset', () => {
  it('restores the seeded state of every account and clears the calls', async () => {
    const before = await server.data('/crm/objects/case/1001?relations=messages');
    await server.data(`/crm/objects/case-message/${before.messages[0].id}`, { method: 'DELETE' });
    await server.data('/crm/messenger/chat/create?contactId=750901', { method: 'POST' });
    await server.data('/crm/messenger/chat/create?contactId=750901', { method: 'POST', key: 'acme-full-access' });
    server.emulator.reset();
    expect(server.emulator.calls).toEqual([]);
    expect(await server.data('/crm/objects/case/1001?relations=messages')).toEqual(before);
    const counts = await Promise.all(['demo-full-access', 'acme-full-access'].map((key) => server.data('/crm/objects/case?limit=0', { key })));
    expect(counts.map((page: Json) => page.count)).toEqual([250, 250]);
    const created = await server.data('/crm/messenger/chat/create?contactId=750901', { method: 'POST' });
    expect(created.id).toBe(1251);
  });
});

describe('latency', () => {
  it('delays every API request, errors included, but not the admin routes', async () => {
    server.emulator.setLatencyMs(150);
    expect((await timed(() => server.api('/crm/objects/case/1001'))).ms).toBeGreaterThanOrEqual(140);
    expect((await timed(() => server.api('/crm/objects/case/1001', { key: null }))).ms).toBeGreaterThanOrEqual(140);
    expect((await timed(() => admin('/calls'))).ms).toBeLessThan(140);
    server.emulator.setLatencyMs(0);
    expect((await timed(() => server.api('/crm/objects/case/1001'))).ms).toBeLessThan(140);
  });

  it('is taken from the start options', async () => {
    const slow = await startEmulator({ latencyMs: 120 });
    try {
      const { ms } = await timed(() => fetch(`${slow.url}/account/user`, { headers: { authorization: 'Bearer demo-full-access' } }));
      expect(ms).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.stop();
    }
  });

  it('rejects a negative latency', () => {
    expect(() => server.emulator.setLatencyMs(-1)).toThrow(RangeError);
  });
});

describe('admin routes', () => {
  it('GET /__emulator/calls lists the calls as JSON', async () => {
    await server.api('/crm/objects/case/1001');
    const response = await admin('/calls');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual([
      {
        method: 'GET',
        path: '/crm/objects/case/1001',
        query: '',
        account: 'demo',
        status: 200,
        requestId: null,
        startedAt: expect.any(Number),
        finishedAt: expect.any(Number),
        bytes: expect.any(Number),
      },
    ]);
  });

  it("records the bytes of each answer's body, for the benchmark", async () => {
    const response = await server.api('/crm/objects/case/1001');
    expect(server.emulator.calls.at(-1)?.bytes).toBe(Buffer.byteLength(JSON.stringify(response.body)));
  });

  it('DELETE /__emulator/calls clears them', async () => {
    await server.api('/crm/objects/case/1001');
    const response = await admin('/calls', { method: 'DELETE', headers: JSON_REQUEST });
    expect(response.status).toBe(200);
    expect(server.emulator.calls).toEqual([]);
  });

  it('POST /__emulator/reset re-seeds', async () => {
    await server.data('/crm/objects/case-message/8001', { method: 'DELETE' });
    expect((await admin('/reset', { method: 'POST', headers: JSON_REQUEST })).status).toBe(200);
    expect((await server.api('/crm/objects/case-message/8001')).status).toBe(200);
  });

  it('PUT /__emulator/latency sets the latency', async () => {
    const response = await admin('/latency', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms: 150 }) });
    expect(response.status).toBe(200);
    expect((await timed(() => server.api('/account/user'))).ms).toBeGreaterThanOrEqual(140);
    const bad = await admin('/latency', { method: 'PUT', headers: JSON_REQUEST, body: JSON.stringify({ ms: 'fast' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error.type).toBe('ERROR_INVALID_INPUT');
  });

  it('answers 404 for unknown admin routes, without needing a key', async () => {
    const response = await admin('/nothing');
    expect(response.status).toBe(404);
    expect(((await response.json()) as Json).error.type).toBe('ERROR_ROUTE_NOT_FOUND');
  });
});

describe('stop', () => {
  it('closes promptly with an idle keep-alive connection open, and refuses later requests', async () => {
    const emulator = await startEmulator();
    const headers = { authorization: 'Bearer demo-full-access' };
    expect((await fetch(`${emulator.url}/account/user`, { headers })).status).toBe(200);
    const { ms } = await timed(() => emulator.stop());
    expect(ms).toBeLessThan(1000);
    await expect(fetch(`${emulator.url}/account/user`, { headers })).rejects.toThrow();
    await expect(emulator.stop()).resolves.toBeUndefined();
  });

  it('listens on the requested host and port', async () => {
    const probe = await startEmulator();
    const { port } = new URL(probe.url);
    await probe.stop();
    const emulator = await startEmulator({ port: Number(port), host: '127.0.0.1' });
    try {
      expect(emulator.url).toBe(`http://127.0.0.1:${port}/api/v1`);
    } finally {
      await emulator.stop();
    }
  });
});

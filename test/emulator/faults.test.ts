import { startTestEmulator, type TestEmulator } from './helpers/api.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});
beforeEach(() => server.emulator.reset());
afterAll(() => server.emulator.stop());

const rawGet = (path: string) =>
  fetch(`${server.emulator.url}${path}`, { headers: { authorization: 'Bearer demo-full-access' } });

describe('injected faults', () => {
  it('answers a matching call with the given status, body and headers, as many times as asked', async () => {
    server.emulator.setFaults([
      { method: 'GET', path: '^/crm/objects/case/1001$', status: 503, body: 'down', contentType: 'text/plain', headers: { 'retry-after': '2' }, times: 1 },
    ]);
    const faulty = await rawGet('/crm/objects/case/1001');
    expect(faulty.status).toBe(503);
    expect(faulty.headers.get('retry-after')).toBe('2');
    expect(await faulty.text()).toBe('down');
    expect((await rawGet('/crm/objects/case/1001')).status).toBe(200);
    expect(server.emulator.calls.map((call) => call.status)).toEqual([503, 200]);
  });

  it('leaves other methods and paths alone', async () => {
    server.emulator.setFaults([{ method: 'POST', path: '^/crm/objects/case/1001$', status: 500 }]);
    expect((await rawGet('/crm/objects/case/1001')).status).toBe(200);
    expect((await rawGet('/crm/objects/case/1002')).status).toBe(200);
  });

  it('resets the connection', async () => {
    server.emulator.setFaults([{ path: '^/account/user$', reset: true }]);
    await expect(rawGet('/account/user')).rejects.toThrow();
  });

  it('delays the answer', async () => {
    server.emulator.setFaults([{ path: '^/account/user$', delayMs: 200 }]);
    const started = performance.now();
    expect((await rawGet('/account/user')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  });

  it('keeps the write of the route when told to fail after it', async () => {
    const before = await server.data('/crm/objects/case/1001?relations=messages');
    const victim = before.messages[0].id;
    server.emulator.setFaults([{ method: 'DELETE', path: '^/crm/objects/case-message/', status: 502, afterHandler: true }]);
    expect((await server.api(`/crm/objects/case-message/${victim}`, { method: 'DELETE' })).status).toBe(502);
    server.emulator.setFaults([]);
    expect((await server.api(`/crm/objects/case-message/${victim}`)).status).toBe(400);
  });

  it('applies a rule with probability 0 to nothing', async () => {
    server.emulator.setFaults([{ path: '.', status: 500, probability: 0 }]);
    expect((await rawGet('/account/user')).status).toBe(200);
  });

  it('is set and cleared through the admin routes, and cleared by reset', async () => {
    const put = await fetch(`${server.origin}/__emulator/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ path: '^/account/user$', status: 418 }]),
    });
    expect(await put.json()).toEqual({ rules: 1 });
    expect((await rawGet('/account/user')).status).toBe(418);
    await fetch(`${server.origin}/__emulator/faults`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    expect((await rawGet('/account/user')).status).toBe(200);
    server.emulator.setFaults([{ path: '.', status: 500 }]);
    server.emulator.reset();
    expect((await rawGet('/account/user')).status).toBe(200);
    const bad = await fetch(`${server.origin}/__emulator/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"path": 1}' });
    expect(bad.status).toBe(400);
  });
});

/**
 * Point 2 of the hostile-clients issue, on the production build with a server key: a page on
 * another origin cannot act as the server key. A request whose `Origin` is not listed is refused
 * before any upstream call; preflights grant only listed origins and the headers the gateway reads.
 */
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gatewayProcess.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../../helpers/scriptedUpstream.js';

const EVIL = 'https://evil.example';
const APP = 'https://app.example';
let upstream: ScriptedUpstream;
let production: GatewayProcess;
let listing: GatewayProcess;

beforeAll(async () => {
  upstream = await startScriptedUpstream(() => ({ body: { data: { id: 1, title: 'A case', fields: { name: 'Ada', email: 'ada@example.com' } } } }));
  const env = { NODE_ENV: 'production', ACQUIRE_BASE_URL: upstream.url, ACQUIRE_API_KEY: 'server-key-0123456789' };
  [production, listing] = await Promise.all([startGatewayProcess(env), startGatewayProcess({ ...env, CORS_ORIGINS: `${APP}, self` })]);
}, 30_000);

beforeEach(() => {
  upstream.calls.length = 0;
});

afterAll(async () => {
  for (const gateway of [production, listing]) {
    expect(gateway.exited()).toBeNull();
    expect(await gateway.stop()).toBe(0);
  }
  await upstream.stop();
});

const post = (url: string, origin: string | undefined, query: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ query }),
  });

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization, x-evil' },
  });

describe('production without CORS_ORIGINS: no browser origin is listed', () => {
  it.each([
    ['a read', '{ contact(id: "7") { name email } }'],
    ['a send', 'mutation { sendMessage(input: { caseId: "1", text: "hi" }) { message { id } } }'],
  ])('%s from a foreign page gets 403 ORIGIN_NOT_ALLOWED, no CORS grant, and no upstream call', async (_name, query) => {
    const response = await post(production.url, EVIL, query);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(body.data).toBeUndefined();
    expect(upstream.calls).toHaveLength(0);
  });

  it("refuses a foreign page's preflight, granting nothing", async () => {
    const response = await preflight(production.url, EVIL);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('still answers callers that are no browser (no Origin), with the server key', async () => {
    const response = await post(production.url, undefined, '{ case(id: "1") { title } }');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(upstream.calls.map((call) => call.authorization)).toEqual(['Bearer server-key-0123456789']);
  });
});

describe('CORS_ORIGINS lists the pages that may call', () => {
  it('grants a listed origin its preflight, with only the headers the gateway reads', async () => {
    const response = await preflight(listing.url, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('vary')).toMatch(/origin/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(allowed).not.toContain('x-evil');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
  });

  it('answers a listed origin, and the gateway itself (self)', async () => {
    const listed = await post(listing.url, APP, '{ case(id: "1") { title } }');
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe(APP);
    const self = new URL(listing.url).origin;
    const own = await post(listing.url, self, '{ case(id: "1") { title } }');
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(self);
  });

  it('still refuses the others', async () => {
    expect((await post(listing.url, EVIL, '{ case(id: "1") { title } }')).status).toBe(403);
    expect((await post(listing.url, 'null', '{ case(id: "1") { title } }')).status).toBe(403);
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('development', () => {
  it("lists the gateway's own origin (its embedded Sandbox) and Apollo Studio's Sandbox, nothing else", async () => {
    const dev = await startGatewayProcess({ ACQUIRE_BASE_URL: upstream.url, ACQUIRE_API_KEY: 'server-key-0123456789' });
    try {
      const port = new URL(dev.url).port;
      for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`, 'https://studio.apollographql.com']) {
        const response = await post(dev.url, origin, '{ __typename }');
        expect([origin, response.status]).toEqual([origin, 200]);
        expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      }
      expect((await post(dev.url, EVIL, '{ __typename }')).status).toBe(403);
      expect((await post(dev.url, 'http://localhost:1', '{ __typename }')).status).toBe(403);
    } finally {
      expect(await dev.stop()).toBe(0);
    }
  }, 30_000);
});

describe('a front-end dev server on another origin', () => {
  const VITE = 'http://localhost:5173';

  it('is refused once in the log, naming the origin and the CORS_ORIGINS that allows it, which then does', async () => {
    const dev = await startGatewayProcess({ ACQUIRE_BASE_URL: upstream.url, ACQUIRE_API_KEY: 'server-key-0123456789' });
    let suggested: string;
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) expect((await post(dev.url, VITE, '{ __typename }')).status).toBe(403);
      expect((await preflight(dev.url, VITE)).status).toBe(403);
      const line = await dev.waitForLine((entry) => entry.msg.startsWith(`Refused a browser request from ${VITE}`));
      expect(line.origin).toBe(VITE);
      suggested = /CORS_ORIGINS=(\S+)\)$/.exec(line.msg)![1]!;
      expect(suggested.split(',')).toEqual(['self', 'https://studio.apollographql.com', VITE]);
      // The browser's console shows its developer only "Failed to fetch"; the log says it once a minute, not once a request.
      expect(dev.lines.filter((entry) => entry.msg.includes(`from ${VITE}`))).toHaveLength(1);
      // An origin no setting can list gets no suggestion that would stop the next start.
      for (const origin of ['null', `${VITE}/app`]) {
        expect((await post(dev.url, origin, '{ __typename }')).status).toBe(403);
        const refusal = await dev.waitForLine((entry) => entry.msg.startsWith(`Refused a browser request from ${origin}:`));
        expect(refusal.msg).toContain('no CORS_ORIGINS can list it');
      }
    } finally {
      expect(await dev.stop()).toBe(0);
    }
    const allowed = await startGatewayProcess({ ACQUIRE_BASE_URL: upstream.url, ACQUIRE_API_KEY: 'server-key-0123456789', CORS_ORIGINS: suggested });
    try {
      const response = await post(allowed.url, VITE, '{ __typename }');
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(VITE);
      expect(allowed.lines.some((entry) => entry.msg.startsWith('Refused'))).toBe(false);
    } finally {
      expect(await allowed.stop()).toBe(0);
    }
  }, 60_000);
});

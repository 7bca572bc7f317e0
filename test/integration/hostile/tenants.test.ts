/**
 * Point 3 of the hostile-clients issue: one tenant cannot shut the gateway for all. Breakers are
 * per key and endpoint, a call counts once after its retries, a 429 is back-pressure for that key
 * (Retry-After honoured), 4xx never count, and readiness does not follow a tenant's breaker.
 */
import { codes, graphql } from '../../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../../helpers/startGateway.js';
import { startScriptedUpstream, type Reply, type ScriptedCall, type ScriptedUpstream } from '../../helpers/scriptedUpstream.js';

const A = 'Bearer tenant-a-key';
const B = 'Bearer tenant-b-key';
const CASE = '{ case(id: "1") { id } }';
const USERS = '{ users { id } }';
const OK_CASE: Reply = { body: { data: { id: 1 } } };
const OK_USERS: Reply = { body: { data: [{ id: 5, name: 'Ann' }] } };

let upstream: ScriptedUpstream;
const gateways: RunningGateway[] = [];

beforeAll(async () => {
  upstream = await startScriptedUpstream(() => OK_CASE);
});

afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.stop();
  upstream.calls.length = 0;
});

afterAll(async () => {
  await upstream.stop();
});

/** A gateway whose upstream answers tenant A's case reads with `forA`, and everything else well. */
async function gatewayWhere(forA: (call: ScriptedCall) => Reply, options: Parameters<typeof startGateway>[0] = { baseUrl: upstream.url }) {
  upstream.script = (call) => {
    if (call.authorization === A && call.path === '/crm/objects/case/1') return forA(call);
    return call.path === '/account/user' ? OK_USERS : OK_CASE;
  };
  const gateway = await startGateway({ ...options, baseUrl: upstream.url, retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
  gateways.push(gateway);
  return gateway;
}

const as = (key: string) => ({ authorization: key });
const callsOf = (key: string) => upstream.calls.filter((call) => call.authorization === key);

describe('429: back-pressure for that key, never an outage', () => {
  it("two reads of one key answered 429 do not hold back another key on another endpoint, nor that key's other endpoints", async () => {
    const gateway = await gatewayWhere(() => ({ status: 429 }));
    for (let i = 0; i < 2; i += 1) expect(codes(await graphql(gateway.url, CASE, undefined, as(A)))).toEqual(['RATE_LIMITED']);
    expect(callsOf(A)).toHaveLength(6);
    upstream.calls.length = 0;
    expect((await graphql(gateway.url, USERS, undefined, as(B))).data.users).toHaveLength(1);
    expect((await graphql(gateway.url, CASE, undefined, as(B))).data.case.id).toBe('1');
    expect((await graphql(gateway.url, USERS, undefined, as(A))).data.users).toHaveLength(1);
    expect(upstream.calls).toHaveLength(3);
  });

  it("honours Retry-After: that key's calls to that endpoint wait, or fail at once with retryAfterSeconds when the wait is too long", async () => {
    const gateway = await gatewayWhere(() => ({ status: 429, headers: { 'retry-after': '30' } }), { baseUrl: upstream.url, timeoutMs: 1_000 });
    const first = await graphql(gateway.url, CASE, undefined, as(A));
    expect(codes(first)).toEqual(['RATE_LIMITED']);
    expect(callsOf(A)).toHaveLength(1);
    const held = await graphql(gateway.url, CASE, undefined, as(A));
    expect(codes(held)).toEqual(['RATE_LIMITED']);
    expect(held.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(callsOf(A)).toHaveLength(1);
    expect((await graphql(gateway.url, CASE, undefined, as(B))).data.case.id).toBe('1');
  });
});

describe('circuit breakers per key and endpoint', () => {
  const breaker = { failureThreshold: 2, cooldownMs: 60_000 };

  it('count a call once, after its retries', async () => {
    const gateway = await gatewayWhere(() => ({ status: 503 }), { baseUrl: upstream.url, breaker });
    expect(codes(await graphql(gateway.url, CASE, undefined, as(A)))).toEqual(['UPSTREAM_ERROR']);
    expect(codes(await graphql(gateway.url, CASE, undefined, as(A)))).toEqual(['UPSTREAM_ERROR']);
    expect(callsOf(A)).toHaveLength(6);
    expect(codes(await graphql(gateway.url, CASE, undefined, as(A)))).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(callsOf(A)).toHaveLength(6);
  });

  it("hold back only that key on that endpoint", async () => {
    const gateway = await gatewayWhere(() => ({ status: 503 }), { baseUrl: upstream.url, breaker });
    for (let i = 0; i < 3; i += 1) await graphql(gateway.url, CASE, undefined, as(A));
    expect((await graphql(gateway.url, CASE, undefined, as(B))).data.case.id).toBe('1');
    expect((await graphql(gateway.url, USERS, undefined, as(A))).data.users).toHaveLength(1);
  });

  it('never count a 4xx', async () => {
    const gateway = await gatewayWhere(() => ({ status: 400, body: { error: { type: 'ERROR_INVALID_INPUT' } } }), { baseUrl: upstream.url, breaker });
    for (let i = 0; i < 4; i += 1) expect(codes(await graphql(gateway.url, CASE, undefined, as(A)))).toEqual(['BAD_USER_INPUT']);
    expect(callsOf(A)).toHaveLength(4);
  });

  it('never count a 429: a throttled key stays RATE_LIMITED, never UPSTREAM_UNAVAILABLE, and is served once the upstream lets up', async () => {
    let throttled = true;
    const gateway = await gatewayWhere(() => (throttled ? { status: 429 } : OK_CASE), { baseUrl: upstream.url, breaker });
    for (let i = 0; i < 3; i += 1) expect(codes(await graphql(gateway.url, CASE, undefined, as(A)))).toEqual(['RATE_LIMITED']);
    expect(callsOf(A)).toHaveLength(9);
    throttled = false;
    expect((await graphql(gateway.url, CASE, undefined, as(A))).data.case.id).toBe('1');
  });

  it("leave readiness alone: it asks the upstream itself", async () => {
    const gateway = await gatewayWhere(() => ({ status: 503 }), { baseUrl: upstream.url, breaker, apiKey: 'tenant-a-key' });
    upstream.script = (call) => (call.requestId?.startsWith('readiness-') ? { body: { data: { data: [], count: 0 } } } : { status: 503 });
    for (let i = 0; i < 3; i += 1) await graphql(gateway.url, '{ cases(first: 1) { totalCount } }');
    expect(codes(await graphql(gateway.url, '{ cases(first: 1) { totalCount } }'))).toEqual(['UPSTREAM_UNAVAILABLE']);
    const ready = await fetch(`${new URL(gateway.url).origin}/readyz`);
    expect(await ready.json()).toMatchObject({ ready: true, upstream: 'ok' });
  });
});

/**
 * Point 6 of the hostile-clients issue: guessed keys are not amplified. A key the upstream
 * rejected is refused without calling for a while, a key not seen yet sends its first call alone,
 * after a 401 a request makes no more calls, and only `Bearer <token>` of sane length is forwarded.
 */
import { codes, graphql } from '../../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../../helpers/startGateway.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../../helpers/scriptedUpstream.js';

const GOOD = 'Bearer good-key-0123';
const SERVER_KEY = 'server-key-0123456789';
let upstream: ScriptedUpstream;
const arrivals: number[] = [];
const gateways: RunningGateway[] = [];

beforeAll(async () => {
  upstream = await startScriptedUpstream(() => ({}));
});

beforeEach(() => {
  upstream.calls.length = 0;
  arrivals.length = 0;
  // Only two keys exist upstream; every other one is a guess.
  upstream.script = (call) => {
    arrivals.push(Date.now());
    if (call.authorization !== GOOD && call.authorization !== `Bearer ${SERVER_KEY}`) {
      return { status: 401, body: { error: { type: 'ERROR_UNAUTHORIZED', message: 'Missing, incorrect or invalid API key' } }, delayMs: 50 };
    }
    return { body: { data: { id: Number(call.path.split('/').pop()), title: 'A case', parentId: 3 } }, delayMs: 50 };
  };
});

afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.stop();
});

afterAll(async () => {
  await upstream.stop();
});

async function gateway(options: Partial<Parameters<typeof startGateway>[0]> = {}): Promise<RunningGateway> {
  const started = await startGateway({ baseUrl: upstream.url, apiKey: SERVER_KEY, ...options });
  gateways.push(started);
  return started;
}

/** One operation with `n` reads of different cases. */
const reads = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `r${i}: case(id: "${i + 1}") { id }`).join(' ')} }`;
const as = (key: string) => ({ authorization: key });

describe('a rejected key', () => {
  it('25 reads in one request cost one upstream call', async () => {
    const { url } = await gateway();
    const result = await graphql(url, reads(25), undefined, as('Bearer guessed-key-1'));
    expect(new Set(codes(result))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(result.errors).toHaveLength(25);
    expect(upstream.calls).toHaveLength(1);
  });

  it('is refused without calling for a while, by later requests too, then tried again', async () => {
    const { url } = await gateway({ credentials: { rejectionHoldMs: 500, maxKeys: 100 } });
    for (let i = 0; i < 5; i += 1) expect(codes(await graphql(url, reads(1), undefined, as('Bearer guessed-key-2')))).toEqual(['UNAUTHENTICATED']);
    expect(upstream.calls).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await graphql(url, reads(1), undefined, as('Bearer guessed-key-2'));
    expect(upstream.calls).toHaveLength(2);
  });
});

describe('keys not seen yet', () => {
  it('20 requests with 20 guessed keys cost 20 upstream calls, not one per read', async () => {
    const { url } = await gateway();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => graphql(url, reads(30), undefined, as(`Bearer guess-${i}`))));
    for (const result of results) expect(result.errors).toHaveLength(30);
    expect(upstream.calls).toHaveLength(20);
  });

  it("send their first call alone; the others go once it answered", async () => {
    const { url } = await gateway();
    const result = await graphql(url, reads(5), undefined, as(GOOD));
    expect(result.errors).toBeUndefined();
    expect(upstream.calls).toHaveLength(5);
    const [first, ...others] = arrivals;
    for (const arrival of others) expect(arrival - first!).toBeGreaterThanOrEqual(45);
  });
});

it("after a 401, a request's remaining reads fail without calling", async () => {
  // No hold: only the request's own memory of the rejection stops its later reads.
  const { url } = await gateway({ credentials: { rejectionHoldMs: 0, maxKeys: 100 } });
  expect((await graphql(url, reads(1), undefined, as(GOOD))).errors).toBeUndefined();
  upstream.calls.length = 0;
  upstream.script = (call) =>
    call.path === '/crm/objects/case/1'
      ? { status: 401, body: { error: { type: 'ERROR_UNAUTHORIZED' } } }
      : { body: { data: { id: Number(call.path.split('/').pop()), parentId: 3 } }, delayMs: 100 };
  const result = await graphql(url, '{ a: case(id: "1") { id } b: case(id: "2") { parent { id } } }', undefined, as(GOOD));
  expect(result.data.a).toBeNull();
  expect(result.data.b.parent).toBeNull();
  expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
    [['a'], 'UNAUTHENTICATED'],
    [['b', 'parent'], 'UNAUTHENTICATED'],
  ]);
  expect(upstream.calls.map((call) => call.path)).toEqual(['/crm/objects/case/1', '/crm/objects/case/2']);
});

describe('only "Bearer <token>" of sane length and characters is forwarded', () => {
  it.each([
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a token with a space', 'Bearer abc def'],
    ['a token with a comma', 'Bearer abc,def'],
    ['a token of 600 characters', `Bearer ${'x'.repeat(600)}`],
    ['no token', 'Bearer'],
  ])('%s: UNAUTHENTICATED, no upstream call, and never the server key', async (_name, header) => {
    const { url } = await gateway();
    const result = await graphql(url, reads(3), undefined, as(header));
    expect(new Set(codes(result))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(upstream.calls).toHaveLength(0);
  });
});

/** Abusive operations are refused before execution, so they cost no upstream call. */
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { codes, graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

let emulator: Emulator;
let gateway: RunningGateway;
let production: RunningGateway;

beforeAll(async () => {
  emulator = await startDialectEmulator();
  gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY });
  production = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, production: true });
});

afterAll(async () => {
  await gateway.stop();
  await production.stop();
  await emulator.stop();
});

beforeEach(() => emulator.resetCalls());

/** `message { case { parent { parent ... { id } } } }`: exactly `levels` fields deep (the leaf `id` included), without lists. */
function nested(levels: number): string {
  let inner = 'id';
  for (let level = levels - 1; level >= 3; level -= 1) inner = `parent { ${inner} }`;
  return `{ message(id: "8001") { case { ${inner} } } }`;
}

describe('depth', () => {
  it('refuses a 15-level query with QUERY_TOO_DEEP and no upstream call', async () => {
    const query = `{ case(id: "1001") { messages { case { messages { case { messages { case { messages { case { messages { case { messages { case { messages { id } } } } } } } } } } } } } } }`;
    const result = await graphql(gateway.url, query);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['QUERY_TOO_DEEP']);
    expect(result.errors?.[0]?.message).toMatch(/15 levels deep; the limit is 10/);
    expect(emulator.calls).toHaveLength(0);
  });

  it('lets a 10-level query through and stops an 11-level one', async () => {
    expect((await graphql(gateway.url, nested(10))).errors).toBeUndefined();
    expect(codes(await graphql(gateway.url, nested(11)))).toEqual(['QUERY_TOO_DEEP']);
  });

  it('counts depth through fragments', async () => {
    const query = `{ case(id: "1001") { ...A } }
      fragment A on Case { messages { case { messages { case { messages { case { messages { case { ...B } } } } } } } } }
      fragment B on Case { messages { case { messages { id } } } }`;
    expect(codes(await graphql(gateway.url, query))).toEqual(['QUERY_TOO_DEEP']);
    expect(emulator.calls).toHaveLength(0);
  });
});

describe('cost', () => {
  it('refuses a query that could fan out past the limit, with QUERY_TOO_COSTLY and no upstream call', async () => {
    const query = '{ cases(first: 100) { nodes { messages { case { messages { sender { __typename } } } } } } }';
    const result = await graphql(gateway.url, query);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['QUERY_TOO_COSTLY']);
    expect(result.errors?.[0]?.message).toMatch(/could cost up to \d+ upstream calls; the limit is 5000/);
    expect(emulator.calls).toHaveLength(0);
  });

  it('takes the page size from variables', async () => {
    const query = 'query ($n: Int) { cases(first: $n) { nodes { contact { cases { messages { sender { __typename } } } } } } }';
    expect(codes(await graphql(gateway.url, query, { n: 100 }))).toEqual(['QUERY_TOO_COSTLY']);
    expect((await graphql(gateway.url, query, { n: 1 })).errors).toBeUndefined();
  });

  it('counts variable defaults, and a negative page size as nothing', async () => {
    const costly = 'query ($n: Int = 100) { cases(first: $n) { nodes { contact { cases { messages { sender { __typename } } } } } } }';
    expect(codes(await graphql(gateway.url, costly))).toEqual(['QUERY_TOO_COSTLY']);
    const offset = `{ a: cases(first: -100000) { nodes { contact { id } } } b: cases(first: 100) { nodes { messages { case { messages { sender { __typename } } } } } } }`;
    expect(codes(await graphql(gateway.url, offset))).toEqual(['QUERY_TOO_COSTLY']);
    expect(emulator.calls).toHaveLength(0);
  });

  it('lets the everyday queries through', async () => {
    const dashboard =
      '{ cases(first: 100) { nodes { id contact { name email } users { user { name } } messages { text sender { __typename } } timeline { id } lastMessage { text } } } }';
    expect((await graphql(gateway.url, dashboard)).errors).toBeUndefined();
  });
});

describe('aliases and batches', () => {
  it('refuses more than 30 aliases with TOO_MANY_ALIASES', async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: users { id }`).join(' ')} }`;
    expect(codes(await graphql(gateway.url, query))).toEqual(['TOO_MANY_ALIASES']);
    expect(emulator.calls).toHaveLength(0);
  });

  it('refuses batched operations', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ users { id } }' }, { query: '{ users { id } }' }]),
    });
    expect(response.status).toBe(400);
    expect(emulator.calls).toHaveLength(0);
  });
});

describe('CSRF prevention', () => {
  it('refuses a simple cross-site POST (text/plain) and a GET without a preflight header', async () => {
    const form = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ users { id } }"}' });
    expect(form.status).toBe(400);
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ users { id } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    expect(emulator.calls).toHaveLength(0);
  });

  it('answers a GET query that carries a preflight header', async () => {
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ users { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { users: unknown[] } }).data.users).toHaveLength(8);
  });
});

describe('production mode', () => {
  it('turns introspection off', async () => {
    const result = await graphql(production.url, '{ __schema { types { name } } }');
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await graphql(gateway.url, '{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
  });

  it('serves a plain landing page instead of the Sandbox', async () => {
    const page = await (await fetch(production.url, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('<html');
    expect(page).not.toContain('new window.EmbeddedSandbox');
    const dev = await (await fetch(gateway.url, { headers: { accept: 'text/html' } })).text();
    expect(dev).toContain('new window.EmbeddedSandbox');
  });
});

/**
 * Point 5 of the hostile-clients issue: the cost estimate is the request's budget of upstream
 * calls, enforced while executing, and aliases and depth count inside introspection too.
 */
import { getIntrospectionQuery } from 'graphql';
import { codes, graphql } from '../../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../../helpers/startGateway.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../../helpers/scriptedUpstream.js';

const CASES = 300;
let upstream: ScriptedUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  // A contact with 300 cases, each with one message and a parent case of its own.
  upstream = await startScriptedUpstream((call) => {
    if (call.path === '/crm/objects/contact/7') {
      return { body: { data: { id: 7, cases: Array.from({ length: CASES }, (_, i) => ({ id: 1000 + i, contactId: 7, parentId: 6000 + i })) } } };
    }
    const id = Number(call.path.split('/').pop());
    return { body: { data: { id, contactId: 7, messages: [{ id: 50_000 + id, caseId: id, message: 'hello' }] } } };
  });
  gateway = await startGateway({ baseUrl: upstream.url, apiKey: 'server-key-0123456789' });
});

beforeEach(() => {
  upstream.calls.length = 0;
});

afterAll(async () => {
  await gateway.stop();
  await upstream.stop();
});

describe('the budget of upstream calls', () => {
  it("is the operation's estimate: contact > cases > parent (22) makes 22 calls, not 301; the rest is null with BUDGET_EXCEEDED", async () => {
    const result = await graphql(gateway.url, '{ contact(id: "7") { cases { id parent { id } } } }');
    expect(upstream.calls).toHaveLength(22);
    const cases = result.data.contact.cases as Array<{ id: string; parent: { id: string } | null }>;
    expect(cases).toHaveLength(CASES);
    const read = cases.filter((entry) => entry.parent !== null);
    expect(read).toHaveLength(21);
    expect(result.errors).toHaveLength(CASES - 21);
    expect(new Set(codes(result))).toEqual(new Set(['BUDGET_EXCEEDED']));
    expect(result.errors?.[0]?.message).toMatch(/budget of 22 upstream calls/);
  });

  it('a non-null list past the budget nulls its parent, with the same code: contact > cases > messages', async () => {
    const result = await graphql(gateway.url, '{ contact(id: "7") { cases { id messages { id } } } }');
    expect(upstream.calls).toHaveLength(22);
    expect(result.data.contact).toBeNull();
    expect(codes(result)).toContain('BUDGET_EXCEEDED');
  });

  it('leaves operations within their estimate alone', async () => {
    const result = await graphql(gateway.url, '{ contact(id: "7") { cases { id } } a: case(id: "1001") { messages { id } } }');
    expect(result.errors).toBeUndefined();
    expect(upstream.calls).toHaveLength(2);
  });
});

describe('introspection is measured too', () => {
  it('aliases inside __schema count: 31 of them are TOO_MANY_ALIASES, before any answer is built', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: types { name fields { name } }`).join(' ');
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __schema { ${aliases} } }` }),
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(2_000);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('TOO_MANY_ALIASES');
  });

  it('2,000 of them (200 KB) are refused as well, whichever limit speaks first', async () => {
    const aliases = Array.from({ length: 2_000 }, (_, i) => `a${i}: types { name fields { name } }`).join(' ');
    const result = await graphql(gateway.url, `{ __schema { ${aliases} } }`);
    expect(result.data).toBeUndefined();
    expect(['GRAPHQL_PARSE_FAILED', 'TOO_MANY_ALIASES']).toContain(codes(result)[0]);
  });

  it('depth inside __schema counts', async () => {
    // 11 levels, with fewer nested lists of types than graphql-js's own introspection rule refuses.
    const deep = '{ __schema { directives { args { type { fields { args { type { fields { args { type { name } } } } } } } } } } }';
    expect(codes(await graphql(gateway.url, deep))).toEqual(['QUERY_TOO_DEEP']);
  });

  it("the standard introspection query (the Sandbox's, codegen's) still passes: a type's wrappers (ofType) are no depth", async () => {
    const result = await graphql(gateway.url, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }));
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.queryType.name).toBe('Query');
  });
});

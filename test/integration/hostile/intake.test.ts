/**
 * Point 1 of the hostile-clients issue, on the production build with a server key: intake that
 * cannot be taken down. Oversized bodies (chunked or declared) get 413 and a closed connection,
 * slow ones a 408, hostile nesting a 400, and the process stays up throughout.
 */
import { codes, graphql } from '../../helpers/graphql.js';
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gatewayProcess.js';
import { rawJson, rawRequest } from '../../helpers/rawHttp.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../../helpers/scriptedUpstream.js';

let upstream: ScriptedUpstream;
let gateway: GatewayProcess;

beforeAll(async () => {
  upstream = await startScriptedUpstream(() => ({ body: { data: { id: 1, title: 'A case' } } }));
  gateway = await startGatewayProcess({
    NODE_ENV: 'production',
    ACQUIRE_BASE_URL: upstream.url,
    ACQUIRE_API_KEY: 'server-key-0123456789',
    GRAPHQL_MAX_BODY_BYTES: '200000',
    HTTP_HEADERS_TIMEOUT_MS: '500',
    HTTP_REQUEST_TIMEOUT_MS: '1000',
  });
}, 30_000);

afterEach(async () => {
  // Whatever the test sent, the process is up and answers.
  expect(gateway.exited()).toBeNull();
  expect((await graphql(gateway.url, '{ case(id: "1") { title } }')).data).toEqual({ case: { title: 'A case' } });
  upstream.calls.length = 0;
});

afterAll(async () => {
  const exitCode = await gateway.stop();
  await upstream.stop();
  expect(exitCode).toBe(0);
});

const HEAD = (extra: string): string => `POST /graphql HTTP/1.1\r\nhost: gateway\r\ncontent-type: application/json\r\n${extra}\r\n`;

describe('bodies over GRAPHQL_MAX_BODY_BYTES', () => {
  it('a chunked body (no content-length) gets 413 and a closed connection', async () => {
    const answer = await rawRequest(gateway.url, (socket) => {
      socket.write(HEAD('transfer-encoding: chunked\r\n'));
      const chunk = 'x'.repeat(4_096);
      let sent = 0;
      const more = (): void => {
        if (socket.destroyed || sent >= 80) return;
        sent += 1;
        socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
        setTimeout(more, 5);
      };
      more();
    });
    expect(answer.status).toBe(413);
    expect(answer.closed).toBe(true);
    expect(rawJson(answer).errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', requestId: expect.any(String) });
  });

  it('a declared body gets 413 before it is read, and a closed connection', async () => {
    const answer = await rawRequest(gateway.url, (socket) => {
      socket.write(HEAD('content-length: 500000\r\n'));
      socket.write('{"query": "');
    });
    expect(answer.status).toBe(413);
    expect(answer.closed).toBe(true);
  });
});

describe('time-outs', () => {
  it('a body that never finishes gets 408 and a closed connection after HTTP_REQUEST_TIMEOUT_MS, not minutes', async () => {
    const answer = await rawRequest(
      gateway.url,
      (socket) => {
        socket.write(HEAD('content-length: 100\r\n'));
        socket.write('{"query": "{ ');
      },
      10_000,
    );
    expect(answer.closed).toBe(true);
    expect(answer.status).toBe(408);
  });

  it('headers that never finish get a closed connection after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const answer = await rawRequest(gateway.url, (socket) => socket.write('POST /graphql HTTP/1.1\r\nhost: gateway\r\n'), 10_000);
    expect(answer.closed).toBe(true);
    expect(answer.status).toBe(408);
  });
});

describe('documents and variables bounded before parsing', () => {
  it('a document nested 5,000 deep is QUERY_TOO_DEEP (400), not a stack overflow', async () => {
    const query = `{ ${'case(id: "1") { parent { '.repeat(2_500)}id${' } }'.repeat(2_500)} }`;
    const result = await graphql(gateway.url, query);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['QUERY_TOO_DEEP']);
    expect(JSON.stringify(result.errors)).not.toMatch(/call stack/i);
    expect(upstream.calls).toHaveLength(0);
  });

  it('variables nested 20,000 deep are BAD_REQUEST (400), not a server error', async () => {
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": "{ __typename }", "variables": {"v": ${deep}}}`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('variables of a GET nested too deep are refused the same way', async () => {
    const deep = `${'['.repeat(100)}1${']'.repeat(100)}`;
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(`{"v": ${deep}}`)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(400);
  });

  it('a document of more than GRAPHQL_MAX_TOKENS tokens is not parsed', async () => {
    const result = await graphql(gateway.url, `{ ${'__typename '.repeat(2_100)} }`);
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(result.errors?.[0]?.message).toMatch(/2000 tokens/);
  });
});

describe('fragments', () => {
  // Each spreads the one before twice: 2^40 fields in 1.6 KB of document.
  const doubling = (first: string): string =>
    Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Case { ...F${i} ...F${i} }`).join(' ') + ` fragment F0 on Case { ${first} }`;
  // Walked out, the limits would hold the process for days: the signal only keeps a failing run from hanging.
  const send = (query: string) =>
    fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal: AbortSignal.timeout(10_000) });

  it('a fragment spread twice over, 40 times, is measured once, not walked out: the query runs', async () => {
    const response = await send(`${doubling('id')} { case(id: "1") { ...F40 } }`);
    const answer = (await response.json()) as { data: unknown; extensions: { cost: { requestedQueryCost: number } } };
    expect(answer.data).toEqual({ case: { id: '1' } });
    expect(answer.extensions.cost.requestedQueryCost).toBe(1);
    expect(upstream.calls).toHaveLength(1);
  });

  it('its aliases still count once per spread: TOO_MANY_ALIASES, without an upstream call', async () => {
    const response = await send(`${doubling('a: id')} { case(id: "1") { ...F40 } }`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('TOO_MANY_ALIASES');
    expect(body.errors[0]?.message).toMatch(/has 1099511627776 aliases/);
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('the bind address', () => {
  it('is loopback in demo mode, where the public demo key is in use', async () => {
    const demo = await startGatewayProcess({});
    try {
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    } finally {
      expect(await demo.stop()).toBe(0);
    }
  }, 30_000);
});

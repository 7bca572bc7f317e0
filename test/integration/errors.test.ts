import { codes, graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../helpers/scriptedUpstream.js';

const SECRET = 'sk_test_secret_1234567890';
let upstream: ScriptedUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  upstream = await startScriptedUpstream(() => ({ body: {} }));
  // These tests answer the server key with a 401 and then use it again at once: no hold on rejected
  // keys here (test/integration/hostile/credentials.test.ts tests the hold).
  gateway = await startGateway({ baseUrl: upstream.url, apiKey: SECRET, timeoutMs: 1_000, credentials: { rejectionHoldMs: 0, maxKeys: 100 } });
});

afterAll(async () => {
  await gateway.stop();
  await upstream.stop();
});

beforeEach(() => {
  upstream.calls.length = 0;
});

const CASE = 'query ($id: ID!) { case(id: $id) { id title } }';

describe('upstream errors become GraphQL errors with a stable code', () => {
  it.each([
    [401, { error: { type: 'ERROR_UNAUTHORIZED', message: 'Invalid API key' } }, 'UNAUTHENTICATED'],
    [403, { error: { type: 'ERROR_UNAUTHORIZED_ACCESS', message: 'No case access' } }, 'FORBIDDEN'],
    [404, { message: 'No such object' }, 'NOT_FOUND'],
    [400, { error: { type: 'ERROR_RECORD_NOT_FOUND', message: 'Case not found' } }, 'NOT_FOUND'],
    [400, { error: { type: 'ERROR_DUPLICATE_RECORD_FOUND' } }, 'CONFLICT'],
    [400, { error: { type: 'ERROR_INVALID_INPUT', message: 'caseId is invalid' } }, 'BAD_USER_INPUT'],
    [500, { error: { type: 'ERROR_SERVER_ERROR' } }, 'UPSTREAM_ERROR'],
    [503, { message: 'Down for maintenance' }, 'UPSTREAM_ERROR'],
  ])('HTTP %i %j -> %s, with a null case and the upstream status', async (status, body, code) => {
    upstream.script = () => ({ status, body });
    const result = await graphql(gateway.url, CASE, { id: '999999' });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ case: null });
    expect(codes(result)).toEqual([code]);
    expect(result.errors?.[0]?.path).toEqual(['case']);
    expect(result.errors?.[0]?.extensions?.upstreamStatus).toBe(status);
  });

  it('reports an unparseable success body as UPSTREAM_ERROR', async () => {
    upstream.script = () => ({ raw: '<html>Maintenance</html>', contentType: 'text/html' });
    const result = await graphql(gateway.url, CASE, { id: '1' });
    expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
    expect(result.errors?.[0]?.message).toContain('not JSON (text/html)');
  });

  it('reports a success body in an unknown envelope as UPSTREAM_ERROR', async () => {
    upstream.script = () => ({ body: { result: { id: 1 } } });
    expect(codes(await graphql(gateway.url, CASE, { id: '1' }))).toEqual(['UPSTREAM_ERROR']);
  });

  it('reports a slow upstream as UPSTREAM_TIMEOUT', async () => {
    upstream.script = () => ({ body: { data: { id: 1 } }, delayMs: 1_500 });
    const started = Date.now();
    const result = await graphql(gateway.url, CASE, { id: '1' });
    expect(codes(result)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(Date.now() - started).toBeLessThan(1_400);
  });

  it('reports an unreachable upstream as UPSTREAM_ERROR', async () => {
    const closed = await startScriptedUpstream(() => ({}));
    await closed.stop();
    const orphan = await startGateway({ baseUrl: closed.url, apiKey: SECRET });
    try {
      const result = await graphql(orphan.url, CASE, { id: '1' });
      expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
      expect(result.errors?.[0]?.message).toMatch(/could not be reached \(ECONNREFUSED\)/);
    } finally {
      await orphan.stop();
    }
  });

  it('never shows the API key, even when the upstream echoes it', async () => {
    upstream.script = (call) => ({ status: 401, body: { message: `Rejected ${call.authorization}` } });
    const result = await graphql(gateway.url, CASE, { id: '1' });
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});

describe('credentials', () => {
  it("sends the gateway's key when the caller brings none", async () => {
    upstream.script = () => ({ body: { data: { id: 1, title: 'A' } } });
    await graphql(gateway.url, CASE, { id: '1' });
    expect(upstream.calls.map((call) => call.authorization)).toEqual([`Bearer ${SECRET}`]);
  });

  it("forwards the caller's own Authorization header as is", async () => {
    upstream.script = () => ({ body: { data: { id: 1, title: 'A' } } });
    await graphql(gateway.url, CASE, { id: '1' }, { authorization: 'Bearer caller-key' });
    expect(upstream.calls.map((call) => call.authorization)).toEqual(['Bearer caller-key']);
  });

  it("passes the caller's x-request-id on to every upstream call, or one of its own", async () => {
    upstream.script = () => ({ body: { data: { id: 1, title: 'A' } } });
    await graphql(gateway.url, '{ a: case(id: "1") { id } b: case(id: "2") { id } }', undefined, { 'x-request-id': 'trace-7' });
    expect(upstream.calls.map((call) => call.requestId)).toEqual(['trace-7', 'trace-7']);
    upstream.calls.length = 0;
    await graphql(gateway.url, CASE, { id: '1' }, { 'x-request-id': 'bad id with spaces' });
    expect(upstream.calls[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers UNAUTHENTICATED without calling the upstream when nobody has a key', async () => {
    const keyless = await startGateway({ baseUrl: upstream.url });
    try {
      const result = await graphql(keyless.url, CASE, { id: '1' });
      expect(codes(result)).toEqual(['UNAUTHENTICATED']);
      expect(upstream.calls).toHaveLength(0);
    } finally {
      await keyless.stop();
    }
  });
});

describe('bad input is refused before any upstream call', () => {
  it.each([
    ['case id that is not a number', CASE, { id: 'abc' }, 'id'],
    ['case id zero', CASE, { id: '0' }, 'id'],
    ['negative id', CASE, { id: '-4' }, 'id'],
    ['cases(first: 101)', '{ cases(first: 101) { totalCount } }', undefined, 'first'],
    ['cases(first: -1)', '{ cases(first: -1) { totalCount } }', undefined, 'first'],
    ['a cursor that is not ours', '{ cases(after: "bogus") { totalCount } }', undefined, 'after'],
    ['a filter on UNKNOWN', '{ cases(filter: {status: UNKNOWN}) { totalCount } }', undefined, 'filter.status'],
    ['a bad filter id', '{ cases(filter: {contactId: "x1"}) { totalCount } }', undefined, 'filter.contactId'],
    ['thread ids', '{ thread(contactId: "1", threadId: "t") { id } }', undefined, 'threadId'],
    [
      'EMAIL without email details',
      'mutation { sendMessage(input: {caseId: "1", channel: EMAIL, text: "hi"}) { message { id } } }',
      undefined,
      'input.email',
    ],
    [
      'SMS without sms details',
      'mutation { sendMessage(input: {caseId: "1", channel: SMS, text: "hi"}) { message { id } } }',
      undefined,
      'input.sms',
    ],
    [
      'a channel that cannot carry messages',
      'mutation { sendMessage(input: {caseId: "1", channel: VOIP, text: "hi"}) { message { id } } }',
      undefined,
      'input.channel',
    ],
    [
      'an invalid email address',
      'mutation { sendMessage(input: {caseId: "1", channel: EMAIL, text: "hi", email: {from: "me", to: ["a@b.co"]}}) { message { id } } }',
      undefined,
      'input.email.from',
    ],
    [
      'a phone number without country code',
      'mutation { sendMessage(input: {caseId: "1", channel: SMS, text: "hi", sms: {from: "+12513188609", to: "0666929552"}}) { message { id } } }',
      undefined,
      'input.sms.to',
    ],
    ['an empty text', 'mutation { sendMessage(input: {caseId: "1", text: "  "}) { message { id } } }', undefined, 'input.text'],
    [
      'an invitation to nobody',
      'mutation { inviteToCase(input: {caseId: "1", agentIds: []}) { invitations { userId } } }',
      undefined,
      'input.agentIds',
    ],
    ['an update of message "x"', 'mutation { updateMessage(input: {id: "x", text: "a"}) { message { id } } }', undefined, 'input.id'],
  ])('%s', async (_name, query, variables, argumentName) => {
    const result = await graphql(gateway.url, query, variables);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.argumentName).toBe(argumentName);
    expect(upstream.calls).toHaveLength(0);
  });

  it('refuses a text longer than the limit', async () => {
    const result = await graphql(gateway.url, 'mutation ($t: String!) { sendMessage(input: {caseId: "1", text: $t}) { message { id } } }', {
      t: 'x'.repeat(20_001),
    });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('the HTTP endpoint', () => {
  it('answers malformed JSON with 400 and a code, and stays up', async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('BAD_REQUEST');
    upstream.script = () => ({ body: { data: { id: 1, title: 'still here' } } });
    expect((await graphql(gateway.url, CASE, { id: '1' })).data).toEqual({ case: { id: '1', title: 'still here' } });
  });

  it('refuses bodies over the size limit with 413', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ users { id } } #${'x'.repeat(1_100_000)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const result = await graphql(gateway.url, '{ case(id: "1") { id ');
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const result = await graphql(gateway.url, '{ case(id: "1") { nope } }');
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(upstream.calls).toHaveLength(0);
  });
});

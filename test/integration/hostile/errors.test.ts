/**
 * Point 4 of the hostile-clients issue, on the production build with a server key: errors tell
 * the client what it can act on, and nothing of the upstream's insides or of the schema.
 */
import { codes, graphql } from '../../helpers/graphql.js';
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gatewayProcess.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../../helpers/scriptedUpstream.js';

const INSIDES = 'SQLSTATE[42S02]: Base table not found in /var/www/acquire/app/Case.php:212 host db-internal-3';
let upstream: ScriptedUpstream;
let gateway: GatewayProcess;

beforeAll(async () => {
  upstream = await startScriptedUpstream(() => ({ body: { data: { id: 1, title: 'A case' } } }));
  gateway = await startGatewayProcess({ NODE_ENV: 'production', ACQUIRE_BASE_URL: upstream.url, ACQUIRE_API_KEY: 'server-key-0123456789' });
}, 30_000);

afterAll(async () => {
  expect(gateway.exited()).toBeNull();
  expect(await gateway.stop()).toBe(0);
  await upstream.stop();
});

const CASE = '{ case(id: "1") { id title } }';

describe('what a failing upstream said stays in the log', () => {
  it.each<[string, { status?: number; body?: unknown; raw?: string; contentType?: string }]>([
    ['a 500 with a JSON error', { status: 500, body: { error: { type: 'ERROR_SERVER_ERROR', message: INSIDES } } }],
    ['a 503 HTML page', { status: 503, raw: `<html><pre>${INSIDES}</pre></html>`, contentType: 'text/html' }],
    ['an unreadable 200', { status: 200, raw: `Fatal error: ${INSIDES}`, contentType: `text/${INSIDES}` }],
  ])('%s: a generic message for the client, the upstream text logged under the request id', async (_name, reply) => {
    upstream.script = () => reply;
    const result = await graphql(gateway.url, CASE);
    expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
    const text = JSON.stringify(result);
    for (const secret of ['SQLSTATE', '/var/www', 'Case.php', 'db-internal']) expect(text).not.toContain(secret);
    const requestId = result.headers.get('x-request-id');
    expect(result.errors?.[0]?.extensions?.requestId).toBe(requestId);
    const logged = await gateway.waitForLine((line) => line.requestId === requestId && line.msg === 'upstream failure');
    expect(String(logged.upstreamSaid)).toContain('SQLSTATE[42S02]');
  });

  it('still shows what the upstream said about the input (4xx)', async () => {
    upstream.script = () => ({ status: 400, body: { error: { type: 'ERROR_INVALID_INPUT', message: 'caseId is invalid' } } });
    const result = await graphql(gateway.url, CASE);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toContain('caseId is invalid');
  });
});

describe('production does not help rebuild the schema', () => {
  it.each([
    ['a field', '{ cas(id: "1") { id } }'],
    ['an argument', '{ case(idd: "1") { id } }'],
    ['an enum value', '{ cases(filter: { status: ACTIV }) { totalCount } }'],
    ['a type', 'query ($f: CaseFilte) { cases(filter: $f) { totalCount } }'],
    ['a field of a type', '{ case(id: "1") { titel } }'],
  ])('%s: no "Did you mean"', async (_name, query) => {
    const result = await graphql(gateway.url, query);
    expect(new Set(codes(result))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(result.errors?.map((error) => error.message).join('\n')).not.toMatch(/Did you mean/);
  });

  it('an enum value in variables: no "Did you mean" either', async () => {
    const result = await graphql(gateway.url, 'query ($s: CaseStatus) { cases(filter: { status: $s }) { totalCount } }', { s: 'ACTIV' });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/ACTIV/);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

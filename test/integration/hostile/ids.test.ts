/**
 * Point 7 of the hostile-clients issue: ids from the upstream are checked like ids from clients
 * before they go into a path. A malformed one nulls that relation with an error, is logged, and
 * is never called.
 */
import { createLogger } from '../../../src/server/ops/logger.js';
import { codes, graphql } from '../../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../../helpers/startGateway.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../../helpers/scriptedUpstream.js';

let upstream: ScriptedUpstream;
let gateway: RunningGateway;
const logLines: string[] = [];

const CASES: Record<string, Record<string, unknown>> = {
  '1': { id: 1, title: 'dot-dot contact', contactId: '..', parentId: '2/../../../account/user' },
  '2': { id: 2, title: 'healthy', contactId: 750_901 },
  '3': { id: 3, title: 'odd participant', contactId: 750_901, users: [{ id: 9, type: 'user', userId: '%2e%2e' }] },
};

beforeAll(async () => {
  upstream = await startScriptedUpstream((call) => {
    const caseId = /^\/crm\/objects\/case\/(\d+)$/.exec(call.path)?.[1];
    if (caseId && CASES[caseId]) return { body: { data: CASES[caseId] } };
    if (call.path === '/crm/objects/case') return { body: { data: { data: Object.values(CASES), count: 3 } } };
    if (call.path === '/crm/objects/case-message/8') return { body: { data: { id: 8, caseId: '1?relations=fields', message: 'hi' } } };
    if (call.path.startsWith('/crm/objects/contact/')) return { body: { data: { id: 750_901, fields: { name: 'Ada' } } } };
    return { status: 404, body: {} };
  });
  gateway = await startGateway({
    baseUrl: upstream.url,
    apiKey: 'server-key-0123456789',
    logger: createLogger({ destination: { write: (line: string) => logLines.push(line) } }),
  });
});

beforeEach(() => {
  upstream.calls.length = 0;
  logLines.length = 0;
});

afterAll(async () => {
  await gateway.stop();
  await upstream.stop();
});

const called = () => upstream.calls.map((call) => call.path);

it('a contactId of ".." is no path: the contact is an error, logged, and nothing but the case is called', async () => {
  const result = await graphql(gateway.url, '{ case(id: "1") { title contact { name } } }');
  expect(result.data.case.title).toBe('dot-dot contact');
  expect(result.data.case.contact.name).toBeNull();
  expect(result.errors?.map((error) => [error.path, error.extensions?.code, error.message])).toEqual([
    [['case', 'contact', 'name'], 'UPSTREAM_ERROR', 'The Acquire API sent a malformed contact id'],
  ]);
  expect(called()).toEqual(['/crm/objects/case/1']);
  const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'upstream failure');
  expect(logged).toMatchObject({ requestId: result.errors?.[0]?.extensions?.requestId, upstreamSaid: 'contact id ".."' });
});

it.each([
  ['a parent id with a path in it', '{ case(id: "1") { parent { id } } }', ['case', 'parent']],
  ["a message's caseId with a query in it", '{ message(id: "8") { case { id } } }', ['message', 'case']],
  ["a participant's userId, percent-encoded dots", '{ case(id: "3") { users { user { name } } } }', ['case', 'users', 0, 'user']],
])('%s nulls that relation with UPSTREAM_ERROR and is never called', async (_name, query, path) => {
  const result = await graphql(gateway.url, query);
  expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[path, 'UPSTREAM_ERROR']]);
  expect(called().every((call) => /^\/crm\/objects\/(case|case-message)\/\d+$/.test(call))).toBe(true);
});

it('one malformed id in a page nulls only its own relation', async () => {
  const result = await graphql(gateway.url, '{ cases(first: 3) { nodes { title contact { name } } } }');
  expect(result.data.cases.nodes.map((node: { contact: { name: string | null } }) => node.contact.name)).toEqual([null, 'Ada', 'Ada']);
  expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
  expect(called().filter((call) => call.startsWith('/crm/objects/contact/'))).toEqual(['/crm/objects/contact/750901']);
});

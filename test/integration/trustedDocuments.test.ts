/**
 * Trusted documents (PERSISTED_DOCUMENTS) and automatic persisted queries, as clients use them:
 * Apollo Client's persisted query link (a hash in `extensions.persistedQuery`), GraphQL over HTTP's
 * `documentId` (POST and GET), and with ALLOW_ARBITRARY_OPERATIONS=false everything else refused
 * before it is parsed, without an upstream call. The manifest is the one `npm run documents` keeps
 * for operations/.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { codes, type GraphQLResult } from '../helpers/graphql.js';
import { startGateway, testSettings, type RunningGateway } from '../helpers/startGateway.js';

const ENTRY = fileURLToPath(new URL('../../dist/src/index.js', import.meta.url));
const MANIFEST = fileURLToPath(new URL('../../operations/persisted-documents.json', import.meta.url));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const AGENTS = readFileSync(new URL('../../operations/agents.graphql', import.meta.url), 'utf8');
const RECENT = readFileSync(new URL('../../operations/recentCases.graphql', import.meta.url), 'utf8');

let emulator: Emulator;
let trustedOnly: RunningGateway;
let open: RunningGateway;
let dir: string;

const documents = (overrides: Partial<ReturnType<typeof testSettings>['documents']>) => ({ ...testSettings({}).documents, ...overrides });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trusted-'));
  emulator = await startEmulator();
  trustedOnly = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, documents: documents({ manifestPath: MANIFEST, allowArbitrary: false }) });
  open = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, documents: documents({ manifestPath: MANIFEST }) });
});

afterAll(async () => {
  await trustedOnly.stop();
  await open.stop();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => emulator.resetCalls());

async function post(url: string, body: unknown): Promise<GraphQLResult<any>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

async function get(url: string, params: Record<string, string>): Promise<GraphQLResult<any>> {
  const response = await fetch(`${url}?${new URLSearchParams(params)}`, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

const byHash = (text: string, variables?: object) => ({ ...(variables ? { variables } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } });

describe('with ALLOW_ARBITRARY_OPERATIONS=false', () => {
  it("runs a manifest's operation named by its hash, as Apollo Client's persisted query link sends it", async () => {
    const answer = await post(trustedOnly.url, byHash(AGENTS));
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.users.length).toBeGreaterThan(0);
    expect(emulator.calls.length).toBeGreaterThan(0);
  });

  it('runs one named by documentId, over POST and GET', async () => {
    const viaPost = await post(trustedOnly.url, { documentId: `sha256:${sha256(RECENT)}`, variables: { first: 2 } });
    expect(viaPost.errors).toBeUndefined();
    expect(viaPost.data.cases.edges).toHaveLength(2);
    const viaGet = await get(trustedOnly.url, { documentId: `sha256:${sha256(RECENT)}`, variables: JSON.stringify({ first: 1 }) });
    expect(viaGet.errors).toBeUndefined();
    expect(viaGet.data.cases.edges).toHaveLength(1);
  });

  it("runs a manifest's document sent as its exact text", async () => {
    const answer = await post(trustedOnly.url, { query: AGENTS });
    expect(answer.errors).toBeUndefined();
  });

  it('refuses any other document with 403 PERSISTED_QUERY_NOT_IN_LIST before parsing it, and calls nothing', async () => {
    for (const query of ['{ users { id } }', '{ this is not GraphQL', `${AGENTS} `]) {
      const answer = await post(trustedOnly.url, { query });
      expect(answer.status).toBe(403);
      expect(codes(answer)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
      expect(answer.errors![0]!.extensions!.requestId).toEqual(expect.any(String));
    }
    const registration = await post(trustedOnly.url, { query: '{ users { id } }', ...byHash('{ users { id } }') });
    expect(registration.status).toBe(403);
    expect(codes(registration)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    const viaGet = await get(trustedOnly.url, { query: '{ users { id } }' });
    expect(viaGet.status).toBe(403);
    expect(emulator.calls).toHaveLength(0);
  });

  it('answers 400 PERSISTED_QUERY_NOT_FOUND for a hash or documentId the manifest does not hold', async () => {
    const unknownHash = await post(trustedOnly.url, byHash('{ users { id } }'));
    expect(unknownHash.status).toBe(400);
    expect(codes(unknownHash)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const unknownId = await post(trustedOnly.url, { documentId: 'not-in-the-manifest' });
    expect(unknownId.status).toBe(400);
    expect(codes(unknownId)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(emulator.calls).toHaveLength(0);
  });

  it('refuses hostile ids and hashes with 400 BAD_REQUEST, whatever their type or size', async () => {
    const hostile = [
      { documentId: 42 },
      { documentId: { $ne: null } },
      { documentId: ['sha256:00'] },
      { documentId: 'x'.repeat(257) },
      { documentId: '../../etc/passwd' },
      { documentId: 'a b' },
      { documentId: `sha256:${sha256(AGENTS)}`, query: AGENTS },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'zz' } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: { toString: 1 } } } },
      { extensions: { persistedQuery: 'abc' } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(65) } } },
    ];
    for (const body of hostile) {
      const answer = await post(trustedOnly.url, body);
      expect([answer.status, codes(answer)]).toEqual([400, ['BAD_REQUEST']]);
    }
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(codes(await post(trustedOnly.url, { documentId: id }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    }
    expect(emulator.calls).toHaveLength(0);
  });

  it("applies the limits to the manifest's documents too", async () => {
    const tight = await startGateway({
      baseUrl: emulator.url,
      apiKey: DEMO_API_KEY,
      documents: documents({ manifestPath: MANIFEST, allowArbitrary: false }),
      limits: { ...testSettings({}).limits, maxCost: 3 },
    });
    try {
      const answer = await post(tight.url, { documentId: `sha256:${sha256(RECENT)}` });
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(['QUERY_TOO_COSTLY']);
      expect(emulator.calls).toHaveLength(0);
    } finally {
      await tight.stop();
    }
  });
});

describe('with arbitrary operations allowed', () => {
  it('runs any document, resolves the manifest ids, and registers other hashes by automatic persisted queries', async () => {
    expect(codes(await post(open.url, { query: '{ users { id } }' }))).toEqual([]);
    expect((await post(open.url, { documentId: `sha256:${sha256(AGENTS)}` })).data.users.length).toBeGreaterThan(0);
    const query = '{ users { id name } }';
    const miss = await post(open.url, byHash(query));
    expect(codes(miss)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(open.url, { query, ...byHash(query) });
    expect(registered.errors).toBeUndefined();
    const hit = await post(open.url, byHash(query));
    expect(hit.errors).toBeUndefined();
    expect(hit.data).toEqual(registered.data);
    const lying = await post(open.url, { query: '{ users { id email } }', ...byHash(query) });
    expect(lying.status).toBe(400);
  });

  it('with GRAPHQL_APQ=false, says that hashes are not taken', async () => {
    const gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, documents: documents({ apq: false }) });
    try {
      expect(codes(await post(gateway.url, byHash('{ users { id } }')))).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
      expect(codes(await post(gateway.url, { documentId: 'anything' }))).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    } finally {
      await gateway.stop();
    }
  });
});

describe('the manifest file', () => {
  const manifestFile = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it("reads the codegen client preset's format, { id: document }, with custom ids", async () => {
    const path = manifestFile('codegen.json', JSON.stringify({ 'agents-v1': AGENTS, [sha256(RECENT)]: RECENT }));
    const gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, documents: documents({ manifestPath: path, allowArbitrary: false }) });
    try {
      expect((await post(gateway.url, { documentId: 'agents-v1' })).data.users.length).toBeGreaterThan(0);
      expect(codes(await post(gateway.url, { documentId: sha256(RECENT), variables: { first: 1 } }))).toEqual([]);
      expect(codes(await post(gateway.url, byHash(RECENT, { first: 1 })))).toEqual([]);
    } finally {
      await gateway.stop();
    }
  });

  it.each([
    ['not JSON', '{ "a": ', /not valid JSON/],
    ['a list', '[]', /not a JSON object/],
    ['another format', JSON.stringify({ format: 'relay', version: 1, operations: [] }), /unknown manifest format/],
    ['a later version', JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 2, operations: [] }), /unknown manifest format/],
    ['operations that are no list', JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: {} }), /not a list/],
    ['an operation without id', JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ body: AGENTS }] }), /no string "id"/],
    ['an id with a slash', JSON.stringify({ 'a/b': AGENTS }), /ids are at most/],
    ['a document that is no string', JSON.stringify({ a: 42 }), /is not a GraphQL document/],
    ['a document that does not parse', JSON.stringify({ a: '{ users {' }), /does not parse/],
    ['a document this schema cannot run', JSON.stringify({ a: '{ nothing }' }), /does not fit the schema/],
    ['a document nested too deep', JSON.stringify({ a: `{ users ${'{ id '.repeat(40)}${'}'.repeat(40)} }` }), /nested deeper/],
    ['one id for two documents', JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'x', body: AGENTS }, { id: 'x', body: RECENT }] }), /two different documents/],
    ['nothing', '{}', /holds no document/],
  ])('stops the start-up when it is %s, and says why', async (name, content, reason) => {
    const path = manifestFile(`${name.replace(/\W+/g, '-')}.json`, content);
    await expect(startGateway({ baseUrl: emulator.url, documents: documents({ manifestPath: path }) })).rejects.toThrow(reason);
  });

  it('stops a production start-up with a configuration error naming the problem (exit 2), the file missing included', async () => {
    const run = await promisify(execFile)(process.execPath, [ENTRY], {
      env: { PATH: process.env.PATH, PORT: '0', LOG_FORMAT: 'json', ACQUIRE_BASE_URL: emulator.url, NODE_ENV: 'production', PERSISTED_DOCUMENTS: join(dir, 'missing.json'), ALLOW_ARBITRARY_OPERATIONS: 'false' },
      timeout: 30_000,
    }).catch((error: { code: number; stdout: string }) => error);
    expect(run).toMatchObject({ code: 2 });
    expect((run as { stdout: string }).stdout).toMatch(/Configuration error: PERSISTED_DOCUMENTS: cannot read .*missing\.json \(ENOENT\)/);
  });
});

/**
 * The gateway as a Federation 2 subgraph (GRAPHQL_SUBGRAPH=true), as a team on a supergraph runs
 * it: composed (with @apollo/composition) with a second, small subgraph that adds a loyalty tier to
 * Contact, behind a real @apollo/gateway process, with every upstream call the emulator saw pinned.
 * `_entities` goes through the loaders and the read path: a router's 100 representations of 12
 * contacts cost 12 reads, sent together in one round.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { DEMO_API_KEY, startEmulator, type Emulator, type EmulatorCall } from '../../emulator/server.js';
import { spawnTied } from '../../bench/tiedProcess.js';
import { callLines } from '../helpers/emulatorSetup.js';
import { codes, graphql } from '../helpers/graphql.js';
import { connectLive } from '../helpers/liveClient.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

const ROUTER = fileURLToPath(new URL('./routerProcess.mjs', import.meta.url));
// Slow enough that one round of reads is told apart from two.
const LATENCY_MS = 150;

const LOYALTY_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Contact @key(fields: "id") {
    id: ID!
    "Kept by another team's service; the Acquire gateway knows nothing of it."
    loyaltyTier: String!
  }
  type Query {
    "The 100 most valuable contacts of the week, as references (12 distinct contacts)."
    topContacts: [Contact!]!
  }
`;

const tierOf = (id: string): string => (Number(id) % 2 === 0 ? 'GOLD' : 'SILVER');

let emulator: Emulator;
let acquire: RunningGateway;
let loyalty: ApolloServer;
let loyaltyUrl: string;
let supergraphSdl: string;
let routerUrl: string;
let stopRouter: () => Promise<void>;
let dir: string;
let contactIds: string[];
/** Each contact's name as the gateway answers it directly (some contacts have none). */
let names: Map<string, string | null>;

const contactReads = (calls: readonly EmulatorCall[]) => calls.filter((call) => call.method === 'GET' && /^\/crm\/objects\/contact\/\d+$/.test(call.path));
/** Whether every call began before any of them was answered: one round of reads, not several. */
const oneRound = (calls: readonly EmulatorCall[]) => Math.max(...calls.map((call) => call.startedAt)) < Math.min(...calls.map((call) => call.finishedAt));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'supergraph-'));
  emulator = await startEmulator({ latencyMs: LATENCY_MS });
  acquire = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, subgraph: true });
  const contacts = await graphql(acquire.url, '{ contacts(first: 12) { nodes { id name } } }');
  names = new Map(contacts.data.contacts.nodes.map((node: { id: string; name: string | null }) => [node.id, node.name]));
  contactIds = [...names.keys()];
  expect(new Set(contactIds).size).toBe(12);

  loyalty = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(LOYALTY_SDL),
      resolvers: {
        Query: { topContacts: () => Array.from({ length: 100 }, (_, n) => ({ id: contactIds[n % 12] })) },
        Contact: {
          __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
          loyaltyTier: (contact: { id: string }) => tierOf(contact.id),
        },
      } as never,
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  loyaltyUrl = (await startStandaloneServer(loyalty, { listen: { port: 0, host: '127.0.0.1' } })).url;

  const service = await graphql(acquire.url, '{ _service { sdl } }');
  const composed = composeServices([
    { name: 'acquire', typeDefs: parse(service.data._service.sdl), url: acquire.url },
    { name: 'loyalty', typeDefs: parse(LOYALTY_SDL), url: loyaltyUrl },
  ]);
  expect(composed.errors).toBeUndefined();
  supergraphSdl = composed.supergraphSdl!;
  writeFileSync(join(dir, 'supergraph.graphql'), supergraphSdl);

  const router = spawnTied(process.execPath, [ROUTER, join(dir, 'supergraph.graphql')], { stdio: ['ignore', 'pipe', 'pipe'] });
  routerUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the federation gateway did not start:\n${out}`)), 30_000);
    router.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = /ready at (http:\/\/\S+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    router.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    router.once('exit', () => reject(new Error(`the federation gateway exited:\n${out}`)));
  });
  stopRouter = () =>
    new Promise((resolve) => {
      if (router.exitCode !== null || router.signalCode !== null) return resolve();
      router.once('exit', () => resolve());
      router.kill('SIGTERM');
    });
}, 90_000);

afterAll(async () => {
  await stopRouter?.();
  await loyalty?.stop();
  await acquire?.stop();
  await emulator?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Each test pins what a first read costs: nothing kept from the one before.
beforeEach(() => {
  emulator.resetCalls();
  acquire.forgetRecords();
});

describe('composition', () => {
  it('composes with a subgraph that extends Contact; every entity type is keyed by id, and subscriptions stay out', () => {
    for (const type of ['Case', 'Contact', 'Message', 'User', 'Note', 'Department']) {
      expect(supergraphSdl).toMatch(new RegExp(`type ${type}\\n(\\s+@join__type\\(graph: ACQUIRE, key: "id"\\)\\n)`));
    }
    expect(supergraphSdl).toMatch(/type Contact\n\s+@join__type\(graph: ACQUIRE, key: "id"\)\n\s+@join__type\(graph: LOYALTY, key: "id"\)/);
    expect(supergraphSdl).not.toMatch(/type Subscription|caseEvents|CaseEvent/);
  });
});

describe('through a real @apollo/gateway process', () => {
  it('answers a query across both subgraphs, with the upstream calls the same selection costs on the gateway alone', async () => {
    const QUERY = '{ cases(first: 3) { nodes { id title contact { id name loyaltyTier } } } }';
    const answer = await graphql(routerUrl, QUERY);
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data.cases.nodes as Array<{ title: string; contact: { id: string; name: string; loyaltyTier: string } }>;
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.contact.name).toEqual(expect.any(String));
      expect(node.contact.loyaltyTier).toBe(tierOf(node.contact.id));
    }
    const viaRouter = callLines(emulator.calls);
    emulator.resetCalls();
    acquire.forgetRecords();
    const direct = await graphql(acquire.url, '{ cases(first: 3) { nodes { id title contact { __typename id name } } } }');
    expect(direct.data.cases.nodes.map((node: { title: string }) => node.title)).toEqual(nodes.map((node) => node.title));
    expect(viaRouter).toEqual(callLines(emulator.calls));
    // The page of cases, then the contact reads of the page, together.
    expect(viaRouter).toHaveLength(1 + new Set(nodes.map((node) => node.contact.id)).size);
  });

  it("resolves the other subgraph's 100 references to 12 contacts with 12 upstream reads, in one round", async () => {
    const answer = await graphql(routerUrl, '{ topContacts { id name loyaltyTier } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.topContacts).toHaveLength(100);
    for (const contact of answer.data.topContacts as Array<{ id: string; name: string; loyaltyTier: string }>) {
      expect(contact.name).toBe(names.get(contact.id));
      expect(contact.loyaltyTier).toBe(tierOf(contact.id));
    }
    const reads = contactReads(emulator.calls);
    expect(emulator.calls).toHaveLength(12);
    expect(reads.map((call) => call.path.split('/').pop()).sort()).toEqual([...contactIds].sort());
    expect(oneRound(reads)).toBe(true);
  });
});

describe('_entities on the subgraph itself', () => {
  const ENTITIES = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Contact { id name } ... on Case { id title } } }';

  it('reads 100 representations of 12 distinct contacts with 12 upstream reads in one round, and says what they cost', async () => {
    const representations = Array.from({ length: 100 }, (_, n) => ({ __typename: 'Contact', id: contactIds[n % 12] }));
    const answer = await graphql(acquire.url, ENTITIES, { representations });
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities.map((entity: { id: string }) => entity.id)).toEqual(representations.map((representation) => representation.id));
    expect(emulator.calls).toHaveLength(12);
    expect(contactReads(emulator.calls)).toHaveLength(12);
    expect(oneRound(emulator.calls)).toBe(true);
    // One read per representation is the estimate (and budget); 12 were made.
    expect(answer.extensions!.cost).toMatchObject({ requestedQueryCost: 100, actualQueryCost: 12 });
  });

  it('refuses hostile representations with BAD_USER_INPUT, each at its own place, without calling upstream for them', async () => {
    const hostile: unknown[] = [
      { __typename: 'Contact' },
      { __typename: 'Contact', id: 750905 },
      { __typename: 'Contact', id: '../../crm/objects/contact' },
      { __typename: 'Contact', id: '1 OR 1=1' },
      { __typename: 'Case', id: { $gt: '' } },
      { __typename: 'Query', id: '1' },
      { __typename: '__proto__', id: '1' },
      { __typename: 'NoSuchType', id: '1' },
      { id: '1' },
      'Contact:1',
      [],
    ];
    // One good representation among them is read and answered at its place.
    const representations = [...hostile.slice(0, 5), { __typename: 'Contact', id: contactIds[0] }, ...hostile.slice(5)];
    const answer = await graphql(acquire.url, ENTITIES, { representations });
    expect(answer.data._entities[5]).toEqual({ id: contactIds[0], name: names.get(contactIds[0]!) });
    const refused = (answer.errors ?? []).map((error) => [error.path, error.extensions?.code]).sort(([x], [y]) => Number((x as unknown[])[1]) - Number((y as unknown[])[1]));
    expect(refused).toEqual(representations.flatMap((_, at) => (at === 5 ? [] : [[['_entities', at], 'BAD_USER_INPUT']])));
    // The contact's name comes from its custom fields, which the read embeds.
    expect(callLines(emulator.calls)).toEqual([`GET /crm/objects/contact/${contactIds[0]}?relations=fields`]);
    const nothing = await graphql(acquire.url, ENTITIES, { representations: [null] });
    expect(codes(nothing)).toEqual(['BAD_USER_INPUT']);
    expect(emulator.calls).toHaveLength(1);
  });

  it('refuses more representations than the cost limit allows before reading any', async () => {
    const representations = Array.from({ length: 6_000 }, (_, n) => ({ __typename: 'Contact', id: contactIds[n % 12] }));
    const answer = await graphql(acquire.url, ENTITIES, { representations });
    expect(codes(answer)).toEqual(['QUERY_TOO_COSTLY']);
    expect(emulator.calls).toHaveLength(0);
  });

  it('still serves the whole schema, subscriptions included, on its own WebSocket endpoint', async () => {
    const client = connectLive(acquire.url, DEMO_API_KEY);
    try {
      const subscription = client.subscribe('subscription { caseEvents { type case { id } } }');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const closed = await graphql(acquire.url, 'mutation { closeCase(input: { caseId: "1196" }) { case { id } } }');
      expect(closed.errors).toBeUndefined();
      const event = await subscription.next(10_000);
      expect(event.data).toMatchObject({ caseEvents: { type: 'STATUS_CHANGED', case: { id: '1196' } } });
    } finally {
      await client.dispose();
    }
  });
});

/**
 * The examples as a front-end app runs them, through Apollo Client 4 and its normalised cache
 * (operations/apolloCache.ts): every object that has an `id` is selected with it, so an event
 * merges into what a page shows instead of making Apollo refetch it; every list that pages selects
 * `edges`, which `relayStylePagination` merges. Checked on every example (operations/, the
 * explorers' document, the README's blocks) and shown end to end: two pages merge into one list,
 * and a live event changes a case on the page with no request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ApolloClient, ApolloLink, HttpLink, gql, type ObservableQuery } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';
import {
  buildASTSchema,
  getNamedType,
  isObjectType,
  isInterfaceType,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
} from 'graphql';
import WebSocket from 'ws';
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { createGatewayCache } from '../../operations/apolloCache.js';
import { operation, request } from '../../operations/client.js';
import { EXAMPLE_DOCUMENT } from '../../src/server/intake/exampleDocument.js';
import { loadTypeDefs } from '../../src/schema.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { wsUrl } from '../helpers/liveClient.js';
import { sample, startGateway, type RunningGateway } from '../helpers/startGateway.js';

const root = new URL('../../', import.meta.url);

function graphqlFiles(folder: URL): Array<[string, string]> {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    if (entry.isDirectory()) return entry.name === '__generated__' ? [] : graphqlFiles(new URL(`${entry.name}/`, folder));
    return entry.name.endsWith('.graphql') ? [[new URL(entry.name, folder).pathname.slice(root.pathname.length), readFileSync(new URL(entry.name, folder), 'utf8')]] : [];
  });
}

const readmeBlocks = [...readFileSync(new URL('README.md', root), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map(
  (block, index): [string, string] => [`README.md block ${index + 1}`, block[1]!],
);
const examples: Array<[string, string]> = [...graphqlFiles(new URL('operations/', root)), ['the explorers’ example document', EXAMPLE_DOCUMENT], ...readmeBlocks];

/** Where a document selects an object that has an `id` without it, and where a paged list has no `edges`. */
function cacheFaults(schema: GraphQLSchema, document: DocumentNode): string[] {
  const faults: string[] = [];
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node: FieldNode) {
          path.push(node.alias?.value ?? node.name.value);
          const type = typeInfo.getType();
          if (!type || !node.selectionSet) return;
          const named = getNamedType(type);
          const selected = new Set(node.selectionSet.selections.flatMap((selection) => (selection.kind === 'Field' ? [selection.name.value] : [])));
          if ((isObjectType(named) || isInterfaceType(named)) && named.getFields().id && !selected.has('id')) faults.push(`${path.join('.')} (${named.name}) without id`);
          if (named.name.endsWith('Connection') && selected.has('pageInfo') && !selected.has('edges')) faults.push(`${path.join('.')} pages without edges`);
        },
        leave() {
          path.pop();
        },
      },
      InlineFragment(node) {
        const named = node.typeCondition && schema.getType(node.typeCondition.name.value);
        const selected = node.selectionSet.selections.some((selection) => selection.kind === 'Field' && selection.name.value === 'id');
        if (named && isObjectType(named) && named.getFields().id && !selected) faults.push(`${path.join('.')} ... on ${named.name} without id`);
      },
    }),
  );
  return faults;
}

describe('every example, as Apollo Client caches it', () => {
  const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));

  it('finds the examples: operations/, the explorers’ document and the README', () => {
    expect(examples.length).toBeGreaterThan(30);
    expect(examples.map(([where]) => where)).toEqual(expect.arrayContaining(['operations/live/inbox.graphql', 'operations/recentCases.graphql', 'README.md block 1']));
  });

  it.each(examples)('%s selects id on every object that has one, and pages with edges', (_where, text) => {
    const parsed = parse(text);
    // A README block may list several anonymous operations, each meant to be sent on its own.
    const fragments = parsed.definitions.filter((definition) => definition.kind !== 'OperationDefinition');
    for (const definition of parsed.definitions.filter((each) => each.kind === 'OperationDefinition')) {
      const document: DocumentNode = { ...parsed, definitions: [definition, ...fragments] };
      expect(validate(schema, document)).toEqual([]);
      expect(cacheFaults(schema, document)).toEqual([]);
    }
  });
});

describe('an inbox in Apollo Client against the gateway', () => {
  let emulator: Emulator;
  let gateway: RunningGateway;
  let client: ApolloClient;
  const posted: string[] = [];
  const disposers: Array<() => unknown> = [];

  beforeAll(async () => {
    emulator = await startDialectEmulator();
    gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY });
    const socket = createClient({ url: wsUrl(gateway.url), webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${DEMO_API_KEY}` }, retryAttempts: 0 });
    disposers.push(() => socket.dispose());
    const http = new HttpLink({
      uri: gateway.url,
      fetch: async (input, init) => {
        posted.push((JSON.parse(String(init?.body)) as { operationName: string }).operationName);
        return fetch(input, init);
      },
    });
    const ws = new GraphQLWsLink(socket);
    client = new ApolloClient({
      cache: createGatewayCache(),
      link: ApolloLink.split((request) => request.operationType === 'subscription', ws, http),
    });
    disposers.push(() => client.stop());
  });

  afterAll(async () => {
    for (const dispose of disposers.reverse()) await dispose();
    await gateway.stop();
    await emulator.stop();
  });

  /** What the watched page shows each time it changes. */
  function shown<Data>(query: ObservableQuery<Data>) {
    const emissions: Data[] = [];
    const waiting: Array<() => void> = [];
    const subscription = query.subscribe((result) => {
      if (result.dataState !== 'complete') return;
      emissions.push(result.data as Data);
      for (const wake of waiting.splice(0)) wake();
    });
    disposers.push(() => subscription.unsubscribe());
    return {
      emissions,
      async next(match: (data: Data) => boolean): Promise<Data> {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const found = emissions.find(match);
          if (found) return found;
          if (Date.now() > deadline) throw new Error(`not shown within 10 s; last: ${JSON.stringify(emissions.at(-1))}`);
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            setTimeout(resolve, 200);
          });
        }
      },
    };
  }

  interface Page {
    cases: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: { id: string; status: string } }> };
  }

  it('merges a second page into the list the first one began (fetchMore with after)', async () => {
    const query = client.watchQuery<Page>({ query: gql(operation('recentCases')), variables: { first: 3 } });
    const page = shown(query);
    const first = await page.next((data) => data.cases.edges.length === 3);
    await query.fetchMore({ variables: { after: first.cases.pageInfo.endCursor } });
    const both = await page.next((data) => data.cases.edges.length === 6);
    const ids = both.cases.edges.map((edge) => edge.node.id);
    expect(ids.slice(0, 3)).toEqual(first.cases.edges.map((edge) => edge.node.id));
    expect(new Set(ids).size).toBe(6);
  });

  it('shows a live event on the page it changes, with no request for the page', async () => {
    const query = client.watchQuery<Page>({ query: gql(operation('recentCases')), variables: { first: 5, filter: { status: 'ACTIVE' } } });
    const page = shown(query);
    const before = await page.next((data) => data.cases.edges.length > 0);
    const target = before.cases.edges[0]!.node.id;
    const events: string[] = [];
    const live = client.subscribe({ query: gql(readFileSync(new URL('operations/live/inbox.graphql', root), 'utf8')) }).subscribe((result) => {
      const event = (result.data as { caseEvents?: { type: string; case: { id: string } | null } } | undefined)?.caseEvents;
      if (event?.case) events.push(`${event.type} ${event.case.id}`);
    });
    disposers.push(() => live.unsubscribe());
    // Subscriptions start asynchronously: write only once the server has it.
    while (sample(await gateway.metrics(), 'live_subscriptions{field="caseEvents"}') < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    posted.length = 0;
    // Closed by another agent's app: Apollo learns it only from the event.
    const closed = await request(gateway.url, operation('closeCaseWithFeedback'), { caseId: target }, { Authorization: `Bearer ${DEMO_API_KEY}` });
    expect(closed.errors).toBeUndefined();
    const after = await page.next((data) => data.cases.edges.some((edge) => edge.node.id === target && edge.node.status === 'CLOSED'));
    expect(after.cases.edges.map((edge) => edge.node.id)).toEqual(before.cases.edges.map((edge) => edge.node.id));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(events).toContain(`STATUS_CHANGED ${target}`);
    // An event that left out an id would replace the contact or last message the page shows with
    // a part of it, and Apollo would fetch the whole page again to fill the rest.
    expect(posted).toEqual([]);
  });
});

/**
 * Pins the upstream cost of the benchmark's operations (bench/operations.ts), so that a change
 * that adds calls or round trips fails here before it shows in a benchmark.
 */
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { roundTrips } from '../../bench/criticalPath.js';
import { naiveContext } from '../../bench/naive/context.js';
import { findFixture, OPERATIONS, type Fixture } from '../../bench/operations.js';
import { graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

// Long enough that calls which overlap and calls which wait for each other are told apart, even
// when a busy machine delays the sending of a wave.
const LATENCY_MS = 200;

let emulator: Emulator;
let fixture: Fixture;
const gateways: Record<string, RunningGateway> = {};

beforeAll(async () => {
  emulator = await startDialectEmulator({ latencyMs: LATENCY_MS });
  fixture = await findFixture(emulator.url, DEMO_API_KEY);
  gateways.planned = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY });
  gateways.naive = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, contextFactory: naiveContext, coalesceReads: false, shareOperations: false });
  gateways.capped = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, maxConcurrentUpstreamCalls: 5 });
});

afterAll(async () => {
  for (const gateway of Object.values(gateways)) await gateway.stop();
  await emulator.stop();
});

/** What the operation costs on a cold gateway: nothing kept from an earlier read. */
async function cost(name: string, gateway = 'planned') {
  const operation = OPERATIONS.find((candidate) => candidate.name === name)!;
  gateways[gateway]!.forgetRecords();
  emulator.reset();
  const result = await graphql(gateways[gateway]!.url, operation.document, operation.variables(fixture));
  expect(result.errors).toBeUndefined();
  const calls = emulator.calls.slice();
  return { data: result.data, calls, roundTrips: roundTrips(calls), writes: calls.filter((call) => call.method !== 'GET').length };
}

function distinctContacts(nodes: Array<{ contact: { id: string } }>): number {
  return new Set(nodes.map((node) => node.contact.id)).size;
}

describe('upstream calls of the benchmark operations', () => {
  it('single case with everything: 2 calls (the case with its relations, the contact), 2 round trips', async () => {
    const { calls, roundTrips: trips, data } = await cost('singleCase');
    expect(data.case.parent).not.toBeNull();
    expect(calls.map((call) => call.path)).toEqual([`/crm/objects/case/${fixture.caseId}`, `/crm/objects/contact/${data.case.contactId}`]);
    expect(trips).toBe(2);
  });

  it('20 cases with contact, participants, messages, timeline, lastMessage: 1 list call + 1 per distinct contact, 2 round trips', async () => {
    const { calls, roundTrips: trips, data } = await cost('dashboard20');
    const contacts = distinctContacts(data.cases.nodes);
    expect(contacts).toBeGreaterThan(5);
    expect(calls.filter((call) => call.path === '/crm/objects/case')).toHaveLength(1);
    expect(calls.filter((call) => call.path.startsWith('/crm/objects/contact/'))).toHaveLength(contacts);
    expect(calls).toHaveLength(1 + contacts);
    expect(trips).toBe(2);
  });

  it('the same 20 cases read again: the list call alone, 1 round trip (the contacts are kept)', async () => {
    const cold = await cost('dashboard20');
    const operation = OPERATIONS.find((candidate) => candidate.name === 'dashboard20')!;
    emulator.resetCalls();
    const warm = await graphql(gateways.planned!.url, operation.document);
    expect(warm.data).toEqual(cold.data);
    expect(emulator.calls.map((call) => call.path)).toEqual(['/crm/objects/case']);
    expect(roundTrips(emulator.calls)).toBe(1);
  });

  it('100 cases with contact names: 1 list call + 1 per distinct contact, in waves of at most 40', async () => {
    const operation = OPERATIONS.find((candidate) => candidate.name === 'contactNames100')!;
    emulator.reset();
    const ids = await graphql(gateways.planned!.url, '{ cases(first: 100) { nodes { contactId } } }');
    const contacts = new Set(ids.data.cases.nodes.map((node: { contactId: string }) => node.contactId)).size;
    // Long calls here: issuing a wave of 20 must not outlast a call, or waves would blur on a busy machine.
    emulator.setLatencyMs(250);
    try {
      const { calls, roundTrips: trips } = await cost(operation.name);
      expect(calls).toHaveLength(1 + contacts);
      expect(trips).toBe(1 + Math.ceil(contacts / 40));
    } finally {
      emulator.setLatencyMs(LATENCY_MS);
    }
  });

  it('a message with its sender and case: the message, then its case and sender side by side', async () => {
    const { calls, roundTrips: trips } = await cost('messageWithSenderAndCase');
    expect(calls).toHaveLength(3);
    expect(trips).toBe(2);
  });

  it('a mutation followed by a read: one write, one read', async () => {
    const { calls, roundTrips: trips, writes } = await cost('mutationThenRead');
    expect(writes).toBe(1);
    expect(calls).toHaveLength(2);
    expect(trips).toBe(2);
  });
});

describe("a case's parent", () => {
  const ask = async (selection: string) => {
    emulator.reset();
    const result = await graphql(gateways.planned!.url, `query ($id: ID!) { case(id: $id) { parent ${selection} } }`, { id: fixture.caseId });
    expect(result.errors).toBeUndefined();
    expect(result.data.case.parent).not.toBeNull();
    return emulator.calls.map((call) => `${call.path}${call.query ? `?${decodeURIComponent(call.query)}` : ''}`);
  };

  it('comes embedded in the case when only its columns or its type are asked: one call', async () => {
    expect(await ask('{ __typename }')).toEqual([`/crm/objects/case/${fixture.caseId}?relations=parent`]);
    expect(await ask('{ id title }')).toEqual([`/crm/objects/case/${fixture.caseId}?relations=parent`]);
  });

  it('is read by id with its own relations when those are asked: two calls, not three', async () => {
    const calls = await ask('{ id messages { id } lastMessage { id } }');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatch(/^\/crm\/objects\/case\/\d+\?relations=messages$/);
  });
});

describe('the per-request cap on upstream calls in flight', () => {
  it('never has more than the cap in flight, however many contacts a page has', async () => {
    const { calls } = await cost('contactNames100', 'capped');
    const events = calls.flatMap((call) => [
      [call.startedAt, 1],
      [call.finishedAt, -1],
    ] as Array<[number, number]>);
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let inFlight = 0;
    let most = 0;
    for (const [, delta] of events) {
      inFlight += delta;
      most = Math.max(most, inFlight);
    }
    expect(most).toBe(5);
  });
});

describe('the naive baseline', () => {
  it('makes one upstream call per resolver: many times the planned cost', async () => {
    const planned = await cost('dashboard20');
    const naive = await cost('dashboard20', 'naive');
    expect(naive.data).toEqual(planned.data);
    expect(naive.calls.length).toBeGreaterThan(5 * planned.calls.length);
  });
});

// Pages of two query shapes; the test reads the fields it asserts on.
type Loose = any;

describe('last messages of an inbox page', () => {
  const INBOX = '{ cases(first: 20) { nodes { id title contact { name } lastMessage { id text } } } }';

  it("come from the cases' threads, read with the contacts in the second round trip: never the whole conversations", async () => {
    gateways.planned!.forgetRecords();
    emulator.reset();
    const result = await graphql(gateways.planned!.url, INBOX);
    expect(result.errors).toBeUndefined();
    const calls = emulator.calls.slice();
    const list = calls.filter((call) => call.path === '/crm/objects/case');
    expect(list).toHaveLength(1);
    expect(decodeURIComponent(list[0]!.query)).not.toContain('relations=messages');
    const threads = calls.filter((call) => call.path === '/crm/messenger/chat/messages');
    const contacts = calls.filter((call) => call.path.startsWith('/crm/objects/contact/'));
    const ids = await graphql(gateways.planned!.url, '{ cases(first: 20) { nodes { contactId threadId } } }');
    const nodes = ids.data.cases.nodes as Array<{ contactId: string; threadId: string }>;
    expect(threads).toHaveLength(new Set(nodes.map((node) => `${node.contactId}/${node.threadId}`)).size);
    expect(contacts).toHaveLength(new Set(nodes.map((node) => node.contactId)).size);
    expect(calls).toHaveLength(1 + threads.length + contacts.length);
    expect(roundTrips(calls)).toBe(2);
  });

  it("of one case: the case, then its thread; two calls", async () => {
    emulator.reset();
    const result = await graphql(gateways.planned!.url, 'query ($id: ID!) { case(id: $id) { lastMessage { id text } } }', { id: fixture.caseId });
    expect(result.errors).toBeUndefined();
    expect(emulator.calls.map((call) => call.path)).toEqual([`/crm/objects/case/${fixture.caseId}`, '/crm/messenger/chat/messages']);
  });

  it('are the same message whichever read answers, on reopened cases and on cases whose last line is a note or an event', async () => {
    const fromThreads = new Map<string, unknown>();
    const fromMessages = new Map<string, unknown>();
    const kinds = new Set<string>();
    let reopened = 0;
    for (let after: string | null = null; ; ) {
      const page: Loose = await graphql(
        gateways.planned!.url,
        'query ($after: String) { cases(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id parent { id } lastMessage { id type } } } }',
        { after },
      );
      const full: Loose = await graphql(
        gateways.planned!.url,
        'query ($after: String) { cases(first: 100, after: $after) { nodes { id messages { id } lastMessage { id type } } } }',
        { after },
      );
      for (const node of page.data.cases.nodes) {
        fromThreads.set(node.id, node.lastMessage);
        if (node.parent !== null) reopened += 1;
        if (node.lastMessage) kinds.add(node.lastMessage.type);
      }
      for (const node of full.data.cases.nodes) fromMessages.set(node.id, node.lastMessage);
      if (!page.data.cases.pageInfo.hasNextPage) break;
      after = page.data.cases.pageInfo.endCursor;
    }
    expect(fromThreads.size).toBe(250);
    expect(reopened).toBeGreaterThan(10);
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['EVENT', 'MESSAGE', 'NOTE']));
    expect(fromThreads).toEqual(fromMessages);
  });
});

/**
 * Pins the upstream cost of the benchmark's operations (bench/operations.ts), so that a change
 * that adds calls or round trips fails here before it shows in a benchmark.
 */
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
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
  emulator = await startEmulator({ latencyMs: LATENCY_MS });
  fixture = await findFixture(emulator.url, DEMO_API_KEY);
  gateways.planned = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY });
  gateways.naive = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, contextFactory: naiveContext, coalesceReads: false, shareOperations: false });
  gateways.capped = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, maxConcurrentUpstreamCalls: 5 });
});

afterAll(async () => {
  for (const gateway of Object.values(gateways)) await gateway.stop();
  await emulator.stop();
});

async function cost(name: string, gateway = 'planned') {
  const operation = OPERATIONS.find((candidate) => candidate.name === name)!;
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

  it('100 cases with contact names: 1 list call + 1 per distinct contact, in waves of at most 20', async () => {
    const operation = OPERATIONS.find((candidate) => candidate.name === 'contactNames100')!;
    emulator.reset();
    const ids = await graphql(gateways.planned!.url, '{ cases(first: 100) { nodes { contactId } } }');
    const contacts = new Set(ids.data.cases.nodes.map((node: { contactId: string }) => node.contactId)).size;
    // Long calls here: issuing a wave of 20 must not outlast a call, or waves would blur on a busy machine.
    emulator.setLatencyMs(250);
    try {
      const { calls, roundTrips: trips } = await cost(operation.name);
      expect(calls).toHaveLength(1 + contacts);
      expect(trips).toBe(1 + Math.ceil(contacts / 20));
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

/**
 * `extensions.cost` on every answer: the estimate an operation is admitted with, the upstream calls
 * it made (as the emulator counted them), and what was left of its budget.
 */
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { codes, graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  // Slow enough that concurrent identical queries overlap and share one execution.
  emulator = await startEmulator({ latencyMs: 150 });
  gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, limits: { maxDepth: 10, maxCost: 200, maxAliases: 30, maxTokens: 2000, maxNesting: 32 } });
});

afterAll(async () => {
  await gateway.stop();
  await emulator.stop();
});

beforeEach(() => emulator.reset());

it('reports the estimate, the calls made and the budget left of an executed query', async () => {
  const answer = await graphql(gateway.url, '{ cases(first: 3) { nodes { id contact { name } } } }');
  expect(answer.errors).toBeUndefined();
  const made = emulator.calls.length;
  expect(made).toBeGreaterThan(0);
  const cost = answer.extensions!.cost!;
  // The page as the schema prices it (3) and a contact read per case (3).
  expect(cost).toEqual({ requestedQueryCost: 6, actualQueryCost: made, throttleStatus: { maximumAvailable: 200, currentlyAvailable: 6 - made } });
  expect(made).toBeLessThanOrEqual(cost.requestedQueryCost);
});

it('reports the estimate of a refused query, and no call', async () => {
  const answer = await graphql(gateway.url, '{ cases(first: 100) { nodes { messages { id } users { user { name } } } } }');
  expect(codes(answer)).toEqual(['QUERY_TOO_COSTLY']);
  expect(answer.extensions!.cost).toEqual({ requestedQueryCost: expect.any(Number), actualQueryCost: 0, throttleStatus: { maximumAvailable: 200, currentlyAvailable: 0 } });
  expect(answer.extensions!.cost!.requestedQueryCost).toBeGreaterThan(200);
  expect(emulator.calls).toHaveLength(0);
});

it('reports a cost of 0 on an operation that never parsed', async () => {
  const answer = await graphql(gateway.url, '{ cases(first: ');
  expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
  expect(answer.extensions!.cost).toEqual({ requestedQueryCost: 0, actualQueryCost: 0, throttleStatus: { maximumAvailable: 200, currentlyAvailable: 0 } });
});

it('charges a shared execution to the request that ran it: the others report 0 calls', async () => {
  const QUERY = '{ case(id: "1001") { id title contact { name } } }';
  const answers = await Promise.all(Array.from({ length: 4 }, () => graphql(gateway.url, QUERY)));
  for (const answer of answers) expect(answer.data).toEqual(answers[0]!.data);
  const costs = answers.map((answer) => answer.extensions!.cost!);
  for (const cost of costs) expect(cost.requestedQueryCost).toBe(2);
  const actual = costs.map((cost) => cost.actualQueryCost).sort();
  // Every call the upstream saw is reported once, by the request that made it.
  expect(actual.reduce((sum, calls) => sum + calls, 0)).toBe(emulator.calls.length);
  expect(actual.filter((calls) => calls === 0).length).toBeGreaterThanOrEqual(1);
  for (const cost of costs) expect(cost.throttleStatus.currentlyAvailable).toBe(2 - cost.actualQueryCost);
});

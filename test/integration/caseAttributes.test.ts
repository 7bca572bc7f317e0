/** The documented case attributes the gateway did not expose, each read in the case list's one call. */
import { callLines, useStack } from '../helpers/emulatorSetup.js';
import { underDialect } from '../helpers/dialect.js';
import { graphql } from '../helpers/graphql.js';

const stack = useStack('calls');

describe('documented case attributes', () => {
  it('reads the queue columns and the wait as a number, selected in the one list call', async () => {
    const result = await graphql(stack.url, '{ cases(first: 3, filter: {status: QUEUE}) { nodes { queueId queueOrder meta waitTime waitSeconds } } }');
    expect(result.errors).toBeUndefined();
    const nodes = result.data.cases.nodes as Array<{ queueId: string; queueOrder: number; meta: unknown; waitTime: string; waitSeconds: number }>;
    expect(nodes.map((node) => node.queueOrder)).toEqual([1, 2, 3]);
    for (const node of nodes) {
      expect(node.queueId).toMatch(/^\d+$/);
      expect(node.meta).toEqual(expect.any(Object));
      expect(node.waitSeconds).toBe(Number(node.waitTime));
    }
    expect(callLines(stack.emulator.calls)).toEqual([
      underDialect({
        default: 'GET /crm/objects/case?limit=3&page=0&where=status|eq|queue&select=id&select=meta&select=queueId&select=queueOrder&select=waitTime',
        docs: 'GET /crm/objects/case?limit=200&page=0&where=status|eq|pending&select=id&select=meta&select=queueId&select=queueOrder&select=waitTime&select=status&select=dateActive',
      }),
    ]);
  });

  it('gives the agent who closed a case, from the directory: one list call and one directory call', async () => {
    const result = await graphql(stack.url, '{ cases(first: 10, filter: {status: CLOSED}) { nodes { closedById closedBy { id name } } } }');
    expect(result.errors).toBeUndefined();
    const nodes = result.data.cases.nodes as Array<{ closedById: string; closedBy: { id: string; name: string } | null }>;
    const agents = nodes.filter((node) => node.closedById !== '99');
    expect(agents.length).toBeGreaterThan(0);
    for (const node of agents) expect(node.closedBy).toEqual({ id: node.closedById, name: expect.any(String) });
    const lines = callLines(stack.emulator.calls);
    expect(lines[0]).toBe('GET /crm/objects/case?limit=10&page=0&where=status|eq|closed&select=closedBy&select=id');
    expect(lines.slice(1)).toEqual([new Set(agents.map((node) => node.closedById)).size > 1 ? 'GET /account/user' : `GET /account/user/${agents[0]!.closedById}`]);
  });

  it('reads whole rows for timelineId, which the list cannot select', async () => {
    const result = await graphql(stack.url, '{ cases(first: 2) { nodes { id timelineId } } }');
    expect(result.errors).toBeUndefined();
    for (const node of result.data.cases.nodes) expect(node.timelineId).toMatch(/^\d+$/);
    expect(callLines(stack.emulator.calls)).toEqual(['GET /crm/objects/case?limit=2&page=0']);
  });

  it('embeds the tags relation in the list call', async () => {
    const result = await graphql(stack.url, '{ cases(first: 2) { nodes { id tags { id name } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.cases.nodes.map((node: { tags: unknown[] }) => node.tags)).toEqual([[], []]);
    expect(callLines(stack.emulator.calls)).toEqual(['GET /crm/objects/case?limit=2&page=0&relations=tags&select=id']);
  });

  it('reads tags in the shape the upstream sends them', async () => {
    stack.emulator.setFaults([
      { method: 'GET', path: '^/crm/objects/case/1001$', status: 200, body: JSON.stringify({ data: { id: 1001, tags: [{ id: 3, name: 'vip', type: 'case' }] } }) },
    ]);
    const result = await graphql(stack.url, '{ case(id: "1001") { tags { id name } } }');
    expect(result.data.case.tags).toEqual([{ id: '3', name: 'vip' }]);
    expect(callLines(stack.emulator.calls)).toEqual(['GET /crm/objects/case/1001?relations=tags']);
  });
});

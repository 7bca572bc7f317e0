/**
 * Taking a chat from the queue and turning one down (joinCase, rejectCase, after the 2021 drafts'
 * join and reject endpoints), under both emulator dialects: the waiting view moves with them.
 */
import { callLines, useStack } from '../helpers/emulatorSetup.js';
import { codes, graphql } from '../helpers/graphql.js';

const stack = useStack('reset');

const QUEUE = '{ cases(first: 20, filter: {status: QUEUE}) { totalCount nodes { id } } }';
const CASE = 'id status queueId dateActive users { type status user { name } }';

async function queued(): Promise<{ totalCount: number; ids: string[] }> {
  const result = await graphql(stack.url, QUEUE);
  expect(result.errors).toBeUndefined();
  return { totalCount: result.data.cases.totalCount, ids: result.data.cases.nodes.map((node: { id: string }) => node.id) };
}

describe('joinCase and rejectCase', () => {
  it('takes a waiting case with one call: ACTIVE, the key’s agent among its users, and out of the queue', async () => {
    const before = await queued();
    expect(before.totalCount).toBe(3);
    const caseId = before.ids[0]!;
    stack.emulator.resetCalls();
    const joined = await graphql(stack.url, `mutation ($id: ID!) { joinCase(input: {caseId: $id}) { case { ${CASE} } } }`, { id: caseId });
    expect(joined.errors).toBeUndefined();
    expect(joined.data.joinCase.case).toMatchObject({ id: caseId, status: 'ACTIVE', queueId: null, dateActive: expect.any(String) });
    expect(joined.data.joinCase.case.users).toContainEqual({ type: 'USER', status: 'joined', user: { name: 'Support Bot' } });
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/messenger/chat/join']);
    const after = await queued();
    expect(after.totalCount).toBe(2);
    expect(after.ids).not.toContain(caseId);
  });

  it('sends a case back to the queue: QUEUE again, the key’s participation rejected', async () => {
    const { ids } = await queued();
    const caseId = ids[1]!;
    await graphql(stack.url, 'mutation ($id: ID!) { joinCase(input: {caseId: $id}) { case { id } } }', { id: caseId });
    stack.emulator.resetCalls();
    const rejected = await graphql(stack.url, `mutation ($id: ID!) { rejectCase(input: {caseId: $id}) { case { ${CASE} } } }`, { id: caseId });
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data.rejectCase.case).toMatchObject({ id: caseId, status: 'QUEUE', queueId: '15', dateActive: null });
    // The drafts' answer embeds no user in its participants: the agent is looked up, and the key's
    // pseudo-agent is in no agent directory, so its participation is there and its user null.
    expect(rejected.data.rejectCase.case.users).toContainEqual({ type: 'USER', status: 'rejected', user: null });
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/messenger/chat/reject', 'GET /account/user/99']);
    const read = await graphql(stack.url, 'query ($id: ID!) { case(id: $id) { status } }', { id: caseId });
    expect(read.data.case.status).toBe('QUEUE');
    expect((await queued()).ids).toContain(caseId);
  });

  it('answers a closed case with the upstream’s refusal, and refuses a malformed id before any call', async () => {
    const closed = (await graphql(stack.url, '{ cases(first: 1, filter: {status: CLOSED}) { nodes { id } } }')).data.cases.nodes[0].id;
    const refused = await graphql(stack.url, 'mutation ($id: ID!) { joinCase(input: {caseId: $id}) { case { id } } }', { id: closed });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toContain('closed');
    stack.emulator.resetCalls();
    for (const id of ['abc', '-1', '1'.repeat(40), '1 OR 1=1']) {
      const hostile = await graphql(stack.url, 'mutation ($id: ID!) { rejectCase(input: {caseId: $id}) { case { id } } }', { id });
      expect(codes(hostile)).toEqual(['BAD_USER_INPUT']);
    }
    expect(stack.emulator.calls).toHaveLength(0);
  });

  it.each([
    ['a string', '{"data": "x"}'],
    ['a case without an id', '{"data": {"id": {"$gt": 1}, "status": "active"}}'],
    ['HTML', '<html>oops</html>'],
  ])('reports an answer to join that is %s as UPSTREAM_ERROR, and stays up', async (_what, body) => {
    stack.emulator.setFaults([{ method: 'POST', path: '^/crm/messenger/chat/join$', status: 200, body }]);
    const result = await graphql(stack.url, 'mutation { joinCase(input: {caseId: "1191"}) { case { id } } }');
    expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
    stack.emulator.setFaults([]);
    expect((await graphql(stack.url, '{ case(id: "1191") { id } }')).data.case.id).toBe('1191');
  });
});

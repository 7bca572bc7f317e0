/**
 * The queue, an inbox's first view, and the UNKNOWN fallback of every enumeration read from the
 * upstream: a value the gateway does not know reads as UNKNOWN, never as a wrong known value.
 */
import { callLines, useStack } from '../helpers/emulatorSetup.js';
import { underDialect } from '../helpers/dialect.js';
import { codes, graphql } from '../helpers/graphql.js';

const stack = useStack('calls');

describe('the queue', () => {
  it('reads the upstream status `queue` as QUEUE and filters on it with one call', async () => {
    const result = await graphql(stack.url, '{ cases(first: 20, filter: {status: QUEUE}) { totalCount nodes { id status dateQueue } } }');
    expect(result.errors).toBeUndefined();
    const { totalCount, nodes } = result.data.cases;
    expect(totalCount).toBe(3);
    expect(nodes.map((node: { status: string }) => node.status)).toEqual(['QUEUE', 'QUEUE', 'QUEUE']);
    expect(callLines(stack.emulator.calls)).toEqual([
      underDialect({
        default: 'GET /crm/objects/case?limit=20&page=0&where=status|eq|queue&select=dateQueue&select=id&select=status',
        docs: 'GET /crm/objects/case?limit=200&page=0&where=status|eq|pending&select=dateQueue&select=id&select=status&select=queueId&select=dateActive',
      }),
    ]);
  });

  it('refuses a filter on UNKNOWN before any call', async () => {
    const result = await graphql(stack.url, '{ cases(filter: {status: UNKNOWN}) { totalCount } }');
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls).toHaveLength(0);
  });
});

describe('values the gateway does not know', () => {
  it('reads an unknown participant type as UNKNOWN, neither an agent nor the contact', async () => {
    stack.emulator.setFaults([
      {
        method: 'GET',
        path: '^/crm/objects/case/1001$',
        status: 200,
        body: JSON.stringify({
          data: {
            id: 1001,
            contactId: 750901,
            users: [
              { id: 1, caseId: 1001, type: 'bot', userId: 12, role: 'owner', status: 'active', user: { id: 12, name: 'Routing bot', type: 'bot' } },
              { id: 2, caseId: 1001, type: 'user', userId: 12, role: 'owner', status: 'active', user: { id: 12, name: 'Chloe', type: 'user' } },
            ],
          },
        }),
      },
    ]);
    const result = await graphql(stack.url, '{ case(id: "1001") { users { id type user { id name } contact { id } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.case.users).toEqual([
      { id: '1', type: 'UNKNOWN', user: null, contact: null },
      { id: '2', type: 'USER', user: { id: '12', name: 'Chloe' }, contact: null },
    ]);
    expect(stack.emulator.calls).toHaveLength(1);
  });

  it('reads an unknown sender type as UNKNOWN, with no sender and no call to look one up', async () => {
    stack.emulator.setFaults([
      {
        method: 'GET',
        path: '^/crm/objects/case-message/8001$',
        status: 200,
        body: JSON.stringify({ data: { id: 8001, caseId: 1001, senderId: 5, senderType: 'bot', type: 'message', message: 'Routing you now' } }),
      },
    ]);
    const result = await graphql(stack.url, '{ message(id: "8001") { senderType senderId sender { __typename } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.message).toEqual({ senderType: 'UNKNOWN', senderId: '5', sender: null });
    expect(callLines(stack.emulator.calls)).toEqual(['GET /crm/objects/case-message/8001']);
  });

  it('refuses UNKNOWN as the sender type of a message before any call', async () => {
    const result = await graphql(stack.url, 'mutation { sendMessage(input: {caseId: "1001", text: "hi", senderType: UNKNOWN}) { message { id } } }');
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.argumentName).toBe('input.senderType');
    expect(stack.emulator.calls).toHaveLength(0);
  });
});

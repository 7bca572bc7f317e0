/** Snoozing a case and removing the snooze, with the upstream calls pinned and the docs' failures mapped. */
import { callLines, useStack } from '../helpers/emulatorSetup.js';
import { codes, graphql, type GraphQLResult } from '../helpers/graphql.js';

const stack = useStack('reset');
let caseId: string;

const SNOOZE = `mutation ($input: SnoozeCaseInput!) {
  snoozeCase(input: $input) { snooze { id caseId contactId until message authorId author { id name } } case { id status contact { id } } }
}`;
const UNSNOOZE = 'mutation ($id: ID!) { unsnoozeCase(input: { snoozeId: $id }) { deletedSnoozeId } }';

/** An ISO time `days` from now, on a whole minute plus `extra` (e.g. '.250Z'). */
const inDays = (days: number, extra = '.000Z'): string => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16)}:00${extra}`;

beforeAll(async () => {
  caseId = (await graphql(stack.url, '{ cases(first: 1, filter: { status: ACTIVE }) { nodes { id } } }')).data.cases.nodes[0].id;
});

async function snooze(until: string, message?: string): Promise<GraphQLResult<any>> {
  return graphql(stack.url, SNOOZE, { input: { caseId, until, ...(message === undefined ? {} : { message }) } });
}

describe('snoozeCase', () => {
  it('snoozes a case with one write and reads the case after it; the snooze says until when and who set it', async () => {
    const until = inDays(2);
    const result = await snooze(until, 'Customer is away until Wednesday');
    expect(result.errors).toBeUndefined();
    const { snooze: made, case: snoozed } = result.data.snoozeCase;
    expect(made).toEqual({
      id: expect.stringMatching(/^\d+$/),
      caseId,
      contactId: snoozed.contact.id,
      until,
      message: 'Customer is away until Wednesday',
      authorId: '99',
      author: { id: '99', name: 'Support Bot' },
    });
    expect(snoozed).toMatchObject({ id: caseId, status: 'ACTIVE' });
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/follow-up/create', `GET /crm/objects/case/${caseId}`]);
  });

  it('sends the time in UTC, rounded up to the whole second the upstream keeps', async () => {
    const until = inDays(1, '.250+02:00');
    const result = await snooze(until);
    expect(result.errors).toBeUndefined();
    const expected = new Date(Math.ceil(Date.parse(until) / 1000) * 1000).toISOString();
    expect(result.data.snoozeCase.snooze).toMatchObject({ until: expected, message: '' });
  });

  it('refuses a time that has passed, a malformed id or time and an overlong message, before any call', async () => {
    for (const [input, argumentName] of [
      [{ caseId, until: '2021-04-05T13:44:12Z' }, 'input.until'],
      [{ caseId: 'abc', until: inDays(1) }, 'input.caseId'],
      [{ caseId: '-3', until: inDays(1) }, 'input.caseId'],
      [{ caseId, until: inDays(1), message: 'x'.repeat(501) }, 'input.message'],
    ] as const) {
      const result = await graphql(stack.url, SNOOZE, { input });
      expect({ argumentName, codes: codes(result), named: result.errors?.[0]?.extensions?.argumentName }).toEqual({ argumentName, codes: ['BAD_USER_INPUT'], named: argumentName });
    }
    // The upstream's own form is not a DateTime: the variable is refused before the resolver runs.
    expect(codes(await graphql(stack.url, SNOOZE, { input: { caseId, until: '2099-04-05 13:44:12' } }))).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls).toHaveLength(0);
  });

  it('is NOT_FOUND for a case the upstream does not have, with the one write and no read', async () => {
    const result = await graphql(stack.url, SNOOZE, { input: { caseId: '99999', until: inDays(1) } });
    expect(codes(result)).toEqual(['NOT_FOUND']);
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/follow-up/create']);
  });

  it('never sends the write twice, whatever the upstream answers', async () => {
    stack.emulator.setFaults([{ method: 'POST', path: '^/crm/follow-up/create$', status: 503, times: 1 }]);
    expect(codes(await snooze(inDays(1)))).toEqual(['UPSTREAM_ERROR']);
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/follow-up/create']);
  });

  it('is an UPSTREAM_ERROR, not a snooze, when the answer does not say success', async () => {
    stack.emulator.setFaults([{ method: 'POST', path: '^/crm/follow-up/create$', status: 200, body: '{"data":{"success":false,"message":"Snooze not added"}}', times: 1 }]);
    const result = await snooze(inDays(1));
    expect(codes(result)).toEqual(['UPSTREAM_ERROR']);
    expect(result.data).toBeNull();
  });
});

describe('unsnoozeCase', () => {
  it('removes a snooze the key set with one call; a second removal is NOT_FOUND', async () => {
    const id = (await snooze(inDays(1))).data.snoozeCase.snooze.id;
    stack.emulator.resetCalls();
    expect((await graphql(stack.url, UNSNOOZE, { id })).data).toEqual({ unsnoozeCase: { deletedSnoozeId: id } });
    expect(callLines(stack.emulator.calls)).toEqual([`DELETE /crm/follow-up/${id}`]);
    const again = await graphql(stack.url, UNSNOOZE, { id });
    expect(codes(again)).toEqual(['NOT_FOUND']);
    expect(again.errors![0]!.message).toContain(`no snooze ${id}`);
  });

  it('is FORBIDDEN for a snooze an agent set, saying that only its creator may remove it', async () => {
    // Seeded snoozes 51 and 52 were set by agents, not by the key.
    const result = await graphql(stack.url, UNSNOOZE, { id: '51' });
    expect(codes(result)).toEqual(['FORBIDDEN']);
    expect(result.errors![0]!.message).toContain('only the agent who created a snooze may remove it');
    expect(result.errors![0]!.extensions).toMatchObject({ upstreamStatus: 403, upstreamType: 'ERROR_UNAUTHORIZED_ACCESS' });
  });

  it('says that the endpoint is under construction when the upstream answers as if it had none', async () => {
    stack.emulator.setFaults([
      { method: 'DELETE', path: '^/crm/follow-up/', status: 405, body: '{"message":"Method Not Allowed"}', times: 1 },
      { method: 'DELETE', path: '^/crm/follow-up/', status: 404, body: '{"message":"Cannot DELETE"}', times: 1 },
    ]);
    const notServed = await graphql(stack.url, UNSNOOZE, { id: '51' });
    expect(codes(notServed)).toEqual(['UPSTREAM_ERROR']);
    expect(notServed.errors![0]!.message).toContain('under construction');
    const missing = await graphql(stack.url, UNSNOOZE, { id: '51' });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.errors![0]!.message).toContain('under construction');
    // Each failed removal was sent once.
    expect(callLines(stack.emulator.calls)).toEqual(['DELETE /crm/follow-up/51', 'DELETE /crm/follow-up/51']);
  });

  it('refuses a malformed snooze id before any call', async () => {
    for (const id of ['x', '0', '1.5']) {
      const result = await graphql(stack.url, UNSNOOZE, { id });
      expect({ id, codes: codes(result), named: result.errors?.[0]?.extensions?.argumentName }).toEqual({ id, codes: ['BAD_USER_INPUT'], named: 'input.snoozeId' });
    }
    expect(stack.emulator.calls).toHaveLength(0);
  });
});

import { callLines, countCalls, useStack } from '../helpers/emulatorSetup.js';
import { codes, graphql } from '../helpers/graphql.js';

const stack = useStack('reset');

interface Found {
  id: string;
  contactId: string;
  threadId: string;
}

async function findCase(filter: string): Promise<Found> {
  const result = await graphql(stack.url, `{ cases(first: 1, filter: ${filter}) { nodes { id contactId threadId } } }`);
  const found = result.data.cases.nodes[0];
  if (!found) throw new Error(`no case matches ${filter}`);
  stack.emulator.resetCalls();
  return found;
}

const SEND = `mutation ($input: SendMessageInput!) {
  sendMessage(input: $input) { message { id caseId channel type text senderType sender { __typename } dateCreated } }
}`;
const MESSAGES = 'query ($id: ID!) { case(id: $id) { messages { id text } lastMessage { id text } } }';

describe('sendMessage', () => {
  it('sends a chat message with one add-message call, and later reads see it last', async () => {
    const target = await findCase('{status: ACTIVE, channel: CHAT}');
    const result = await graphql(stack.url, SEND, { input: { caseId: target.id, text: 'Hello from the gateway' } });
    expect(result.errors).toBeUndefined();
    const message = result.data.sendMessage.message;
    expect(message).toMatchObject({ caseId: target.id, channel: 'CHAT', type: 'MESSAGE', text: 'Hello from the gateway', senderType: 'USER' });
    expect(countCalls(stack.emulator.calls, 'POST', /^\/crm\/messenger\/chat\/add-message$/)).toBe(1);
    expect(stack.emulator.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(callLines(stack.emulator.calls)).toContain(`POST /crm/messenger/chat/add-message?x-user-type=user&contactId=${target.contactId}`);

    const after = await graphql(stack.url, MESSAGES, { id: target.id });
    expect(after.data.case.messages.at(-1)).toEqual({ id: message.id, text: 'Hello from the gateway' });
    expect(after.data.case.lastMessage).toEqual({ id: message.id, text: 'Hello from the gateway' });
  });

  it('sends as the contact when asked', async () => {
    const target = await findCase('{status: ACTIVE, channel: CHAT}');
    const result = await graphql(stack.url, SEND, { input: { caseId: target.id, text: 'I am the customer', senderType: 'CONTACT' } });
    expect(result.data.sendMessage.message).toMatchObject({ senderType: 'CONTACT', sender: { __typename: 'Contact' } });
    expect(callLines(stack.emulator.calls).filter((line) => line.startsWith('POST'))).toEqual([
      `POST /crm/messenger/chat/add-message?x-user-type=contact&contactId=${target.contactId}`,
    ]);
  });

  it('sends an email with one mail call, under the id the message endpoints know', async () => {
    const target = await findCase('{status: ACTIVE, channel: EMAIL}');
    const result = await graphql(stack.url, SEND, {
      input: {
        caseId: target.id,
        channel: 'EMAIL',
        email: { from: 'support@example.com', to: ['customer@example.org'], cc: ['lead@example.com'], subject: 'Refund', html: '<p>Your refund is on its way.</p>' },
      },
    });
    expect(result.errors).toBeUndefined();
    const message = result.data.sendMessage.message;
    expect(message).toMatchObject({ caseId: target.id, channel: 'EMAIL', text: '<p>Your refund is on its way.</p>' });
    expect(countCalls(stack.emulator.calls, 'POST', /^\/mail\/add-message$/)).toBe(1);
    expect(stack.emulator.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    const read = await graphql(stack.url, 'query ($id: ID!) { message(id: $id) { id caseId text } }', { id: message.id });
    expect(read.data.message).toEqual({ id: message.id, caseId: target.id, text: '<p>Your refund is on its way.</p>' });
  });

  it('sends an SMS with one send-sms call, after reading the case for its thread and timeline', async () => {
    const target = await findCase('{status: ACTIVE, channel: SMS}');
    const result = await graphql(stack.url, SEND, {
      input: { caseId: target.id, channel: 'SMS', text: 'Your order shipped', sms: { from: '+12513188609', to: '+919666929552' } },
    });
    expect(result.errors).toBeUndefined();
    const message = result.data.sendMessage.message;
    expect(message).toMatchObject({ caseId: target.id, type: 'SMS', text: 'Your order shipped' });
    // The sender selected in the payload is the one the answer embeds: no agent read.
    expect(callLines(stack.emulator.calls)).toEqual([`GET /crm/objects/case/${target.id}?relations=timeline`, 'POST /voip/send-sms?x-user-type=user']);
    const read = await graphql(stack.url, 'query ($id: ID!) { message(id: $id) { id text type } }', { id: message.id });
    expect(read.data.message).toEqual({ id: message.id, text: 'Your order shipped', type: 'SMS' });
  });

  it('passes the upstream refusal of a closed case on as BAD_USER_INPUT', async () => {
    const target = await findCase('{status: CLOSED, channel: CHAT}');
    const result = await graphql(stack.url, SEND, { input: { caseId: target.id, text: 'too late' } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/active/i);
    expect(result.data).toBeNull();
  });

  it('is NOT_FOUND for a case that does not exist, without posting anything', async () => {
    const result = await graphql(stack.url, SEND, { input: { caseId: '999999', text: 'hello?' } });
    expect(codes(result)).toEqual(['NOT_FOUND']);
    expect(stack.emulator.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });
});

describe('updateMessage and deleteMessage', () => {
  it('changes the text that later reads return', async () => {
    const target = await findCase('{status: ACTIVE, channel: CHAT}');
    const sent = await graphql(stack.url, SEND, { input: { caseId: target.id, text: 'typo hre' } });
    const id = sent.data.sendMessage.message.id;
    const updated = await graphql(stack.url, 'mutation ($id: ID!) { updateMessage(input: {id: $id, text: "typo here"}) { message { id text dateUpdated } } }', { id });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateMessage.message).toMatchObject({ id, text: 'typo here' });
    expect(updated.data.updateMessage.message.dateUpdated).toEqual(expect.any(String));
    const read = await graphql(stack.url, 'query ($id: ID!) { message(id: $id) { text } }', { id });
    expect(read.data.message.text).toBe('typo here');
  });

  it('deletes a message so that later reads no longer find it', async () => {
    const target = await findCase('{status: ACTIVE, channel: CHAT}');
    const before = await graphql(stack.url, MESSAGES, { id: target.id });
    const victim = before.data.case.messages[1];
    const deleted = await graphql(stack.url, 'mutation ($id: ID!) { deleteMessage(input: {id: $id}) { deletedMessageId } }', { id: victim.id });
    expect(deleted.data).toEqual({ deleteMessage: { deletedMessageId: victim.id } });
    expect(countCalls(stack.emulator.calls, 'DELETE', /^\/crm\/objects\/case-message\/\d+$/)).toBe(1);
    const gone = await graphql(stack.url, 'query ($id: ID!) { message(id: $id) { id } }', { id: victim.id });
    expect(codes(gone)).toEqual(['NOT_FOUND']);
    const after = await graphql(stack.url, MESSAGES, { id: target.id });
    expect(after.data.case.messages.map((message: { id: string }) => message.id)).not.toContain(victim.id);
    expect(after.data.case.messages).toHaveLength(before.data.case.messages.length - 1);
    const again = await graphql(stack.url, 'mutation ($id: ID!) { deleteMessage(input: {id: $id}) { deletedMessageId } }', { id: victim.id });
    expect(codes(again)).toEqual(['NOT_FOUND']);
  });
});

describe('case lifecycle', () => {
  it('creates a case with a first message, closes it, and reopens its thread', async () => {
    const created = await graphql(
      stack.url,
      `mutation { createCase(input: {contactId: "750905", title: "Billing question", message: "Why was I charged twice?"}) {
        case { id status channel title description threadId contactId contact { id name email } }
      } }`,
    );
    expect(created.errors).toBeUndefined();
    const fresh = created.data.createCase.case;
    expect(fresh).toMatchObject({ status: 'ACTIVE', channel: 'CHAT', title: 'Billing question', description: 'Why was I charged twice?', contactId: '750905' });
    expect(fresh.threadId).toBe(fresh.id);
    // The create answer carries the contact's fields (as an array of field records): no extra read.
    expect(fresh.contact.id).toBe('750905');
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/messenger/chat/create?contactId=750905']);

    const closed = await graphql(
      stack.url,
      'mutation ($id: ID!) { closeCase(input: {caseId: $id, closingState: "handled", askFeedback: true}) { case { id status dateClosed closingState } } }',
      { id: fresh.id },
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeCase.case).toMatchObject({ id: fresh.id, status: 'CLOSED', closingState: 'handled' });
    expect(closed.data.closeCase.case.dateClosed).toEqual(expect.any(String));

    const twice = await graphql(stack.url, 'mutation ($id: ID!) { closeCase(input: {caseId: $id}) { case { id } } }', { id: fresh.id });
    expect(codes(twice)).toEqual(['BAD_USER_INPUT']);

    const reopened = await graphql(
      stack.url,
      'mutation ($t: ID!) { reopenCase(input: {contactId: "750905", threadId: $t, message: "Back again"}) { case { id status threadId parent { id status } } } }',
      { t: fresh.threadId },
    );
    expect(reopened.errors).toBeUndefined();
    const next = reopened.data.reopenCase.case;
    expect(next.id).not.toBe(fresh.id);
    expect(next).toMatchObject({ status: 'ACTIVE', threadId: fresh.threadId, parent: { id: fresh.id, status: 'CLOSED' } });

    const thread = await graphql(stack.url, 'query ($t: ID!) { thread(contactId: "750905", threadId: $t) { id status } }', { t: fresh.threadId });
    expect(thread.data.thread.map((item: { id: string }) => item.id)).toEqual([fresh.id, next.id]);

    const conflict = await graphql(stack.url, 'mutation ($t: ID!) { reopenCase(input: {contactId: "750905", threadId: $t}) { case { id } } }', {
      t: fresh.threadId,
    });
    expect(codes(conflict)).toEqual(['CONFLICT']);
  });

  it('is NOT_FOUND when creating a case for a contact that does not exist', async () => {
    const result = await graphql(stack.url, 'mutation { createCase(input: {contactId: "1"}) { case { id } } }');
    expect(codes(result)).toEqual(['NOT_FOUND']);
  });

  it('invites agents and departments, one invitation per agent', async () => {
    const target = await findCase('{status: ACTIVE}');
    const users = await graphql(stack.url, '{ users { id } }');
    const [first, second] = users.data.users.map((user: { id: string }) => user.id);
    const result = await graphql(
      stack.url,
      'mutation ($id: ID!, $agents: [ID!]) { inviteToCase(input: {caseId: $id, agentIds: $agents}) { invitations { userId online sent } } }',
      { id: target.id, agents: [first, second, first] },
    );
    expect(result.errors).toBeUndefined();
    const invitations = result.data.inviteToCase.invitations;
    expect(invitations.map((invitation: { userId: string }) => invitation.userId).sort()).toEqual([first, second].sort());
    for (const invitation of invitations) expect(invitation.sent).toBe(invitation.online);

    const byDepartment = await graphql(stack.url, 'mutation ($id: ID!) { inviteToCase(input: {caseId: $id, departmentIds: ["2"]}) { invitations { userId } } }', {
      id: target.id,
    });
    expect(byDepartment.data.inviteToCase.invitations.length).toBeGreaterThan(0);
  });
});

describe('what a write changes, later in the same request', () => {
  it("shows a case closed in the contact's cases too, after that contact's cases were read before the close", async () => {
    const target = await findCase('{status: ACTIVE, channel: CHAT}');
    const CASES = 'contact { cases { id status } }';
    const result = await graphql(
      stack.url,
      `mutation ($input: SendMessageInput!, $close: CloseCaseInput!) {
        a: sendMessage(input: $input) { message { case { ${CASES} } } }
        b: closeCase(input: $close) { case { status ${CASES} } }
      }`,
      { input: { caseId: target.id, text: 'Closing now' }, close: { caseId: target.id } },
    );
    expect(result.errors).toBeUndefined();
    const statusIn = (cases: Array<{ id: string; status: string }>) => cases.find((item) => item.id === target.id)?.status;
    expect(statusIn(result.data.a.message.case.contact.cases)).toBe('ACTIVE');
    expect(result.data.b.case.status).toBe('CLOSED');
    expect(statusIn(result.data.b.case.contact.cases)).toBe('CLOSED');
  });
});

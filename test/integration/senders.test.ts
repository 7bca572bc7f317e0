/**
 * Senders as the upstream names them, and email bodies as the caller means them, with the calls
 * pinned: an embedded sender costs no directory read.
 */
import { callLines, useStack } from '../helpers/emulatorSetup.js';
import { codes, graphql } from '../helpers/graphql.js';

const stack = useStack('reset');

async function firstCase(filter: string): Promise<{ id: string; contactId: string; messages: Array<{ id: string; senderType: string; senderId: string }> }> {
  const result = await graphql(stack.url, `{ cases(first: 1, filter: ${filter}) { nodes { id contactId messages { id senderType senderId } } } }`);
  stack.emulator.resetCalls();
  return result.data.cases.nodes[0];
}

const SENDER = 'sender { __typename ... on User { id name } ... on Contact { id } }';
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id text senderType ${SENDER} email { subject from { email name } to { email name } cc { email } bcc { email } } sms { from to status } } } }`;

describe('senders from the payload', () => {
  it("names the API key's pseudo-agent as the sender of what the key sends, with no directory read", async () => {
    const target = await firstCase('{status: ACTIVE, channel: CHAT}');
    const sent = await graphql(stack.url, SEND, { input: { caseId: target.id, text: 'On it.' } });
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendMessage.message.sender).toEqual({ __typename: 'User', id: '99', name: 'Support Bot' });
    expect(callLines(stack.emulator.calls)).toEqual([`GET /crm/objects/case/${target.id}`, `POST /crm/messenger/chat/add-message?x-user-type=user&contactId=${target.contactId}`]);

    stack.emulator.resetCalls();
    const id = sent.data.sendMessage.message.id;
    const edited = await graphql(stack.url, `mutation ($id: ID!) { updateMessage(input: {id: $id, text: "On it now."}) { message { text ${SENDER} } } }`, { id });
    expect(edited.data.updateMessage.message).toEqual({ text: 'On it now.', sender: { __typename: 'User', id: '99', name: 'Support Bot' } });
    expect(callLines(stack.emulator.calls)).toEqual([`POST /crm/messenger/chat/message/${id}`]);

    stack.emulator.resetCalls();
    const read = await graphql(stack.url, `query ($id: ID!) { message(id: $id) { ${SENDER} } }`, { id });
    expect(read.data.message.sender).toEqual({ __typename: 'User', id: '99', name: 'Support Bot' });
    expect(callLines(stack.emulator.calls)).toEqual([`GET /crm/objects/case-message/${id}`]);
  });

  it("reads an agent's message with its embedded sender in one call", async () => {
    const target = await firstCase('{status: ACTIVE, channel: CHAT}');
    const fromAgent = target.messages.find((message) => message.senderType === 'USER' && message.senderId !== '99');
    if (!fromAgent) throw new Error('the seed has no agent message in an active chat');
    const read = await graphql(stack.url, `query ($id: ID!) { message(id: $id) { ${SENDER} } }`, { id: fromAgent.id });
    expect(read.data.message.sender).toEqual({ __typename: 'User', id: fromAgent.senderId, name: expect.any(String) });
    expect(callLines(stack.emulator.calls)).toEqual([`GET /crm/objects/case-message/${fromAgent.id}`]);
  });

  it('falls back to the agent directory when the read embeds no sender', async () => {
    stack.emulator.setFaults([
      {
        method: 'GET',
        path: '^/crm/objects/case-message/8001$',
        status: 200,
        body: JSON.stringify({ data: { id: 8001, caseId: 1001, senderId: 12, senderType: 'user', type: 'message', message: 'Hello' } }),
      },
    ]);
    const read = await graphql(stack.url, `{ message(id: "8001") { ${SENDER} } }`);
    expect(read.data.message.sender).toEqual({ __typename: 'User', id: '12', name: expect.any(String) });
    expect(callLines(stack.emulator.calls)).toEqual(['GET /crm/objects/case-message/8001', 'GET /account/user/12']);
  });

  it('reads a contact sender by its id, not from the stand-in name the payload embeds', async () => {
    const target = await firstCase('{status: ACTIVE, channel: CHAT}');
    const sent = await graphql(stack.url, `mutation ($id: ID!) { sendMessage(input: {caseId: $id, text: "Still there?", senderType: CONTACT}) { message { sender { ... on Contact { id name } } } } }`, { id: target.id });
    expect(sent.data.sendMessage.message.sender.id).toBe(target.contactId);
    expect(sent.data.sendMessage.message.sender.name).not.toMatch(/^#/);
  });
});

describe('email bodies', () => {
  const EMAIL = { from: 'support@example.com', to: ['customer@example.org'], cc: ['lead@example.com'], subject: 'Your refund' };

  it('escapes plain text and keeps its line breaks when it goes out as HTML, and returns the mail fields', async () => {
    const target = await firstCase('{status: ACTIVE, channel: EMAIL}');
    const sent = await graphql(stack.url, SEND, {
      input: { caseId: target.id, channel: 'EMAIL', text: 'Refunds < 5 € & "small" ones\nare instant.\r\nThanks', email: EMAIL },
    });
    expect(sent.errors).toBeUndefined();
    const message = sent.data.sendMessage.message;
    // The upstream keeps the HTML body as the message text: what went out.
    expect(message.text).toBe('Refunds &lt; 5 € &amp; &quot;small&quot; ones<br>are instant.<br>Thanks');
    expect(message.email).toEqual({
      subject: 'Your refund',
      from: { email: 'support@example.com', name: 'Support Bot' },
      to: [{ email: 'customer@example.org', name: null }],
      cc: [{ email: 'lead@example.com' }],
      bcc: [],
    });
    expect(message.sender).toEqual({ __typename: 'User', id: '99', name: 'Support Bot' });
    expect(callLines(stack.emulator.calls)).toEqual([`GET /crm/objects/case/${target.id}`, 'POST /mail/add-message']);
  });

  it('sends markup as is when the caller gives it as html', async () => {
    const target = await firstCase('{status: ACTIVE, channel: EMAIL}');
    const sent = await graphql(stack.url, SEND, { input: { caseId: target.id, channel: 'EMAIL', email: { ...EMAIL, html: '<p>Refund <b>sent</b></p>' } } });
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendMessage.message.text).toBe('<p>Refund <b>sent</b></p>');
  });

  it('refuses text with html, and neither, before any call', async () => {
    for (const [input, argumentName] of [
      [{ caseId: '1001', channel: 'EMAIL', text: 'plain', email: { ...EMAIL, html: '<p>markup</p>' } }, 'input.email.html'],
      [{ caseId: '1001', channel: 'EMAIL', email: EMAIL }, 'input.text'],
      [{ caseId: '1001', text: null }, 'input.text'],
    ] as const) {
      const result = await graphql(stack.url, SEND, { input });
      expect({ codes: codes(result), argumentName: result.errors?.[0]?.extensions?.argumentName }).toEqual({ codes: ['BAD_USER_INPUT'], argumentName });
    }
    expect(stack.emulator.calls).toHaveLength(0);
  });
});

describe('text messages', () => {
  it('returns the SMS fields and the embedded sender of the answer', async () => {
    const target = await firstCase('{status: ACTIVE, channel: SMS}');
    const sent = await graphql(stack.url, SEND, { input: { caseId: target.id, channel: 'SMS', text: 'Shipped', sms: { from: '+12513188609', to: '+919666929552' } } });
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendMessage.message).toMatchObject({
      sms: { from: '+12513188609', to: '+919666929552', status: 'sent' },
      sender: { __typename: 'User', id: '99', name: 'Support Bot' },
      email: null,
    });
  });
});

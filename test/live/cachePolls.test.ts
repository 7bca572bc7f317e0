/**
 * A watched case's poll keeps the record cache fresh: when it finds a message nobody announced (a
 * contact wrote in the chat, in Acquire), it drops the case's contact, whose details the contact
 * may have changed meanwhile (a pre-chat form, say).
 */
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { eventually } from '../helpers/eventually.js';
import { graphql } from '../helpers/graphql.js';
import { connectLive, type LiveClient } from '../helpers/liveClient.js';
import { sample, startGateway, type RunningGateway } from '../helpers/startGateway.js';

const POLL_MS = 200;

let emulator: Emulator;
let gateway: RunningGateway;
let client: LiveClient | undefined;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, live: { pollIntervalMs: POLL_MS, pollMaxIntervalMs: POLL_MS } });
});

afterAll(async () => {
  await client?.dispose();
  await gateway.stop();
  await emulator.stop();
});

/** What Acquire does when the contact writes and edits their details in the chat: the gateway takes no part. */
async function contactWritesAndRenames(caseId: string, contactId: string, name: string): Promise<void> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEY}` };
  const renamed = await fetch(`${emulator.url}/crm/objects/contact/${contactId}`, { method: 'PUT', headers, body: JSON.stringify({ fields: { name } }) });
  expect(renamed.status).toBe(200);
  await renamed.arrayBuffer();
  const wrote = await fetch(`${emulator.url}/crm/messenger/chat/add-message?x-user-type=contact&contactId=${contactId}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ channel: 'chat', caseId: Number(caseId), message: { type: 'message', message: 'Here is my new name' } }),
  });
  expect(wrote.status).toBe(200);
  await wrote.arrayBuffer();
}

it("drops the case's contact when the poll finds a message the gateway did not send, so the next read shows what changed", async () => {
  const page = await graphql(gateway.url, '{ cases(first: 1, filter: { status: ACTIVE, channel: CHAT }) { nodes { id contactId contact { name } } } }');
  const { id: caseId, contactId, contact } = page.data.cases.nodes[0] as { id: string; contactId: string; contact: { name: string } };
  client = connectLive(gateway.url, DEMO_API_KEY);
  const subscription = client.subscribe('subscription ($caseId: ID!) { messageEvents(caseId: $caseId) { type message { text senderType } } }', { caseId });
  await eventually('the case polled', async () => sample(await gateway.metrics(), 'live_polls_total{outcome="unchanged"}') >= 1);

  await contactWritesAndRenames(caseId, contactId, 'Renamed In The Chat');
  const contactQuery = 'query ($id: ID!) { contact(id: $id) { name } }';
  expect((await graphql(gateway.url, contactQuery, { id: contactId })).data.contact.name).toBe(contact.name);
  expect((await subscription.next(10_000)).data.messageEvents).toMatchObject({ type: 'ADDED', message: { text: 'Here is my new name', senderType: 'CONTACT' } });
  await eventually('the contact dropped by the poll', async () => sample(await gateway.metrics(), 'record_cache_invalidations_total{cause="poll"}') >= 1, 5_000);
  expect((await graphql(gateway.url, contactQuery, { id: contactId })).data.contact.name).toBe('Renamed In The Chat');
  subscription.unsubscribe();
});

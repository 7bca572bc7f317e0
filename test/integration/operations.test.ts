/**
 * Every example in operations/ runs against the gateway and the emulator with the variables its
 * header gives, through the typed example client, and answers without errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import type { CaseDetailsQuery, CaseDetailsQueryVariables, RecentCasesQuery, RecentCasesQueryVariables } from '../../operations/__generated__/operations.js';
import { operation, request } from '../../operations/client.js';
import { connectLive } from '../helpers/liveClient.js';
import { sample, startGateway, type RunningGateway } from '../helpers/startGateway.js';

const folder = new URL('../../operations/', import.meta.url);
const examples = readdirSync(folder)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => {
    const text = readFileSync(new URL(file, folder), 'utf8');
    const header = /^# variables: (.*)$/m.exec(text);
    return { file, text, variables: header ? (JSON.parse(header[1]!) as Record<string, unknown>) : null };
  });

let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY });
});

afterAll(async () => {
  await gateway.stop();
  await emulator.stop();
});

beforeEach(() => emulator.reset());

it('has examples for listing, a thread, email replies and closing with feedback', () => {
  expect(examples.map((example) => example.file)).toEqual(
    expect.arrayContaining(['recentCases.graphql', 'thread.graphql', 'sendEmailReply.graphql', 'closeCaseWithFeedback.graphql']),
  );
});

it.each(examples.map((example) => [example.file, example] as const))('%s runs without errors', async (_file, example) => {
  expect(example.variables).not.toBeNull();
  const result = await request<Record<string, unknown>, Record<string, unknown>>(gateway.url, example.text, example.variables!);
  expect(result.errors).toBeUndefined();
  expect(result.data).toBeTruthy();
});

it('gives typed data to a client', async () => {
  const page = await request<RecentCasesQuery, RecentCasesQueryVariables>(gateway.url, operation('recentCases'), { first: 3 });
  const first = page.data?.cases.nodes[0];
  expect(first?.contact?.name).toEqual(expect.any(String));
  const details = await request<CaseDetailsQuery, CaseDetailsQueryVariables>(gateway.url, operation('caseDetails'), { id: first!.id });
  expect(details.data?.case?.messages.length).toBeGreaterThan(0);
});

it('runs the subscriptions of operations/live over WebSocket: a reply and a close reach them', async () => {
  const live = Object.fromEntries(
    readdirSync(new URL('live/', folder)).map((file) => {
      const text = readFileSync(new URL(`live/${file}`, folder), 'utf8');
      return [file, { text, variables: JSON.parse(/^# variables: (.*)$/m.exec(text)![1]!) as Record<string, unknown> }];
    }),
  );
  expect(Object.keys(live).sort()).toEqual(['conversation.graphql', 'inbox.graphql']);
  const client = connectLive(gateway.url, DEMO_API_KEY);
  try {
    const conversation = client.subscribe(live['conversation.graphql']!.text, live['conversation.graphql']!.variables);
    const inbox = client.subscribe(live['inbox.graphql']!.text, live['inbox.graphql']!.variables);
    const caseId = live['conversation.graphql']!.variables.caseId as string;
    // Subscriptions start asynchronously: write only once the server has both.
    while (sample(await gateway.metrics(), 'live_subscriptions{field="caseEvents"}') + sample(await gateway.metrics(), 'live_subscriptions{field="messageEvents"}') < 2) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sent = await request<{ sendMessage: { message: { id: string } } }, Record<string, unknown>>(gateway.url, operation('sendChatMessage'), { caseId, text: 'Live example' });
    await request(gateway.url, 'mutation ($id: ID!) { closeCase(input: {caseId: $id}) { case { id } } }', { id: caseId });
    const added = await conversation.next();
    expect(added.errors).toBeUndefined();
    expect(added.data.messageEvents).toMatchObject({ type: 'ADDED', messageId: sent.data!.sendMessage.message.id, message: { text: 'Live example' } });
    const closed = await inbox.next();
    expect(closed.errors).toBeUndefined();
    expect(closed.data.caseEvents).toMatchObject({ type: 'STATUS_CHANGED', case: { id: caseId, status: 'CLOSED', channel: 'CHAT' } });
  } finally {
    await client.dispose();
  }
});

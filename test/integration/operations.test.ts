/**
 * Every example in operations/ runs against the gateway and the emulator with the variables its
 * header gives, through the typed example client, and answers without errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import type {
  CaseDetailsQuery,
  CaseDetailsQueryVariables,
  CreateContactMutation,
  CreateContactMutationVariables,
  QueueNewestFirstQuery,
  QueueNewestFirstQueryVariables,
  RecentCasesQuery,
  RecentCasesQueryVariables,
  SnoozeCaseMutation,
  SnoozeCaseMutationVariables,
  StartConversationMutation,
  StartConversationMutationVariables,
} from '../../operations/__generated__/operations.js';
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
  emulator = await startDialectEmulator();
  gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY });
});

afterAll(async () => {
  await gateway.stop();
  await emulator.stop();
});

beforeEach(() => emulator.reset());

it('has examples for listing, a thread, email replies, closing with feedback and an agent inbox', () => {
  expect(examples.map((example) => example.file)).toEqual(
    expect.arrayContaining([
      'recentCases.graphql',
      'thread.graphql',
      'sendEmailReply.graphql',
      'closeCaseWithFeedback.graphql',
      'queueNewestFirst.graphql',
      'createContact.graphql',
      'startConversation.graphql',
      'internalNote.graphql',
      'noteOnContact.graphql',
      'snoozeCase.graphql',
    ]),
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
  const first = page.data?.cases.edges[0]?.node;
  expect(first?.contact?.name).toEqual(expect.any(String));
  const details = await request<CaseDetailsQuery, CaseDetailsQueryVariables>(gateway.url, operation('caseDetails'), { id: first!.id });
  expect(details.data?.case?.messages.length).toBeGreaterThan(0);
});

const variablesOf = (file: string): Record<string, unknown> => examples.find((example) => example.file === file)!.variables!;

it('reads the queue newest first, and its next page goes on from there', async () => {
  const first = await request<QueueNewestFirstQuery, QueueNewestFirstQueryVariables>(gateway.url, operation('queueNewestFirst'), { first: 2 });
  const ids = first.data!.cases.edges.map((edge) => Number(edge.node.id));
  expect(ids).toHaveLength(2);
  expect(ids[0]).toBeGreaterThan(ids[1]!);
  const next = await request<QueueNewestFirstQuery, QueueNewestFirstQueryVariables>(gateway.url, operation('queueNewestFirst'), { first: 2, after: first.data!.cases.pageInfo.endCursor });
  expect(Number(next.data!.cases.edges[0]!.node.id)).toBeLessThan(ids[1]!);
});

it('starts a conversation with a new customer: createContact, then startConversation with its id', async () => {
  const created = await request<CreateContactMutation, CreateContactMutationVariables>(gateway.url, operation('createContact'), variablesOf('createContact.graphql'));
  const contact = created.data!.createContact.contact;
  const started = await request<StartConversationMutation, StartConversationMutationVariables>(gateway.url, operation('startConversation'), {
    ...variablesOf('startConversation.graphql'),
    contactId: contact.id,
  });
  expect(started.errors).toBeUndefined();
  expect(started.data!.createCase.case.contact?.name).toBe(contact.name);
});

it('snoozes a case with the example, and the snooze it answers can be removed', async () => {
  const snoozed = await request<SnoozeCaseMutation, SnoozeCaseMutationVariables>(gateway.url, operation('snoozeCase'), variablesOf('snoozeCase.graphql') as SnoozeCaseMutationVariables);
  const removed = await request<{ unsnoozeCase: { deletedSnoozeId: string } }, Record<string, unknown>>(
    gateway.url,
    'mutation ($id: ID!) { unsnoozeCase(input: { snoozeId: $id }) { deletedSnoozeId } }',
    { id: snoozed.data!.snoozeCase.snooze.id },
  );
  expect(removed.data).toEqual({ unsnoozeCase: { deletedSnoozeId: snoozed.data!.snoozeCase.snooze.id } });
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

/**
 * `npm start` with no account is live. The production entry point runs with the default
 * configuration (no Acquire account, no Redis, no webhook secret, default poll intervals, demo
 * activity on; only the port is left to the system and the logs are JSON, to be read here). The
 * subscription the Sandbox page preloads is run the way Apollo Sandbox runs it: the graphql-ws
 * protocol on the same URL, the page's shared headers as connectionParams, from the gateway's own
 * page. It receives the demo's events: a change made in "Acquire" (the emulator), reported by its
 * signed webhook; the busy account's own changes; and its contacts' replies, found by polling.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from '../helpers/graphql.js';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gatewayProcess.js';
import { wsUrl } from '../helpers/liveClient.js';

type Loose = any;

// The busy account changes a case's status every 20 s and polls back off to 30 s by default: a
// working demo shows each kind of event well within this, on a loaded machine too.
const DEMO_EVENT_MS = 75_000;

interface SandboxConfig {
  initialState: { document: string; sharedHeaders: Record<string, string> };
}

/** The configuration the landing page hands the embedded Sandbox. */
async function sandboxConfig(url: string): Promise<SandboxConfig> {
  const page = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
  const found = /var embeddedSandboxConfig = (\{.*\});\n/.exec(page);
  if (!found) throw new Error(`no Sandbox configuration on the landing page:\n${page.slice(0, 2000)}`);
  return JSON.parse(found[1]!) as SandboxConfig;
}

let gateway: GatewayProcess | undefined;
const clients: Client[] = [];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  if (gateway) expect(await gateway.stop()).toBe(0);
}, 30_000);

it("delivers the demo's events to the Sandbox's subscription on the default configuration", async () => {
  gateway = await startGatewayProcess({});
  const url = gateway.url;
  const emulatorUrl = /emulator at (http:\/\/\S+\/api\/v1)/.exec((await gateway.waitForLine((line) => /emulator at/.test(line.msg))).msg)![1]!;
  const { initialState } = await sandboxConfig(url);
  expect(initialState.document).toContain('subscription LiveCases');

  // The Sandbox's page is the gateway's own: its sockets carry that origin.
  const origin = new URL(url).origin;
  class SandboxSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { origin });
    }
  }
  const connect = (): Client => {
    const client = createClient({ url: wsUrl(url), webSocketImpl: SandboxSocket, connectionParams: initialState.sharedHeaders, retryAttempts: 0 });
    clients.push(client);
    return client;
  };
  const received: Loose[] = [];
  const subscribe = (client: Client, payload: { query: string; operationName?: string; variables?: Record<string, unknown> }): void => {
    client.subscribe(payload, { next: (result) => received.push(result), error: (error) => received.push({ error }), complete: () => {} });
  };
  const waitFor = async (what: string, found: () => Loose): Promise<Loose> => {
    const deadline = Date.now() + DEMO_EVENT_MS;
    for (;;) {
      const hit = found();
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no ${what} within ${DEMO_EVENT_MS} ms; received ${JSON.stringify(received).slice(0, 2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  // Run pressed on the preloaded subscription.
  subscribe(connect(), { query: initialState.document, operationName: 'LiveCases' });
  // And every open chat followed, as an agent's inbox would, so that any contact reply is seen.
  const chats = (await graphql(url, '{ cases(first: 100, filter: {status: ACTIVE, channel: CHAT}) { nodes { id } } }', undefined, initialState.sharedHeaders)).data.cases.nodes as Array<{ id: string }>;
  expect(chats.length).toBeGreaterThan(0);
  for (let at = 0; at < chats.length; at += 20) {
    const client = connect();
    for (const chat of chats.slice(at, at + 20)) {
      subscribe(client, { query: 'subscription Replies($caseId: ID!) { messageEvents(caseId: $caseId) { type message { text senderType } case { id } } }', variables: { caseId: chat.id } });
    }
  }

  // Someone closes a pending case in Acquire itself: its signed webhook reaches the subscriber.
  const pending = (await graphql(url, '{ cases(first: 1, filter: {status: PENDING}) { nodes { id } } }', undefined, initialState.sharedHeaders)).data.cases.nodes[0].id as string;
  const closed = await fetch(`${emulatorUrl}/crm/messenger/chat/close`, {
    method: 'POST',
    headers: { ...initialState.sharedHeaders, 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: Number(pending) }),
  });
  expect(closed.status).toBe(200);
  const statusEvent = await waitFor(`event for case ${pending}`, () => received.find((result) => result.data?.caseEvents?.case?.id === pending));
  expect(statusEvent.data.caseEvents).toMatchObject({ type: 'STATUS_CHANGED', case: { id: pending, status: 'CLOSED' } });

  // The busy account on its own: a case changes (a new chat, a status), and a contact replies in
  // one of the open chats, with no webhook at all.
  const own = await waitFor('case event of the demo activity', () => received.find((result) => result.data?.caseEvents && result.data.caseEvents.case?.id !== pending));
  expect(own.data.caseEvents).toMatchObject({ type: expect.stringMatching(/^(CREATED|STATUS_CHANGED)$/), case: { id: expect.any(String) } });
  const reply = await waitFor("contact's reply", () => received.find((result) => result.data?.messageEvents?.message?.senderType === 'CONTACT'));
  expect(reply.data.messageEvents).toMatchObject({ type: 'ADDED', message: { text: expect.any(String) } });
  expect(received.filter((result) => result.error || result.errors)).toEqual([]);
}, 180_000);

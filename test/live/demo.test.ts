/**
 * `npm start` with no account is live: a subscription run the way Apollo Sandbox runs it (the
 * graphql-ws protocol on the same URL, its shared headers as connectionParams, from the gateway's
 * own page) receives the demo's events: a change made in "Acquire" (the emulator), reported by its
 * signed webhook, and the busy account's contact replies, found by polling.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_API_KEY } from '../../emulator/server.js';
import { graphql } from '../helpers/graphql.js';
import { wsUrl } from '../helpers/liveClient.js';

const ENTRY = fileURLToPath(new URL('../../dist/src/index.js', import.meta.url));

type Loose = any;

it('delivers the demo\'s events to a subscription run as the Sandbox runs it', async () => {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_FORMAT: 'json', LIVE_POLL_INTERVAL_MS: '300', LIVE_POLL_MAX_INTERVAL_MS: '600' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let emulatorUrl = '';
  let buffered = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', () => reject(new Error(`exited early:\n${buffered}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const { msg } = JSON.parse(line) as { msg: string };
        emulatorUrl ||= /emulator at (http:\/\/\S+\/api\/v1)/.exec(msg)?.[1] ?? '';
        const ready = /ready at (http:\/\/\S+\/graphql)/.exec(msg);
        if (ready) resolve(ready[1]!);
      }
    });
  });
  const origin = new URL(url).origin;
  // The Sandbox's page is the gateway's own: its socket carries that origin.
  class SandboxSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { origin });
    }
  }
  const client = createClient({ url: wsUrl(url), webSocketImpl: SandboxSocket, connectionParams: { Authorization: `Bearer ${DEMO_API_KEY}` }, retryAttempts: 0 });
  const received: Loose[] = [];
  const subscribe = (query: string, variables?: Record<string, unknown>) =>
    client.subscribe({ query, ...(variables ? { variables } : {}) }, { next: (result) => received.push(result), error: (error) => received.push({ error }), complete: () => {} });
  const waitFor = async (found: () => Loose, what: string): Promise<Loose> => {
    const deadline = Date.now() + 25_000;
    for (;;) {
      const hit = found();
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no ${what}; received ${JSON.stringify(received).slice(0, 2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    subscribe('subscription DemoCases { caseEvents { type case { id status } } }');
    const chats = (await graphql(url, '{ cases(first: 15, filter: {status: ACTIVE, channel: CHAT}) { nodes { id } } }')).data.cases.nodes as Array<{ id: string }>;
    for (const chat of chats) subscribe('subscription Replies($caseId: ID!) { messageEvents(caseId: $caseId) { type message { text senderType } case { id } } }', { caseId: chat.id });

    // Someone closes a pending case in Acquire itself: its signed webhook reaches the subscriber.
    const pending = (await graphql(url, '{ cases(first: 1, filter: {status: PENDING}) { nodes { id } } }')).data.cases.nodes[0].id as string;
    const closed = await fetch(`${emulatorUrl}/crm/messenger/chat/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: Number(pending) }),
    });
    expect(closed.status).toBe(200);
    const statusEvent = await waitFor(() => received.find((result) => result.data?.caseEvents?.case?.id === pending), `event for case ${pending}`);
    expect(statusEvent.data.caseEvents).toEqual({ type: 'STATUS_CHANGED', case: { id: pending, status: 'CLOSED' } });

    // The busy account: a contact replies in one of the open chats, with no webhook at all.
    const reply = await waitFor(() => received.find((result) => result.data?.messageEvents?.message?.senderType === 'CONTACT'), "contact's reply");
    expect(reply.data.messageEvents).toMatchObject({ type: 'ADDED', message: { text: expect.any(String) } });
    expect(received.filter((result) => result.error || result.errors)).toEqual([]);
  } finally {
    await client.dispose();
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
}, 60_000);

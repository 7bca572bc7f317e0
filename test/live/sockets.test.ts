/**
 * A subscription socket cannot exhaust a replica, whatever its client sends and however slowly it
 * reads. The client here is a raw TCP socket speaking WebSocket frames by hand, so that it can do
 * what a hostile one does: never read, and write as fast as the network takes it. The gateway is
 * its own process (`node dist/src/index.js`), so its resident memory is what the kernel reports.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gatewayProcess.js';
import WebSocket from 'ws';
import { connectLive } from '../helpers/liveClient.js';
import { eventually } from '../helpers/eventually.js';
import { sample } from '../helpers/startGateway.js';

const FLOOD_MS = 2_500;
const MiB = 1024 * 1024;

let emulator: Emulator | undefined;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  emulator = await startEmulator();
  // A message rate no client reaches here, so that what stops a flood of pings is the bound on
  // what waits to be sent, or the handshake's; the rate has a test of its own below.
  gateway = await startGatewayProcess({ ACQUIRE_BASE_URL: emulator.url, HOST: '127.0.0.1', LIVE_MAX_MESSAGES_PER_SECOND: '100000' });
}, 60_000);

afterAll(async () => {
  const exit = await gateway?.stop();
  await emulator?.stop();
  expect(exit).toBe(0);
}, 30_000);

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/** One masked client text frame (RFC 6455 5.2), as a browser's WebSocket sends it. */
function frame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  if (payload.length >= 126) throw new Error('short frames only');
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}

interface RawClient {
  socket: net.Socket;
  /** Everything received so far (only while reading). */
  received(): string;
  closed: Promise<void>;
}

/** A WebSocket handshake on a raw socket, offering graphql-ws's subprotocol. */
async function openRaw(url: string): Promise<RawClient> {
  const { hostname, port, pathname } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
  );
  const deadline = Date.now() + 5_000;
  while (!received.includes('\r\n\r\n')) {
    if (Date.now() > deadline) throw new Error(`no upgrade: ${received}`);
    await sleep(10);
  }
  if (!received.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${received}`);
  return { socket, received: () => received, closed };
}

/**
 * Writes `message` over and over for `ms` (as fast as the network takes it) without reading
 * anything, and samples the gateway's resident memory meanwhile; resolves to its peak.
 */
async function flood(client: RawClient, message: string, ms: number): Promise<number> {
  client.socket.pause();
  const chunk = Buffer.concat(Array.from({ length: 2_000 }, () => frame(message)));
  let peak = rssBytes(gateway!.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(gateway!.pid))), 50);
  const until = Date.now() + ms;
  try {
    while (Date.now() < until && !client.socket.destroyed) {
      if (!client.socket.write(chunk)) {
        await Promise.race([new Promise((resolve) => client.socket.once('drain', resolve)), sleep(until - Date.now())]);
      }
    }
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, rssBytes(gateway!.pid));
}

const cut = async (reason: string): Promise<number> => sample(await gateway!.metrics(), `live_connections_cut_total{reason="${reason}"}`);

it('closes a client with no key that floods pings before connection_init without reading, and its memory stays bounded', async () => {
  const before = rssBytes(gateway!.pid);
  const client = await openRaw(gateway!.url);

  const peak = await flood(client, '{"type":"ping"}', FLOOD_MS);

  expect(peak - before).toBeLessThan(50 * MiB);
  await eventually('the flooding connection closed', async () => (await cut('handshake')) === 1 && sample(await gateway!.metrics(), 'live_connections') === 0);
  client.socket.resume();
  await client.closed;
}, 60_000);

it('cuts off a client that stops reading while it floods pings after its handshake, and its memory stays bounded', async () => {
  const client = await openRaw(gateway!.url);
  client.socket.write(frame(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${DEMO_API_KEY}` } })));
  await eventually('connection_ack', async () => client.received().includes('connection_ack'));
  const before = rssBytes(gateway!.pid);

  const peak = await flood(client, '{"type":"ping"}', FLOOD_MS);

  expect(peak - before).toBeLessThan(50 * MiB);
  await eventually('the flooding connection cut off', async () => (await cut('slow_reader')) === 1 && sample(await gateway!.metrics(), 'live_connections') === 0);
  client.socket.resume();
  await client.closed;
  // Its pending sends failed with the socket: one log line at most, not one per send.
  expect(gateway!.lines.filter((line) => /send failed|Internal error/.test(line.msg)).length).toBeLessThanOrEqual(1);
}, 60_000);

it('leaves other subscribers served while a client floods', async () => {
  const subscriber = connectLive(gateway!.url, DEMO_API_KEY);
  const events = subscriber.subscribe('subscription { caseEvents { type case { id } } }');
  await eventually('the subscription started', async () => sample(await gateway!.metrics(), 'live_subscriptions{field="caseEvents"}') === 1);
  const flooder = await openRaw(gateway!.url);
  const flooding = flood(flooder, '{"type":"ping"}', FLOOD_MS);

  const created = await fetch(gateway!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEY}` },
    body: JSON.stringify({ query: 'mutation { createCase(input: {contactId: "750905", title: "During a flood", message: "Hello"}) { case { id } } }' }),
  });
  const id = ((await created.json()) as { data: { createCase: { case: { id: string } } } }).data.createCase.case.id;

  const event = await events.next(10_000);
  expect(event.data.caseEvents).toEqual({ type: 'CREATED', case: { id } });
  await flooding;
  flooder.socket.destroy();
  await subscriber.dispose();
}, 60_000);

it('closes a client that sends more messages a second than LIVE_MAX_MESSAGES_PER_SECOND, with 4429', async () => {
  const limited = await startGatewayProcess({ ACQUIRE_BASE_URL: emulator!.url, HOST: '127.0.0.1', LIVE_MAX_MESSAGES_PER_SECOND: '20' });
  try {
    const client = await openRaw(limited.url);
    client.socket.write(frame(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${DEMO_API_KEY}` } })));
    await eventually('connection_ack', async () => client.received().includes('connection_ack'));
    // Reading all along: only the rate is at fault.
    client.socket.write(Buffer.concat(Array.from({ length: 100 }, () => frame('{"type":"ping"}'))));
    await client.closed;
    // The close frame: opcode 8, status 4429 (0x114d), then its reason.
    const close = client.received().indexOf('\x88');
    expect(close).toBeGreaterThan(-1);
    expect(client.received().slice(close + 2, close + 4)).toBe('\x11\x4d');
    expect(client.received()).toContain('TOO_MANY_MESSAGES');
    expect(sample(await limited.metrics(), 'live_connections_cut_total{reason="message_rate"}')).toBe(1);
  } finally {
    expect(await limited.stop()).toBe(0);
  }
}, 60_000);

it('answers a client of the legacy graphql-ws subprotocol with 4406, which names the problem, instead of an abrupt close', async () => {
  const socket = new WebSocket(gateway!.url.replace(/^http/, 'ws'), 'graphql-ws');
  const closed = await new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  expect(closed).toEqual({ code: 4406, reason: 'Subprotocol not acceptable' });
});

it("serves a subscription whose graphql-ws id is no token (a line break, a euro sign): its events still read upstream", async () => {
  // The id becomes the upstream request's x-request-id; as given, Node would refuse the header.
  const socket = new WebSocket(gateway!.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const received: Array<{ type: string; id?: string; payload?: { data?: { caseEvents?: { case?: { title?: string } } }; errors?: unknown } }> = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as (typeof received)[number]));
  await new Promise((resolve) => socket.once('open', resolve));
  try {
    socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${DEMO_API_KEY}` } }));
    await eventually('the connection acknowledged', () => received.some((message) => message.type === 'connection_ack'));
    const before = sample(await gateway!.metrics(), 'live_subscriptions{field="caseEvents"}');
    const id = 'inbox\n€ 1';
    socket.send(JSON.stringify({ type: 'subscribe', id, payload: { query: 'subscription { caseEvents { type case { id title } } }' } }));
    await eventually('the subscription registered', async () => sample(await gateway!.metrics(), 'live_subscriptions{field="caseEvents"}') > before);
    const title = `Odd id ${randomBytes(4).toString('hex')}`;
    const created = await fetch(gateway!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEY}` },
      body: JSON.stringify({ query: `mutation { createCase(input: {contactId: "750905", title: "${title}", message: "Hi"}) { case { id } } }` }),
    });
    expect(created.status).toBe(200);
    await eventually('the event for the new case', () => received.some((message) => message.id === id && message.payload?.data?.caseEvents?.case?.title === title), 10_000);
    expect(received.filter((message) => message.id === id && message.payload?.errors !== undefined)).toEqual([]);
  } finally {
    socket.close();
  }
}, 30_000);

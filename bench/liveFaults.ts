/**
 * The `live` section's faults: what a live inbox loses, and how late it is, when things go wrong,
 * for ours and (with BENCH_BASELINE_DIR) the version before, in one run. Each measurement starts
 * its own gateway processes (production settings, default live settings) in front of the emulator:
 *
 * - burst: 1,000 signed webhooks a second for 5 s to two replicas sharing Redis, four subscribers
 *   (one per replica takes each event as it comes, one reads the case of each event first): the
 *   events each received out of those sent, and the RESYNCs that stood for the others;
 * - Redis restart: 20 webhooks a second for 15 s, Redis stopped for 5 s in the middle;
 * - takeover: the replica that polls a watched case is killed (SIGKILL); how long until the other
 *   polls it, and whether a contact's reply sent just after the kill reaches the subscriber;
 * - replies: 10 watched cases whose contacts reply at random (every 3 to 15 s) for a minute:
 *   the latency of each reply to its subscriber, and the upstream reads the polls cost per watched
 *   case per minute.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_API_KEY, type Emulator } from '../emulator/server.js';
import { webhookSignature } from '../emulator/webhooks.js';
import { startGatewayProcess, type GatewayProcess } from './processes.js';
import { startRedis } from './redisServer.js';
import { percentile, sortedCopy } from './stats.js';

const SECRET = 'bench-webhook-secret';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const now = (): number => performance.timeOrigin + performance.now();

export interface Delivery {
  /** Events sent, times subscribers. */
  expected: number;
  /** Events the subscribers received. */
  delivered: number;
  /** RESYNCs the subscribers received in place of the others. */
  resyncs: number;
}

export interface LiveFaultRun {
  gateway: string;
  burst: Delivery;
  redisRestart: Delivery;
  /** From the kill to the survivor's first poll of the case; null when not within the cap. */
  takeoverMs: number | null;
  /** From the kill to the reply (sent just after it) reaching the survivor's subscriber; null when it never did. */
  replyAfterKillMs: number | null;
  replyLatencyMs: { p50: number; p95: number; replies: number; missed: number };
  readsPerWatchedCasePerMinute: number;
}

interface Subscriber {
  client: Client;
  events: number;
  resyncs: number;
  lastAt: number;
}

function subscribe(gateway: GatewayProcess, query: string, variables: Record<string, unknown> = {}, onEvent: (data: Record<string, unknown>) => void = () => {}): Subscriber {
  const client = createClient({ url: gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${DEMO_API_KEY}` }, retryAttempts: 0, lazy: false, onNonLazyError: () => {} });
  const subscriber: Subscriber = { client, events: 0, resyncs: 0, lastAt: Date.now() };
  client.subscribe(
    { query, variables },
    {
      next: (result) => {
        const data = (result.data ?? {}) as Record<string, { type?: string }>;
        const payload = Object.values(data)[0];
        subscriber.lastAt = Date.now();
        if (payload?.type === 'RESYNC') subscriber.resyncs += 1;
        else subscriber.events += 1;
        onEvent(data);
      },
      error: () => {},
      complete: () => {},
    },
  );
  return subscriber;
}

async function metric(gateway: GatewayProcess, name: string): Promise<number> {
  const text = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

async function post(gateway: GatewayProcess, body: unknown): Promise<number> {
  const response = await fetch(gateway.url.replace(/\/graphql$/, '/webhooks/acquire'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-acquire-signature': webhookSignature(SECRET, body) },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Waits until no subscriber has received anything for `quietMs` (at most `capMs`). */
async function settle(subscribers: readonly Subscriber[], quietMs = 3_000, capMs = 60_000): Promise<void> {
  await until(() => subscribers.every((subscriber) => Date.now() - subscriber.lastAt > quietMs), capMs);
}

async function replicas(script: string, env: Record<string, string>): Promise<[GatewayProcess, GatewayProcess]> {
  return [await startGatewayProcess(env, script), await startGatewayProcess(env, script)];
}

async function subscribed(gateways: readonly GatewayProcess[], field: string, count: number): Promise<void> {
  const ok = await until(async () => (await Promise.all(gateways.map((gateway) => metric(gateway, `live_subscriptions{field="${field}"}`)))).reduce((a, b) => a + b, 0) >= count, 30_000);
  if (!ok) throw new Error(`${count} ${field} subscriptions did not start`);
}

const CHEAP = 'subscription { caseEvents { type } }';
const READING = 'subscription { caseEvents { type case { id title } } }';

async function burst(script: string, emulator: Emulator): Promise<Delivery> {
  const redis = await startRedis();
  const gateways = await replicas(script, { ACQUIRE_BASE_URL: emulator.url, REDIS_URL: redis.url, ACQUIRE_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'error' });
  const subscribers = gateways.flatMap((gateway) => [subscribe(gateway, CHEAP), subscribe(gateway, READING)]);
  try {
    await subscribed(gateways, 'caseEvents', subscribers.length);
    let sent = 0;
    for (let second = 0; second < 5; second += 1) {
      const began = Date.now();
      for (let tenth = 0; tenth < 10; tenth += 1) {
        const batch = Array.from({ length: 100 }, (_, i) => {
          const n = second * 1_000 + tenth * 100 + i;
          return post(gateways[n % 2]!, { event: 'Case updated', data: { caseId: 1001 + (n % 50) }, sequence: n });
        });
        sent += (await Promise.all(batch)).filter((status) => status === 202).length;
        await sleep(Math.max(0, began + (tenth + 1) * 100 - Date.now()));
      }
    }
    await settle(subscribers);
    return tally(subscribers, sent);
  } finally {
    await Promise.all(subscribers.map((subscriber) => subscriber.client.dispose()));
    for (const gateway of gateways) await gateway.stop();
    await redis.stop();
  }
}

function tally(subscribers: readonly Subscriber[], sent: number): Delivery {
  return {
    expected: sent * subscribers.length,
    delivered: subscribers.reduce((sum, subscriber) => sum + subscriber.events, 0),
    resyncs: subscribers.reduce((sum, subscriber) => sum + subscriber.resyncs, 0),
  };
}

async function redisRestart(script: string, emulator: Emulator): Promise<Delivery> {
  let redis = await startRedis();
  const gateways = await replicas(script, { ACQUIRE_BASE_URL: emulator.url, REDIS_URL: redis.url, ACQUIRE_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'error' });
  const subscribers = gateways.map((gateway) => subscribe(gateway, READING));
  try {
    await subscribed(gateways, 'caseEvents', subscribers.length);
    let sent = 0;
    const began = Date.now();
    for (let n = 0; n < 300; n += 1) {
      if (n === 100) await redis.stop();
      if (n === 200) redis = await startRedis(redis.port);
      if ((await post(gateways[n % 2]!, { event: 'Case updated', data: { caseId: 1001 + (n % 50) }, sequence: n })) === 202) sent += 1;
      await sleep(Math.max(0, began + (n + 1) * 50 - Date.now()));
    }
    await settle(subscribers, 5_000);
    return tally(subscribers, sent);
  } finally {
    await Promise.all(subscribers.map((subscriber) => subscriber.client.dispose()));
    for (const gateway of gateways) await gateway.stop();
    await redis.stop();
  }
}

async function contactReply(emulator: Emulator, caseId: string, contactId: string, text: string): Promise<void> {
  const response = await fetch(`${emulator.url}/crm/messenger/chat/add-message?x-user-type=contact&contactId=${contactId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: Number(caseId), message: { type: 'message', message: text } }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the contact's reply failed with ${response.status}`);
}

async function activeChats(gateway: GatewayProcess, count: number): Promise<Array<{ id: string; contactId: string }>> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEY}` },
    body: JSON.stringify({ query: `{ cases(first: ${count}, filter: {status: ACTIVE, channel: CHAT}) { nodes { id contactId } } }` }),
  });
  return ((await response.json()) as { data: { cases: { nodes: Array<{ id: string; contactId: string }> } } }).data.cases.nodes;
}

const MESSAGES = 'subscription ($caseId: ID!) { messageEvents(caseId: $caseId) { type message { text } } }';
const TAKEOVER_CAP_MS = 100_000;

async function takeover(script: string, emulator: Emulator): Promise<{ takeoverMs: number | null; replyAfterKillMs: number | null }> {
  const redis = await startRedis();
  const gateways = await replicas(script, { ACQUIRE_BASE_URL: emulator.url, REDIS_URL: redis.url, LOG_LEVEL: 'error' });
  const [target] = await activeChats(gateways[0], 1);
  if (!target) throw new Error('no active chat');
  const heard = new Map<GatewayProcess, Map<string, number>>(gateways.map((gateway) => [gateway, new Map()]));
  const subscribers = gateways.map((gateway) =>
    subscribe(gateway, MESSAGES, { caseId: target.id }, (data) => {
      const text = (data.messageEvents as { message?: { text?: string } } | undefined)?.message?.text;
      if (text) heard.get(gateway)!.set(text, now());
    }),
  );
  let killed: GatewayProcess | null = null;
  try {
    await subscribed(gateways, 'messageEvents', 2);
    if (!(await until(async () => (await metric(gateways[0], 'live_polled_cases')) + (await metric(gateways[1], 'live_polled_cases')) === 1, 60_000))) throw new Error('no replica polls the case');
    killed = (await metric(gateways[0], 'live_polled_cases')) === 1 ? gateways[0] : gateways[1];
    const survivor = killed === gateways[0] ? gateways[1] : gateways[0];
    emulator.resetCalls();
    process.kill(killed.pid, 'SIGKILL');
    const killedAt = now();
    await contactReply(emulator, target.id, target.contactId, 'Sent just after the crash');
    const polled = await until(() => emulator.calls.some((call) => call.requestId?.startsWith(`poll-${target.id}-`) === true), TAKEOVER_CAP_MS);
    const firstPoll = emulator.calls.find((call) => call.requestId?.startsWith(`poll-${target.id}-`));
    await until(() => heard.get(survivor)!.has('Sent just after the crash'), polled ? 30_000 : 0);
    const replyAt = heard.get(survivor)!.get('Sent just after the crash');
    return { takeoverMs: polled && firstPoll ? firstPoll.startedAt - killedAt : null, replyAfterKillMs: replyAt === undefined ? null : replyAt - killedAt };
  } finally {
    await Promise.all(subscribers.map((subscriber) => subscriber.client.dispose()));
    for (const gateway of gateways) if (gateway !== killed) await gateway.stop();
    await redis.stop();
  }
}

const REPLY_CASES = 10;
const REPLY_RUN_MS = 60_000;

async function replies(script: string, emulator: Emulator): Promise<Pick<LiveFaultRun, 'replyLatencyMs' | 'readsPerWatchedCasePerMinute'>> {
  const gateway = await startGatewayProcess({ ACQUIRE_BASE_URL: emulator.url, LOG_LEVEL: 'error' }, script);
  const chats = await activeChats(gateway, REPLY_CASES);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const subscribers = chats.map((chat) =>
    subscribe(gateway, MESSAGES, { caseId: chat.id }, (data) => {
      const text = (data.messageEvents as { message?: { text?: string } } | undefined)?.message?.text;
      const at = text === undefined ? undefined : sentAt.get(text);
      if (at !== undefined) {
        latencies.push(now() - at);
        sentAt.delete(text!);
      }
    }),
  );
  try {
    await subscribed([gateway], 'messageEvents', chats.length);
    // Past the first polls: the measurement starts with the cases watched for a while.
    await sleep(5_000);
    emulator.resetCalls();
    const began = Date.now();
    let sequence = 0;
    let replied = 0;
    await Promise.all(
      chats.map(async (chat) => {
        for (;;) {
          await sleep(3_000 + Math.random() * 12_000);
          if (Date.now() - began > REPLY_RUN_MS) return;
          const text = `Reply ${(sequence += 1)}`;
          sentAt.set(text, now());
          replied += 1;
          await contactReply(emulator, chat.id, chat.contactId, text);
        }
      }),
    );
    const minutes = (Date.now() - began) / 60_000;
    const pollReads = emulator.calls.filter((call) => call.requestId?.startsWith('poll-') === true).length;
    await until(() => sentAt.size === 0, 60_000);
    const sorted = sortedCopy(latencies);
    return {
      replyLatencyMs: { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), replies: replied, missed: sentAt.size },
      readsPerWatchedCasePerMinute: pollReads / chats.length / minutes,
    };
  } finally {
    await Promise.all(subscribers.map((subscriber) => subscriber.client.dispose()));
    await gateway.stop();
  }
}

export async function runLiveFaults(emulator: Emulator, gateways: Record<string, string>): Promise<LiveFaultRun[]> {
  const runs: LiveFaultRun[] = [];
  for (const [name, script] of Object.entries(gateways)) {
    process.stderr.write(`bench: live faults, ${name}…\n`);
    emulator.reset();
    const burstDelivery = await burst(script, emulator);
    emulator.reset();
    const restart = await redisRestart(script, emulator);
    emulator.reset();
    const takeoverRun = await takeover(script, emulator);
    emulator.reset();
    const replyRun = await replies(script, emulator);
    runs.push({ gateway: name, burst: burstDelivery, redisRestart: restart, ...takeoverRun, ...replyRun });
  }
  return runs;
}

export function formatLiveFaults(runs: readonly LiveFaultRun[]): string {
  const round = (value: number | null): string => (value === null ? 'never' : Number.isFinite(value) ? (Math.round(value * 10) / 10).toString() : 'n/a');
  const share = (delivery: Delivery): string => `${round((delivery.delivered / delivery.expected) * 100)}% (${delivery.resyncs} RESYNC)`;
  return [
    'Live under faults: 2 replicas sharing Redis unless noted, default live settings, emulator latency as above',
    '| gateway | burst 1,000/s × 5 s: delivered / sent | Redis down 5 s: delivered / sent | takeover after SIGKILL, s | reply after kill, s | reply latency p50 / p95 s (1 replica, 10 cases) | poll reads / watched case / min |',
    '|---|---|---|---|---|---|---|',
    ...runs.map(
      (run) =>
        `| ${run.gateway} | ${share(run.burst)} | ${share(run.redisRestart)} | ${round(run.takeoverMs === null ? null : run.takeoverMs / 1000)} | ${round(run.replyAfterKillMs === null ? null : run.replyAfterKillMs / 1000)} | ${round(run.replyLatencyMs.p50 / 1000)} / ${round(run.replyLatencyMs.p95 / 1000)} (${run.replyLatencyMs.missed} of ${run.replyLatencyMs.replies} missed) | ${round(run.readsPerWatchedCasePerMinute)} |`,
    ),
  ].join('\n');
}

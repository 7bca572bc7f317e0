/**
 * The `live` section of `npm run bench`: 1,000 subscribers over 10 keys on 2 gateway replicas
 * (processes) sharing a Redis that the section starts. Signed webhooks are posted to the replicas
 * in turn; each is read by every subscriber with its own key. Measured: latency from the webhook's
 * receipt to each client's receipt, upstream calls per event, and resident memory per 1,000
 * subscriptions, for ours and for the naive baseline (each subscriber re-reads alone: no planning,
 * no loaders, no sharing of reads), in the same run.
 *
 * A key's subscribers all connect to the replica its key hashes to, as a load balancer hashing
 * on `Authorization` would send them: the reads of one event are then shared per key, not per key
 * and replica.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { WEBHOOK_EVENTS, webhookSignature } from '../emulator/webhooks.js';
import { rssMiB, startGatewayProcess, type GatewayProcess } from './processes.js';
import { startRedis } from './redisServer.js';
import { percentile, sortedCopy } from './stats.js';

export interface LiveSettings {
  latencyMs: number;
  subscribers: number;
  keys: number;
  events: number;
}

export interface LiveRun {
  gateway: string;
  subscribers: number;
  keys: number;
  replicas: number;
  events: number;
  latencyMs: { p50: number; p99: number };
  upstreamCallsPerEvent: number;
  /** Keys times the reads the selection needs (the case, its contact): the most ours may make. */
  boundPerEvent: number;
  rssMiBPer1000: number;
  missed: number;
}

const SECRET = 'bench-webhook-secret';
const SUBSCRIPTION = 'subscription { caseEvents { type case { id title status contact { name } } } }';
const READS_PER_KEY = 2;
const WAVE = 100;

const now = (): number => performance.timeOrigin + performance.now();

async function liveSubscriptions(replica: GatewayProcess): Promise<number> {
  const text = await (await fetch(replica.url.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((entry) => entry.startsWith('live_subscriptions{field="caseEvents"} '));
  return line ? Number(line.split(' ')[1]) : 0;
}

interface Contender {
  name: string;
  strategy: 'planned' | 'naive';
  /** The gateway process's script; ours by default. */
  script?: string;
}

async function runOne({ name, strategy, script }: Contender, emulator: Emulator, redisUrl: string, settings: LiveSettings): Promise<LiveRun> {
  const env = {
    ACQUIRE_BASE_URL: emulator.url,
    REDIS_URL: redisUrl,
    ACQUIRE_WEBHOOK_SECRET: SECRET,
    LIVE_MAX_CONNECTIONS_PER_KEY: String(settings.subscribers),
    LOG_LEVEL: 'warn',
    BENCH_STRATEGY: strategy,
  };
  const replicas = [await startGatewayProcess(env, script), await startGatewayProcess(env, script)];
  const clients: Client[] = [];
  const received = new Map<string, number[]>();
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rssBefore = replicas.reduce((sum, replica) => sum + rssMiB(replica.pid), 0);
    let failures = 0;
    // In waves, each connected before the next starts: a thousand handshakes at once on a busy
    // machine would only measure the handshake time-out.
    for (let first = 0; first < settings.subscribers; first += WAVE) {
      const wave: Array<Promise<void>> = [];
      for (let i = first; i < Math.min(first + WAVE, settings.subscribers); i += 1) {
        const key = i % settings.keys;
        const replica = replicas[key % replicas.length]!;
        let connected: () => void = () => {};
        wave.push(new Promise<void>((resolve) => (connected = resolve)));
        const client = createClient({
          url: replica.url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { Authorization: `Bearer demo-full-access-k${key}` },
          retryAttempts: 3,
          on: { connected: () => connected() },
        });
        clients.push(client);
        client.subscribe(
          { query: SUBSCRIPTION },
          {
            next: (result) => {
              const caseId = (result.data as { caseEvents?: { case?: { id?: string } } } | null | undefined)?.caseEvents?.case?.id;
              if (!caseId) return;
              const times = received.get(caseId) ?? [];
              times.push(now());
              received.set(caseId, times);
            },
            error: () => {
              failures += 1;
            },
            complete: () => {},
          },
        );
      }
      await Promise.all(wave);
    }
    const deadline = Date.now() + 120_000;
    let started = 0;
    while ((started = (await Promise.all(replicas.map(liveSubscriptions))).reduce((a, b) => a + b, 0)) < settings.subscribers) {
      if (Date.now() > deadline) throw new Error(`only ${started} of ${settings.subscribers} subscriptions started within two minutes (${failures} failed)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const rssAfter = replicas.reduce((sum, replica) => sum + rssMiB(replica.pid), 0);

    const latencies: number[] = [];
    let calls = 0;
    let missed = 0;
    for (let event = 0; event < settings.events; event += 1) {
      const caseId = String(1001 + event);
      const body = JSON.stringify({ event: WEBHOOK_EVENTS.casePending, dateCreated: new Date().toISOString(), data: { case: { id: Number(caseId) } } });
      emulator.resetCalls();
      const sentAt = now();
      const response = await fetch(replicas[event % replicas.length]!.url.replace(/\/graphql$/, '/webhooks/acquire'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-acquire-signature': webhookSignature(SECRET, JSON.parse(body)) },
        body,
      });
      await response.arrayBuffer();
      const until = Date.now() + 30_000;
      while ((received.get(caseId)?.length ?? 0) < settings.subscribers && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
      const times = received.get(caseId) ?? [];
      missed += settings.subscribers - times.length;
      latencies.push(...times.map((at) => at - sentAt));
      calls += emulator.calls.length;
    }
    const sorted = sortedCopy(latencies);
    return {
      gateway: name,
      subscribers: settings.subscribers,
      keys: settings.keys,
      replicas: replicas.length,
      events: settings.events,
      latencyMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) },
      upstreamCallsPerEvent: calls / settings.events,
      boundPerEvent: settings.keys * READS_PER_KEY,
      rssMiBPer1000: ((rssAfter - rssBefore) / settings.subscribers) * 1000,
      missed,
    };
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    for (const replica of replicas) await replica.stop();
  }
}

/** Ours and the naive baseline; with `baselineScript`, the version before too (planned, as it shipped). */
export async function runLive(settings: LiveSettings, baselineScript: string | null = null): Promise<LiveRun[]> {
  const emulator = await startEmulator({ latencyMs: settings.latencyMs });
  try {
    const runs: LiveRun[] = [];
    const contenders: Contender[] = [
      { name: 'ours', strategy: 'planned' },
      { name: 'naive', strategy: 'naive' },
      ...(baselineScript ? [{ name: 'before', strategy: 'planned' as const, script: baselineScript }] : []),
    ];
    for (const contender of contenders) {
      process.stderr.write(`bench: live, ${contender.name}…\n`);
      // A Redis of its own: what one run announced (a case's status) is no news to the next.
      const redis = await startRedis();
      try {
        runs.push(await runOne(contender, emulator, redis.url, settings));
      } finally {
        await redis.stop();
      }
    }
    return runs;
  } finally {
    await emulator.stop();
  }
}

export function formatLive(runs: readonly LiveRun[], settings: LiveSettings): string {
  const round = (value: number): string => (Number.isFinite(value) ? (Math.round(value * 10) / 10).toString() : 'n/a');
  const lines = [
    `Live: ${settings.subscribers} subscribers over ${settings.keys} keys on 2 replicas sharing Redis, ${settings.events} webhooks, upstream ${settings.latencyMs} ms a call`,
    '| gateway | latency p50 ms | latency p99 ms | upstream calls / event | bound (keys × reads) | RSS MiB / 1,000 subscriptions | missed |',
    '|---|---|---|---|---|---|---|',
    ...runs.map((run) => `| ${run.gateway} | ${round(run.latencyMs.p50)} | ${round(run.latencyMs.p99)} | ${round(run.upstreamCallsPerEvent)} | ${run.boundPerEvent} | ${round(run.rssMiBPer1000)} | ${run.missed} |`),
  ];
  const ours = runs.find((run) => run.gateway === 'ours');
  const naive = runs.find((run) => run.gateway === 'naive');
  const before = runs.find((run) => run.gateway === 'before');
  if (ours && before) lines.push('', `memory per subscription: ours ${round(ours.rssMiBPer1000 * 1.024)} KB, before ${round(before.rssMiBPer1000 * 1.024)} KB`);
  if (ours && naive) {
    lines.push(
      '',
      `naive / ours: ${round(naive.upstreamCallsPerEvent / ours.upstreamCallsPerEvent)}× the upstream calls, ${round(naive.latencyMs.p50 / ours.latencyMs.p50)}× the p50 latency, ${round(naive.latencyMs.p99 / ours.latencyMs.p99)}× the p99`,
    );
  }
  return lines.join('\n');
}

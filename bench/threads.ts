/**
 * Inbox pages over short and long threads: the same operations against emulators whose cases
 * hold 5 and 2,000 messages each, with sharing between requests off so that each request pays its
 * own way. For each gateway (ours, the naive baseline, and an earlier version when
 * BENCH_BASELINE_DIR names one): upstream calls, upstream bytes and round trips of one request,
 * p50/p95 under load, and the ratios long/short.
 */
import { startEmulator, DEMO_API_KEY, type Emulator, type EmulatorCall } from '../emulator/server.js';
import { roundTrips } from './criticalPath.js';
import { runLoad, startGatewayProcess, type GatewayProcess } from './processes.js';

export const THREAD_OPERATIONS = {
  inboxPage: '{ cases(first: 20) { nodes { id title contact { name } lastMessage { id text } } } }',
  caseSummary: 'query ($id: ID!) { case(id: $id) { id title lastMessage { id text } } }',
} as const;

export type ThreadOperation = keyof typeof THREAD_OPERATIONS;

export const PROFILES = { short: 5, long: 2_000 } as const;

export interface ThreadRun {
  profile: keyof typeof PROFILES;
  gateway: string;
  operation: ThreadOperation;
  upstreamCalls: number;
  upstreamBytes: number;
  roundTrips: number;
  p50: number;
  p95: number;
  throughput: number;
  failures: number;
  /**
   * The error code when the one request alone failed (an earlier version that embeds whole
   * conversations times out on long threads): then it is not put under load.
   */
  error: string | null;
}

export interface ThreadSettings {
  /** Per upstream call, as in the other sections: round trips are only visible with a latency. */
  latencyMs: number;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** The entry of an earlier version's gateway process, to run beside ours. */
  baselineGateway: string | null;
}

const CASE_ID = '1001';

async function measure(emulator: Emulator, gateway: GatewayProcess, operation: ThreadOperation, settings: ThreadSettings) {
  const body = JSON.stringify({ query: THREAD_OPERATIONS[operation], variables: { id: CASE_ID } });
  const requestId = `threads-${operation}-${Date.now()}`;
  emulator.resetCalls();
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body });
  const text = await response.text();
  const own: EmulatorCall[] = emulator.calls.filter((call) => call.requestId === requestId);
  const upstream = { upstreamCalls: own.length, upstreamBytes: own.reduce((sum, call) => sum + call.bytes, 0), roundTrips: roundTrips(own) };
  if (response.status !== 200 || text.includes('"errors"')) {
    const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? `HTTP ${response.status}`;
    return { ...upstream, p50: Number.NaN, p95: Number.NaN, throughput: 0, failures: 1, error: code };
  }
  const load = await runLoad({ url: gateway.url, body, connections: settings.connections, warmupMs: settings.warmupMs, durationMs: settings.durationMs });
  return {
    ...upstream,
    p50: load.latencyMs.p50,
    p95: load.latencyMs.p95,
    throughput: load.throughput,
    failures: load.failures,
    error: null,
  };
}

export async function runThreads(settings: ThreadSettings): Promise<ThreadRun[]> {
  const runs: ThreadRun[] = [];
  for (const [profile, messagesPerCase] of Object.entries(PROFILES) as Array<[keyof typeof PROFILES, number]>) {
    process.stderr.write(`bench: threads, ${messagesPerCase} messages per case…\n`);
    const emulator = await startEmulator({ messagesPerCase, latencyMs: settings.latencyMs });
    // Sharing between requests off, and the record cache: each request makes and pays for its own calls.
    const env = { ACQUIRE_BASE_URL: emulator.url, ACQUIRE_API_KEY: DEMO_API_KEY, GRAPHQL_SHARE_OPERATIONS: 'false', ACQUIRE_COALESCE_READS: 'false', RECORD_CACHE: 'off' };
    const gateways: Record<string, GatewayProcess> = {
      ours: await startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned' }),
      naive: await startGatewayProcess({ ...env, BENCH_STRATEGY: 'naive' }),
      ...(settings.baselineGateway ? { before: await startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned' }, settings.baselineGateway) } : {}),
    };
    try {
      for (const [gateway, process_] of Object.entries(gateways)) {
        for (const operation of Object.keys(THREAD_OPERATIONS) as ThreadOperation[]) {
          runs.push({ profile, gateway, operation, ...(await measure(emulator, process_, operation, settings)) });
        }
      }
    } finally {
      for (const gateway of Object.values(gateways)) await gateway.stop();
      await emulator.stop();
    }
  }
  return runs;
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export function formatThreads(runs: readonly ThreadRun[], settings: ThreadSettings): string {
  const header = ['operation', 'gateway', 'messages/case', 'calls', 'upstream KB', 'round trips', 'p50 ms', 'p95 ms', 'req/s', 'failed'];
  const rows: string[][] = [header];
  const find = (profile: keyof typeof PROFILES, gateway: string, operation: ThreadOperation) =>
    runs.find((run) => run.profile === profile && run.gateway === gateway && run.operation === operation);
  const gateways = [...new Set(runs.map((run) => run.gateway))];
  for (const operation of Object.keys(THREAD_OPERATIONS) as ThreadOperation[]) {
    for (const gateway of gateways) {
      for (const profile of Object.keys(PROFILES) as Array<keyof typeof PROFILES>) {
        const run = find(profile, gateway, operation);
        if (!run) continue;
        rows.push([
          operation,
          gateway,
          String(PROFILES[profile]),
          String(run.upstreamCalls),
          fixed(run.upstreamBytes / 1024),
          String(run.roundTrips),
          fixed(run.p50),
          fixed(run.p95),
          fixed(run.throughput, 0),
          run.error ?? String(run.failures),
        ]);
      }
      const short = find('short', gateway, operation);
      const long = find('long', gateway, operation);
      if (short && long) {
        rows.push([
          '',
          `${gateway} long/short`,
          '',
          `${fixed(long.upstreamCalls / short.upstreamCalls, 2)}x`,
          `${fixed(long.upstreamBytes / short.upstreamBytes, 2)}x`,
          '',
          `${fixed(long.p50 / short.p50, 2)}x`,
          `${fixed(long.p95 / short.p95, 2)}x`,
          '',
          '',
        ]);
      }
    }
  }
  const widths = header.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  const table = rows.map((cells) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
  return [
    `inbox pages over short and long threads (${settings.latencyMs} ms upstream, sharing between requests off; one request alone for calls, bytes and round trips; ` +
      `${settings.connections} connections for ${settings.durationMs / 1000} s for p50/p95): inboxPage = 20 cases with contact name and last message, caseSummary = one case's last message`,
    table,
  ].join('\n');
}

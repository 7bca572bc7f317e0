/**
 * The dashboard query under closed-loop load against three gateways in one run: ours, the
 * hand-written Apollo + DataLoader baseline, and the naive baseline; with one key for all
 * connections (what can be shared) and a key per connection (what cannot), at 0 ms and 20 ms of
 * upstream latency. Every answer is compared with a reference answer for its key.
 */
import type { Emulator } from '../emulator/server.js';
import type { GatewayProcess } from './processes.js';
import { withoutCost } from './answers.js';
import { peakRssMiB, resetPeakRss, runLoad } from './processes.js';

export interface DashboardRun {
  latencyMs: number;
  keys: 'same key' | 'key per connection';
  gateway: string;
  throughput: number;
  latency: { p50: number; p95: number; p99: number };
  upstreamCallsPerRequest: number;
  peakRssMiB: number;
  requests: number;
  failures: number;
  mismatches: number;
}

export interface DashboardSettings {
  connections: number;
  warmupMs: number;
  durationMs: number;
}

async function reference(url: string, body: string, key: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`reference answer failed: ${text.slice(0, 300)}`);
  return withoutCost(text);
}

/**
 * Each row runs on a gateway process of its own, started for it: a process kept from an earlier
 * row keeps the heap that row grew (a faster gateway grows more at 0 ms), and its peak RSS would
 * measure the row before as much as its own.
 */
export async function runDashboard(
  emulator: Emulator,
  gateways: Record<string, () => Promise<GatewayProcess>>,
  document: string,
  keys: { demo: string; other: string },
  settings: DashboardSettings,
): Promise<DashboardRun[]> {
  const body = JSON.stringify({ query: document, variables: {} });
  const runs: DashboardRun[] = [];
  const plans: Array<{ latencyMs: number; keys: DashboardRun['keys']; gateways: string[] }> = [
    { latencyMs: 0, keys: 'same key', gateways: Object.keys(gateways) },
    { latencyMs: 20, keys: 'same key', gateways: Object.keys(gateways) },
    { latencyMs: 0, keys: 'key per connection', gateways: Object.keys(gateways).filter((name) => name !== 'naive') },
    { latencyMs: 20, keys: 'key per connection', gateways: Object.keys(gateways).filter((name) => name !== 'naive') },
  ];
  for (const plan of plans) {
    emulator.reset();
    emulator.setLatencyMs(plan.latencyMs);
    for (const name of plan.gateways) {
      const gateway = await gateways[name]!();
      process.stderr.write(`bench: dashboard, ${plan.latencyMs} ms, ${plan.keys}, ${name}…\n`);
      // Half the connections on each account, so an answer served across keys cannot go unnoticed.
      const connectionKeys =
        plan.keys === 'same key'
          ? [keys.demo]
          : Array.from({ length: settings.connections }, (_, i) => `${i % 2 === 0 ? keys.demo : keys.other}-c${i}`);
      let load: Awaited<ReturnType<typeof runLoad>>;
      try {
        const expectedBodies = await Promise.all(connectionKeys.map((key) => reference(gateway.url, body, key)));
        resetPeakRss(gateway.pid);
        emulator.resetCalls();
        load = await runLoad({
          url: gateway.url,
          body,
          connections: settings.connections,
          warmupMs: settings.warmupMs,
          durationMs: settings.durationMs,
          connectionHeaders: connectionKeys.map((key) => ({ authorization: `Bearer ${key}` })),
          expectedBodies,
        });
      } catch (error) {
        await gateway.stop();
        throw error;
      }
      const peakRss = peakRssMiB(gateway.pid);
      await gateway.stop();
      runs.push({
        latencyMs: plan.latencyMs,
        keys: plan.keys,
        gateway: name,
        throughput: load.throughput,
        latency: load.latencyMs,
        upstreamCallsPerRequest: load.sent === 0 ? Number.NaN : emulator.calls.length / load.sent,
        peakRssMiB: peakRss,
        requests: load.requests,
        failures: load.failures,
        mismatches: load.mismatches,
      });
    }
  }
  return runs;
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export function formatDashboard(runs: readonly DashboardRun[], settings: DashboardSettings): string {
  const header = ['latency', 'keys', 'gateway', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'calls/req', 'peak RSS MiB', 'requests', 'failed', 'wrong'];
  const rows: string[][] = [header];
  const groups = new Map<string, DashboardRun[]>();
  for (const run of runs) {
    const key = `${run.latencyMs}|${run.keys}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  for (const group of groups.values()) {
    for (const run of group) {
      rows.push([
        `${run.latencyMs} ms`,
        run.keys,
        run.gateway,
        fixed(run.throughput, 0),
        fixed(run.latency.p50),
        fixed(run.latency.p95),
        fixed(run.latency.p99),
        fixed(run.upstreamCallsPerRequest, 2),
        fixed(run.peakRssMiB, 0),
        String(run.requests),
        String(run.failures),
        String(run.mismatches),
      ]);
    }
    const ours = group.find((run) => run.gateway === 'ours');
    for (const baseline of group.filter((run) => run.gateway !== 'ours')) {
      if (!ours) continue;
      rows.push([
        '',
        '',
        `ours/${baseline.gateway}`,
        `${fixed(ours.throughput / baseline.throughput, 2)}x`,
        `${fixed(ours.latency.p50 / baseline.latency.p50, 2)}x`,
        `${fixed(ours.latency.p95 / baseline.latency.p95, 2)}x`,
        `${fixed(ours.latency.p99 / baseline.latency.p99, 2)}x`,
        `${fixed(ours.upstreamCallsPerRequest / baseline.upstreamCallsPerRequest, 2)}x`,
        `${fixed(ours.peakRssMiB / baseline.peakRssMiB, 2)}x`,
        '',
        '',
        '',
      ]);
    }
    if (ours && ours.latencyMs > 0) {
      rows.push(['', '', `ours p50 / 2 x ${ours.latencyMs} ms floor`, '', `${fixed(ours.latency.p50 / (2 * ours.latencyMs), 2)}x`, '', '', '', '', '', '', '']);
    }
  }
  const widths = header.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  const table = rows.map((cells) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
  return [
    `dashboard20 under load: ${settings.connections} connections, closed loop, ${settings.durationMs / 1000} s after ${settings.warmupMs / 1000} s warm-up; ` +
      'every answer compared with its key\'s reference answer ("wrong"); key per connection = half demo, half another account',
    table,
  ].join('\n');
}

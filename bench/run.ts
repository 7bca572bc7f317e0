/**
 * `npm run bench`: our gateway against the naive baseline (same schema, planning, DataLoader and
 * read sharing off), both in front of the emulator with an artificial latency per upstream call,
 * in one run. Prints a table and writes bench/results.json.
 *
 * Then the dashboard query under load against ours, the hand-written Apollo + DataLoader
 * baseline and the naive one, with one key and with a key per connection (bench/dashboard.ts).
 *
 * Then inbox pages over short and long threads (bench/threads.ts), and idle memory after a
 * production start (bench/startup.ts).
 *
 * With BENCH_BASELINE_DIR set to a built checkout of an earlier version (`npm ci && npm run build`
 * there), that version runs beside ours in the operations, dashboard, start-up and live-faults
 * sections: before and after, measured in one run on the same machine.
 *
 * Settings: BENCH_LATENCY_MS (20), BENCH_CONNECTIONS (10), BENCH_DURATION_MS (5000),
 * BENCH_WARMUP_MS (1000), BENCH_OPERATIONS (comma-separated names; all by default),
 * BENCH_SECTIONS (operations,dashboard,cost,threads,startup,live), BENCH_BASELINE_DIR; for cost: BENCH_COST_ROUNDS (6),
 * BENCH_COST_ROUND_MS (2000); for live: BENCH_LIVE_SUBSCRIBERS (1000),
 * BENCH_LIVE_KEYS (10), BENCH_LIVE_EVENTS (10).
 */
import os from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_API_KEY, OTHER_ACCOUNT_API_KEY, startEmulator, type EmulatorCall } from '../emulator/server.js';
import { formatCost, runCost, type CostRun } from './cost.js';
import { criticalPathMs, roundTrips } from './criticalPath.js';
import { formatDashboard, runDashboard, type DashboardRun } from './dashboard.js';
import { formatLive, runLive, type LiveRun } from './live.js';
import { formatLiveFaults, runLiveFaults, type LiveFaultRun } from './liveFaults.js';
import { findFixture, OPERATIONS, type Operation, type Fixture } from './operations.js';
import { peakRssMiB, resetPeakRss, runLoad, startGatewayProcess, type GatewayProcess } from './processes.js';
import { formatRecordCache, UNCACHED, warmPage, type WarmPage } from './recordCache.js';
import { percentile, sortedCopy } from './stats.js';
import { formatStartup, runStartup, type StartupRun } from './startup.js';
import { formatTable, type OperationResult, type Measurement } from './table.js';
import { formatThreads, runThreads, type ThreadRun } from './threads.js';

const setting = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};

const latencyMs = setting('BENCH_LATENCY_MS', 20);
const connections = setting('BENCH_CONNECTIONS', 10);
const durationMs = setting('BENCH_DURATION_MS', 5000);
const warmupMs = setting('BENCH_WARMUP_MS', 1000);
const ALONE_MS = 2000;
const chosen = process.env.BENCH_OPERATIONS?.split(',').map((name) => name.trim());
const sections = (process.env.BENCH_SECTIONS ?? 'operations,dashboard,cost,threads,startup,live').split(',').map((name) => name.trim());
const baselineDir = process.env.BENCH_BASELINE_DIR?.trim() || null;
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

async function post(url: string, body: string, requestId: string): Promise<{ errors?: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body,
  });
  return (await response.json()) as { errors?: unknown };
}

type TestEmulator = Awaited<ReturnType<typeof startEmulator>>;

/** For each request id, the upstream's own time on its critical path, and how many calls it made. */
function criticalPaths(calls: readonly EmulatorCall[]): Map<string, { ms: number; calls: number }> {
  const byRequest = new Map<string, EmulatorCall[]>();
  for (const call of calls) {
    if (call.requestId === null) continue;
    const list = byRequest.get(call.requestId);
    if (list) list.push(call);
    else byRequest.set(call.requestId, [call]);
  }
  return new Map([...byRequest].map(([id, list]) => [id, { ms: criticalPathMs(list), calls: list.length }]));
}

/**
 * Gateway latency over the upstream's critical-path time, request by request, for requests that
 * made all their calls themselves: one that joined another's calls (or answer) has a critical
 * path of someone else's, which its own call log cannot show.
 */
function overheads(samples: ReadonlyArray<readonly [string, number]>, paths: Map<string, { ms: number; calls: number }>, ownCalls: number): Float64Array {
  return sortedCopy(
    samples.flatMap(([id, latency]) => {
      const path = paths.get(id);
      return path && path.calls === ownCalls ? [latency / path.ms] : [];
    }),
  );
}

async function measure(gateway: GatewayProcess, operation: Operation, fixture: Fixture, emulator: TestEmulator): Promise<Measurement> {
  const body = JSON.stringify({ query: operation.document, variables: operation.variables(fixture) });
  const check = await post(gateway.url, body, `${operation.name}-check`);
  if (check.errors) throw new Error(`${operation.name} failed: ${JSON.stringify(check.errors)}`);

  // Alone: one connection, each request sent when the last one is answered.
  emulator.resetCalls();
  const alone = await runLoad({ url: gateway.url, body, connections: 1, warmupMs: 300, durationMs: ALONE_MS });
  const alonePaths = criticalPaths(emulator.calls);
  const [firstId] = alone.samples[0] ?? [''];
  const oneRequest = emulator.calls.filter((call) => call.requestId === firstId);
  const ownCalls = oneRequest.length;

  resetPeakRss(gateway.pid);
  emulator.resetCalls();
  const load = await runLoad({ url: gateway.url, body, connections, warmupMs, durationMs });
  const loadOverheads = overheads(load.samples, criticalPaths(emulator.calls), ownCalls);
  return {
    upstreamCalls: oneRequest.length,
    roundTrips: roundTrips(oneRequest),
    isolatedMedianMs: alone.latencyMs.p50,
    criticalPathMedianMs: percentile(sortedCopy(alone.samples.map(([id]) => alonePaths.get(id)?.ms ?? Number.NaN)), 0.5),
    overheadAlone: percentile(overheads(alone.samples, alonePaths, ownCalls), 0.5),
    overheadUnderLoad: { p50: percentile(loadOverheads, 0.5), p95: percentile(loadOverheads, 0.95) },
    underLoad: { ...load, samples: [] },
    upstreamCallsPerRequestUnderLoad: load.sent === 0 ? Number.NaN : emulator.calls.length / load.sent,
    peakRssMiB: peakRssMiB(gateway.pid),
  };
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ latencyMs });
  const fixture = await findFixture(emulator.url, DEMO_API_KEY);
  const env = { ACQUIRE_BASE_URL: emulator.url, ACQUIRE_API_KEY: DEMO_API_KEY };
  const ours = await startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned' });
  const naive = await startGatewayProcess({ ...env, BENCH_STRATEGY: 'naive' });
  const handwritten = await startGatewayProcess(env, './handwrittenProcess.js');
  // The dashboard also runs whole-query sharing off and the record cache off (each is kept only if
  // it earns its code, measured in the same run); a warm page is read on the latter too.
  const uncached = sections.includes('dashboard') ? await startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned', RECORD_CACHE: 'off' }) : null;
  const before = baselineDir && sections.includes('operations') ? await startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned' }, join(baselineDir, 'dist/bench/gatewayProcess.js')) : null;
  const operations = OPERATIONS.filter((operation) => !chosen || chosen.includes(operation.name));
  const results: OperationResult[] = [];
  const dashboardSettings = { connections, warmupMs, durationMs };
  let dashboard: DashboardRun[] = [];
  let warm: WarmPage[] = [];
  let startup: StartupRun[] = [];
  let live: LiveRun[] = [];
  let liveFaults: LiveFaultRun[] = [];
  const liveSettings = {
    latencyMs,
    subscribers: setting('BENCH_LIVE_SUBSCRIBERS', 1000),
    keys: setting('BENCH_LIVE_KEYS', 10),
    events: setting('BENCH_LIVE_EVENTS', 10),
  };
  let threads: ThreadRun[] = [];
  let cost: CostRun[] = [];
  const costSettings = { connections, rounds: setting('BENCH_COST_ROUNDS', 6), roundMs: setting('BENCH_COST_ROUND_MS', 2000) };
  const threadSettings = {
    latencyMs,
    connections: Math.min(connections, 4),
    warmupMs: Math.min(warmupMs, 500),
    durationMs: Math.min(durationMs, 3000),
    baselineGateway: baselineDir ? join(baselineDir, 'dist/bench/gatewayProcess.js') : null,
  };
  try {
    if (sections.includes('operations')) {
      for (const operation of operations) {
        process.stderr.write(`bench: ${operation.name}…\n`);
        emulator.reset();
        const oursResult = await measure(ours, operation, fixture, emulator);
        emulator.reset();
        const naiveResult = await measure(naive, operation, fixture, emulator);
        emulator.reset();
        const beforeResult = before ? await measure(before, operation, fixture, emulator) : null;
        results.push({ name: operation.name, label: operation.label, ours: oursResult, naive: naiveResult, ...(beforeResult ? { before: beforeResult } : {}) });
      }
    }
    if (sections.includes('dashboard')) {
      const document = OPERATIONS.find((operation) => operation.name === 'dashboard20')!.document;
      const gateways: Record<string, () => Promise<GatewayProcess>> = {
        ours: () => startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned' }),
        'hand-written': () => startGatewayProcess(env, './handwrittenProcess.js'),
        naive: () => startGatewayProcess({ ...env, BENCH_STRATEGY: 'naive' }),
        'ours, no query sharing': () => startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned', GRAPHQL_SHARE_OPERATIONS: 'false' }),
        [UNCACHED]: () => startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned', RECORD_CACHE: 'off' }),
        ...(baselineDir ? { before: () => startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned' }, join(baselineDir, 'dist/bench/gatewayProcess.js')) } : {}),
      };
      dashboard = await runDashboard(emulator, gateways, document, { demo: DEMO_API_KEY, other: OTHER_ACCOUNT_API_KEY }, dashboardSettings);
      emulator.reset();
      emulator.setLatencyMs(latencyMs);
      warm = [await warmPage(emulator, 'ours', ours, document, DEMO_API_KEY), ...(uncached ? [await warmPage(emulator, UNCACHED, uncached, document, DEMO_API_KEY)] : [])];
    }
    if (sections.includes('cost')) {
      const single = OPERATIONS.find((operation) => operation.name === 'singleCase')!;
      const body = JSON.stringify({ query: single.document, variables: single.variables(fixture) });
      const withoutCost = await startGatewayProcess({ ...env, BENCH_STRATEGY: 'planned', BENCH_COST_EXTENSION: 'off' });
      try {
        cost = await runCost({ withCost: ours, withoutCost }, body, costSettings);
      } finally {
        await withoutCost.stop();
      }
    }
    if (sections.includes('threads')) threads = await runThreads(threadSettings);
    if (sections.includes('startup')) {
      const entryPoints = { ours: here('../src/index.js'), ...(baselineDir ? { before: join(baselineDir, 'dist/src/index.js') } : {}) };
      startup = await runStartup(entryPoints, { ACQUIRE_BASE_URL: emulator.url, ACQUIRE_API_KEY: DEMO_API_KEY });
    }
    if (sections.includes('live')) {
      live = await runLive(liveSettings, baselineDir ? join(baselineDir, 'dist/bench/gatewayProcess.js') : null);
      liveFaults = await runLiveFaults(emulator, { ours: here('./gatewayProcess.js'), ...(baselineDir ? { before: join(baselineDir, 'dist/bench/gatewayProcess.js') } : {}) });
    }
  } finally {
    for (const gateway of [ours, naive, handwritten, uncached, before]) await gateway?.stop();
    await emulator.stop();
  }

  const settings = { latencyMs, connections, durationMs, warmupMs, aloneMs: ALONE_MS };
  if (results.length > 0) process.stdout.write(`${formatTable(results, settings)}\n\n`);
  if (dashboard.length > 0) process.stdout.write(`${formatDashboard(dashboard, dashboardSettings)}\n`);
  if (cost.length > 0) process.stdout.write(`\n${formatCost(cost, { ...costSettings, latencyMs })}\n`);
  if (dashboard.length > 0) process.stdout.write(`\n${formatRecordCache(dashboard, warm, 20)}\n`);
  if (threads.length > 0) process.stdout.write(`\n${formatThreads(threads, threadSettings)}\n`);
  if (startup.length > 0) process.stdout.write(`\n${formatStartup(startup)}\n`);
  if (live.length > 0) process.stdout.write(`\n${formatLive(live, liveSettings)}\n`);
  if (liveFaults.length > 0) process.stdout.write(`\n${formatLiveFaults(liveFaults)}\n`);
  const file = fileURLToPath(new URL('../../bench/results.json', import.meta.url));
  mkdirSync(fileURLToPath(new URL('../../bench/', import.meta.url)), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { node: process.version, cpus: os.cpus().length, platform: process.platform },
        settings,
        operations: results,
        dashboard,
        cost,
        recordCache: { warmPage: warm },
        threads,
        startup,
        live,
        liveFaults,
        ...(baselineDir ? { baseline: baselineDir } : {}),
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`\nwrote ${file}\n`);
}

await main();

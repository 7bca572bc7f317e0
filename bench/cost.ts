/**
 * What `extensions.cost` adds to a simple query: the same gateway with and without it, in two
 * processes, on the single-case query, alone (one connection) and under load. The two are measured
 * in interleaved rounds (A B, B A, ...) and their latencies pooled, so that the drift of a shared,
 * noisy machine falls on both alike; the figure is the ratio of the pooled p50s.
 */
import type { GatewayProcess } from './processes.js';
import { runLoad } from './processes.js';
import { percentile, sortedCopy } from './stats.js';

export interface CostSettings {
  connections: number;
  rounds: number;
  roundMs: number;
}

export interface CostRun {
  mode: 'alone' | 'under load';
  /** Pooled latencies of each gateway: p50, p95, and how many requests. */
  withCost: { p50: number; p95: number; requests: number };
  withoutCost: { p50: number; p95: number; requests: number };
}

export async function runCost(gateways: { withCost: GatewayProcess; withoutCost: GatewayProcess }, body: string, settings: CostSettings): Promise<CostRun[]> {
  const runs: CostRun[] = [];
  for (const [mode, connections] of [['alone', 1], ['under load', settings.connections]] as const) {
    const latencies = { withCost: [] as number[], withoutCost: [] as number[] };
    for (let round = 0; round < settings.rounds; round += 1) {
      const order = round % 2 === 0 ? (['withCost', 'withoutCost'] as const) : (['withoutCost', 'withCost'] as const);
      for (const name of order) {
        process.stderr.write(`bench: cost, ${mode}, round ${round + 1}, ${name}…\n`);
        const result = await runLoad({ url: gateways[name].url, body, connections, warmupMs: 300, durationMs: settings.roundMs });
        if (result.failures > 0) throw new Error(`cost section: ${result.failures} failed answers from ${name}`);
        latencies[name].push(...result.samples.map(([, ms]) => ms));
      }
    }
    const summary = (values: number[]) => {
      const sorted = sortedCopy(values);
      return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), requests: values.length };
    };
    runs.push({ mode, withCost: summary(latencies.withCost), withoutCost: summary(latencies.withoutCost) });
  }
  return runs;
}

export function formatCost(runs: readonly CostRun[], settings: CostSettings & { latencyMs: number }): string {
  const lines = [
    `extensions.cost on the single-case query: ${settings.rounds} interleaved rounds of ${settings.roundMs / 1000} s per gateway and mode, ` +
      `upstream latency ${settings.latencyMs} ms; under load: ${settings.connections} connections`,
    'mode        with cost p50 ms  without p50 ms  p50 ratio  with p95 ms  without p95 ms  requests (with/without)',
  ];
  for (const run of runs) {
    lines.push(
      [
        run.mode.padEnd(10),
        run.withCost.p50.toFixed(2).padStart(16),
        run.withoutCost.p50.toFixed(2).padStart(14),
        `${(run.withCost.p50 / run.withoutCost.p50).toFixed(3)}x`.padStart(9),
        run.withCost.p95.toFixed(2).padStart(11),
        run.withoutCost.p95.toFixed(2).padStart(14),
        `${run.withCost.requests}/${run.withoutCost.requests}`.padStart(24),
      ].join('  '),
    );
  }
  return lines.join('\n');
}

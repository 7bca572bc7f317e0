import type { LoadResult } from './load.js';

export interface Measurement {
  /** Upstream calls of one request, measured alone. */
  upstreamCalls: number;
  /** Sequential upstream round trips of one request, measured alone. */
  roundTrips: number;
  /** Median latency of the request alone: one connection, one request at a time. */
  isolatedMedianMs: number;
  /** Median upstream time on the critical path of the request alone. */
  criticalPathMedianMs: number;
  /** Gateway latency / upstream critical-path time, per request that made its own calls: median alone, p50 and p95 under load. */
  overheadAlone: number;
  overheadUnderLoad: { p50: number; p95: number };
  underLoad: LoadResult;
  upstreamCallsPerRequestUnderLoad: number;
  peakRssMiB: number;
}

export interface OperationResult {
  name: string;
  label: string;
  ours: Measurement;
  naive: Measurement;
  /** The version of BENCH_BASELINE_DIR, when one is given. */
  before?: Measurement;
}

export interface Settings {
  latencyMs: number;
  connections: number;
  durationMs: number;
  warmupMs: number;
  aloneMs: number;
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ratio = (ours: number, naive: number): string => (naive > 0 && Number.isFinite(ours / naive) ? `${(ours / naive).toFixed(2)}x` : 'n/a');

const COLUMNS = ['', 'calls', 'round trips', 'alone ms', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'failed', 'peak RSS MiB'];

function row(label: string, m: Measurement): string[] {
  const load = m.underLoad;
  return [
    label,
    String(m.upstreamCalls),
    String(m.roundTrips),
    fixed(m.isolatedMedianMs),
    fixed(load.latencyMs.p50),
    fixed(load.latencyMs.p95),
    fixed(load.latencyMs.p99),
    fixed(load.throughput, 0),
    String(load.failures),
    fixed(m.peakRssMiB, 0),
  ];
}

function ratioRow(label: string, ours: Measurement, naive: Measurement): string[] {
  const a = ours.underLoad;
  const b = naive.underLoad;
  return [
    label,
    ratio(ours.upstreamCalls, naive.upstreamCalls),
    ratio(ours.roundTrips, naive.roundTrips),
    ratio(ours.isolatedMedianMs, naive.isolatedMedianMs),
    ratio(a.latencyMs.p50, b.latencyMs.p50),
    ratio(a.latencyMs.p95, b.latencyMs.p95),
    ratio(a.latencyMs.p99, b.latencyMs.p99),
    ratio(a.throughput, b.throughput),
    '',
    ratio(ours.peakRssMiB, naive.peakRssMiB),
  ];
}

function render(rows: string[][]): string {
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  return rows.map((cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}

/** One block per operation: ours, naive, their ratio, and our overhead over the upstream's own time. */
export function formatTable(results: readonly OperationResult[], settings: Settings): string {
  const lines = [
    `upstream latency ${settings.latencyMs} ms per call; load: ${settings.connections} connections, closed loop, ` +
      `${settings.durationMs / 1000} s after ${settings.warmupMs / 1000} s warm-up, from a second process; ` +
      `"alone" is the median over ${settings.aloneMs / 1000} s of one connection sending one request at a time`,
  ];
  for (const result of results) {
    const { ours, naive, before } = result;
    const beside = before ? [row('before', before), ratioRow('ours/before', ours, before)] : [];
    lines.push(
      '',
      `${result.name}: ${result.label}`,
      render([COLUMNS, row('ours', ours), row('naive', naive), ratioRow('ours/naive', ours, naive), ...beside]),
      `  overhead = gateway latency / upstream time on the critical path of requests that made their own calls (ours ${fixed(ours.criticalPathMedianMs)} ms alone, ` +
        `${ours.roundTrips} x ${settings.latencyMs} ms nominal): alone ${fixed(ours.overheadAlone, 2)}x, ` +
        `under load p50 ${fixed(ours.overheadUnderLoad.p50, 2)}x p95 ${fixed(ours.overheadUnderLoad.p95, 2)}x ` +
        `(naive: alone ${fixed(naive.overheadAlone, 2)}x, under load p50 ${fixed(naive.overheadUnderLoad.p50, 2)}x)`,
      `  upstream calls per request under load: ours ${fixed(ours.upstreamCallsPerRequestUnderLoad, 2)}, naive ${fixed(naive.upstreamCallsPerRequestUnderLoad, 2)}`,
    );
  }
  return lines.join('\n');
}

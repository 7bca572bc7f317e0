/**
 * The record cache's part of the benchmark: the dashboard query at the benchmark's upstream
 * latency, ours (the record cache on, as it ships) against ours with RECORD_CACHE=off, in the same
 * run. Its dashboard rows come from bench/dashboard.ts; this adds one warm page measured alone
 * (its upstream calls and round trips) and checks the figures against the bounds issue 22 set.
 */
import type { Emulator } from '../emulator/server.js';
import { roundTrips } from './criticalPath.js';
import type { DashboardRun } from './dashboard.js';
import type { GatewayProcess } from './processes.js';

export const UNCACHED = 'ours, no record cache';

export interface WarmPage {
  gateway: string;
  upstreamCalls: number;
  roundTrips: number;
}

/** One dashboard page after an identical one: the calls and round trips the second one made. */
export async function warmPage(emulator: Emulator, name: string, gateway: GatewayProcess, document: string, key: string): Promise<WarmPage> {
  const send = async (requestId: string): Promise<void> => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: document }),
    });
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`the warm page failed on ${name}: ${text.slice(0, 300)}`);
  };
  // Request ids are plain tokens (anything else gets a fresh id from the gateway).
  const slug = name.replace(/[^\w]+/g, '-');
  await send(`warm-page-${slug}-first`);
  const id = `warm-page-${slug}-second`;
  await send(id);
  const calls = emulator.calls.filter((call) => call.requestId === id);
  return { gateway: name, upstreamCalls: calls.length, roundTrips: roundTrips(calls) };
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

interface Check {
  what: string;
  value: string;
  bound: string;
  met: boolean;
}

/** The comparison at `latencyMs` for each key plan, and the checks of the acceptance bounds. */
export function formatRecordCache(runs: readonly DashboardRun[], warm: readonly WarmPage[], latencyMs: number): string {
  const rows: string[][] = [['keys', 'p50 cached ms', 'p50 uncached ms', 'p50 ratio', 'calls/req cached', 'calls/req uncached', 'peak RSS cached MiB', 'peak RSS uncached MiB', 'RSS ratio']];
  const checks: Check[] = [];
  for (const keys of ['same key', 'key per connection'] as const) {
    const cached = runs.find((run) => run.latencyMs === latencyMs && run.keys === keys && run.gateway === 'ours');
    const uncached = runs.find((run) => run.latencyMs === latencyMs && run.keys === keys && run.gateway === UNCACHED);
    if (!cached || !uncached) continue;
    const p50Ratio = cached.latency.p50 / uncached.latency.p50;
    const rssRatio = cached.peakRssMiB / uncached.peakRssMiB;
    rows.push([
      keys,
      fixed(cached.latency.p50),
      fixed(uncached.latency.p50),
      `${fixed(p50Ratio, 2)}x`,
      fixed(cached.upstreamCallsPerRequest, 2),
      fixed(uncached.upstreamCallsPerRequest, 2),
      fixed(cached.peakRssMiB, 0),
      fixed(uncached.peakRssMiB, 0),
      `${fixed(rssRatio, 2)}x`,
    ]);
    checks.push(
      { what: `${keys}: p50 cached / uncached`, value: `${fixed(p50Ratio, 2)}x`, bound: '<= 0.60x', met: p50Ratio <= 0.6 },
      { what: `${keys}: upstream calls per page under load`, value: fixed(cached.upstreamCallsPerRequest, 2), bound: '<= 1.10', met: cached.upstreamCallsPerRequest <= 1.1 },
      { what: `${keys}: peak RSS cached / uncached`, value: `${fixed(rssRatio, 2)}x`, bound: '<= 1.10x', met: rssRatio <= 1.1 },
    );
  }
  const ours = warm.find((page) => page.gateway === 'ours');
  if (ours) checks.unshift({ what: 'warm page alone: round trips (upstream calls)', value: `${ours.roundTrips} (${ours.upstreamCalls})`, bound: '1 round trip', met: ours.roundTrips === 1 });
  const table = (cells: string[][]): string => {
    const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
    return cells.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
  };
  return [
    `record cache: the dashboard query at ${latencyMs} ms upstream, ours against ${UNCACHED} (RECORD_CACHE=off), same run`,
    table(rows),
    `warm page alone: ${warm.map((page) => `${page.gateway} ${page.upstreamCalls} calls in ${page.roundTrips} round trips`).join('; ')}`,
    table([['check', 'value', 'bound', 'met'], ...checks.map((check) => [check.what, check.value, check.bound, check.met ? 'yes' : 'NO'])]),
  ].join('\n');
}

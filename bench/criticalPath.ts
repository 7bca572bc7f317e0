/** When an upstream call was in flight, as the upstream saw it (epoch milliseconds). */
export interface TimedCall {
  startedAt: number;
  finishedAt: number;
}

/**
 * The round trips a request waited for one after the other: the longest chain of calls in which
 * each started only after the previous one had finished. Parallel calls count once; a second
 * wave held back by a concurrency cap counts again, as it should.
 */
export function roundTrips(calls: readonly TimedCall[]): number {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const chain: number[] = [];
  let longest = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    let best = 0;
    for (let j = 0; j < i; j += 1) {
      if (sorted[j]!.finishedAt <= sorted[i]!.startedAt) best = Math.max(best, chain[j]!);
    }
    chain.push(best + 1);
    longest = Math.max(longest, best + 1);
  }
  return longest;
}

/**
 * The upstream's own time on that path: the largest sum of call durations along a chain of
 * calls that waited for each other. A gateway cannot answer faster than this.
 */
export function criticalPathMs(calls: readonly TimedCall[]): number {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const chain: number[] = [];
  let longest = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const call = sorted[i]!;
    let before = 0;
    for (let j = 0; j < i; j += 1) {
      if (sorted[j]!.finishedAt <= call.startedAt) before = Math.max(before, chain[j]!);
    }
    chain.push(before + (call.finishedAt - call.startedAt));
    longest = Math.max(longest, chain[i]!);
  }
  return longest;
}

/**
 * Readiness: can the gateway reach Acquire with its configured key? Checked at most every
 * `cacheMs`, so probes cannot hammer the upstream. Without a configured key (callers bring
 * their own) any answer from Acquire, 401 included, means reachable.
 */
import { probeCases } from '../upstream/cases.js';
import { UpstreamError } from '../upstream/errors.js';
import type { ReadPath } from '../upstream/readPath.js';

export interface ReadinessReport {
  ready: boolean;
  upstream: 'ok' | 'reachable' | 'key rejected' | 'unavailable';
  detail?: string;
  checkedAt: string;
}

export function createReadiness(readPath: ReadPath, apiKey: string | undefined, cacheMs = 5_000) {
  let cached: { at: number; report: Promise<ReadinessReport> } | null = null;

  async function probe(): Promise<ReadinessReport> {
    const checkedAt = new Date().toISOString();
    const session = readPath.session({ authorization: apiKey ? `Bearer ${apiKey}` : '', requestId: `readiness-${checkedAt}`, maxConcurrentCalls: 1 });
    try {
      await probeCases(session);
      return { ready: true, upstream: 'ok', checkedAt };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      if (!apiKey && error.code === 'UNAUTHENTICATED') return { ready: true, upstream: 'reachable', detail: 'no server-side key configured', checkedAt };
      const keyProblem = error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN';
      return { ready: false, upstream: keyProblem ? 'key rejected' : 'unavailable', detail: error.message, checkedAt };
    } finally {
      session.close();
    }
  }

  return {
    check(): Promise<ReadinessReport> {
      if (!cached || Date.now() - cached.at >= cacheMs) cached = { at: Date.now(), report: probe() };
      return cached.report;
    },
  };
}

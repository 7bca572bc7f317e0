/**
 * Readiness: can the gateway reach Acquire with its configured key? Checked at most every
 * `cacheMs`, so probes cannot hammer the upstream. Without a configured key (callers bring
 * their own) any answer from Acquire, 401 included, means reachable.
 */
import type { UpstreamClient } from '../upstream/client.js';
import { probeCases } from '../upstream/cases.js';
import { UpstreamError } from '../upstream/errors.js';

export interface ReadinessReport {
  ready: boolean;
  upstream: 'ok' | 'reachable' | 'key rejected' | 'unavailable';
  detail?: string;
  checkedAt: string;
}

export function createReadiness(client: UpstreamClient, apiKey: string | undefined, cacheMs = 5_000) {
  let cached: { at: number; report: Promise<ReadinessReport> } | null = null;

  async function probe(): Promise<ReadinessReport> {
    const checkedAt = new Date().toISOString();
    try {
      await probeCases((request) => client.send(request, apiKey ? `Bearer ${apiKey}` : ''));
      return { ready: true, upstream: 'ok', checkedAt };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      if (!apiKey && error.code === 'UNAUTHENTICATED') return { ready: true, upstream: 'reachable', detail: 'no server-side key configured', checkedAt };
      const keyProblem = error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN';
      return { ready: false, upstream: keyProblem ? 'key rejected' : 'unavailable', detail: error.message, checkedAt };
    }
  }

  return {
    check(): Promise<ReadinessReport> {
      if (!cached || Date.now() - cached.at >= cacheMs) cached = { at: Date.now(), report: probe() };
      return cached.report;
    },
  };
}

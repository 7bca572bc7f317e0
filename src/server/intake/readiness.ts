/**
 * Readiness: can the gateway reach Acquire with its configured key? Checked at most every
 * `cacheMs`, so probes cannot hammer the upstream. Without a configured key (callers bring
 * their own) any answer from Acquire, 401 included, means reachable. The probe goes past the
 * circuit breakers and the credential gate: one tenant's trouble is no reason to take the
 * gateway out of a load balancer. The live backplane's state is reported beside it; with
 * LIVE_READY_REQUIRES_BACKPLANE, a replica cut off from Redis is not ready either, so that a load
 * balancer sends subscribers to one whose events reach every replica.
 */
import type { UpstreamDialect } from '../../domain/context.js';
import { probeCases } from '../../upstream/cases.js';
import type { UpstreamClient } from '../../upstream/client.js';
import { credentialFrom } from '../../upstream/credentials.js';
import { probeSession } from '../execution/scopes.js';
import { UpstreamError } from '../../upstream/errors.js';
import type { BackplaneState } from '../../live/backplane.js';

export interface ReadinessReport {
  ready: boolean;
  upstream: 'ok' | 'reachable' | 'key rejected' | 'unavailable';
  detail?: string;
  checkedAt: string;
  backplane?: BackplaneState;
}

export interface LiveReadiness {
  state(): BackplaneState;
  /** Not ready while the backplane is not connected (LIVE_READY_REQUIRES_BACKPLANE). */
  required: boolean;
}

export function createReadiness(client: UpstreamClient, apiKey: string | undefined, dialect: UpstreamDialect, live?: LiveReadiness, cacheMs = 5_000) {
  let cached: { at: number; report: Promise<ReadinessReport> } | null = null;
  const credential = apiKey ? credentialFrom(`Bearer ${apiKey}`) : null;

  async function probe(): Promise<ReadinessReport> {
    const checkedAt = new Date().toISOString();
    try {
      await probeCases(probeSession(client, credential, `readiness-${checkedAt}`, dialect));
      return { ready: true, upstream: 'ok', checkedAt };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      if (!apiKey && error.code === 'UNAUTHENTICATED') return { ready: true, upstream: 'reachable', detail: 'no server-side key configured', checkedAt };
      const keyProblem = error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN';
      return { ready: false, upstream: keyProblem ? 'key rejected' : 'unavailable', detail: error.message, checkedAt };
    }
  }

  return {
    async check(): Promise<ReadinessReport> {
      if (!cached || Date.now() - cached.at >= cacheMs) cached = { at: Date.now(), report: probe() };
      const report = await cached.report;
      if (!live) return report;
      const backplane = live.state();
      return { ...report, ready: report.ready && (backplane.connected || !live.required), backplane };
    },
  };
}

/** The upstream client as the gateway runs it: every attempt counted in the metrics, every call a span when tracing. */
import type { Tracer } from '@opentelemetry/api';
import type { BreakerOptions } from '../../upstream/breaker.js';
import { createUpstreamClient, type UpstreamClient } from '../../upstream/client.js';
import type { GateOptions } from '../../upstream/credentials.js';
import type { RetryOptions } from '../../upstream/retry.js';
import type { Metrics } from './metrics.js';
import { inSpan, injectTraceHeaders, SpanKind } from './tracing.js';

export interface ObservedClientOptions {
  baseUrl: string;
  timeoutMs: number;
  metrics: Metrics;
  tracer: Tracer | null;
  /** Tuning for tests; the upstream layer's own defaults otherwise. */
  retry?: RetryOptions;
  breaker?: BreakerOptions;
  credentials?: GateOptions;
}

export function createObservedClient(options: ObservedClientOptions): UpstreamClient {
  const { metrics, tracer } = options;
  return createUpstreamClient({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.breaker ? { breaker: options.breaker } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    observe: ({ method, endpoint, status, durationMs }) => {
      metrics.upstreamCalls.inc({ method, endpoint, status });
      metrics.upstreamDuration.observe({ method, endpoint }, durationMs / 1000);
    },
    ...(tracer
      ? {
          traceCall: (request, endpoint, call) =>
            inSpan(
              tracer,
              `upstream ${request.method} ${endpoint}`,
              { 'http.request.method': request.method, 'url.template': endpoint },
              () => call(injectTraceHeaders({})),
              SpanKind.CLIENT,
            ),
        }
      : {}),
  });
}

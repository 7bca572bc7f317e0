/**
 * OpenTelemetry traces, only when an OTLP endpoint is configured: a span per GraphQL request and
 * one per upstream call under it. Without an endpoint nothing is loaded and no span is made, so
 * tracing costs nothing when off.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';

export interface Tracing {
  /** Null when tracing is off. */
  tracer: Tracer | null;
  shutdown(): Promise<void>;
}

const NO_TRACING: Tracing = { tracer: null, shutdown: async () => {} };

export async function startTracing(tracesUrl: string | null): Promise<Tracing> {
  if (!tracesUrl) return NO_TRACING;
  const { NodeTracerProvider, BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const provider = new NodeTracerProvider({
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl }), { scheduledDelayMillis: 1_000 })],
  });
  // Registers the async-hooks context manager (children find their parent across awaits) and
  // the W3C trace-context propagator (upstream calls carry `traceparent`).
  provider.register();
  return { tracer: provider.getTracer('acquire-graphql-gateway'), shutdown: () => provider.shutdown() };
}

/** Runs `work` inside a new span, ended (with its error, if any) when `work` settles. */
export async function inSpan<T>(
  tracer: Tracer,
  name: string,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  const span = tracer.startSpan(name, { kind, attributes });
  try {
    return await context.with(trace.setSpan(context.active(), span), () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

/** Adds `traceparent` (and friends) for the active span to outgoing headers. */
export function injectTraceHeaders(headers: Record<string, string>): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}

export { SpanKind };

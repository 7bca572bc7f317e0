/**
 * Builds the gateway (Apollo Server, the upstream client, the HTTP handler) apart from starting
 * it, so tests and the entry point start it the same way.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Tracer } from '@opentelemetry/api';
import type { Config } from '../config.js';
import { resolvers } from '../resolvers/index.js';
import { loadTypeDefs } from '../schema.js';
import type { BreakerOptions } from '../upstream/breaker.js';
import { createUpstreamClient } from '../upstream/client.js';
import { createReadPath } from '../upstream/readPath.js';
import type { RetryOptions } from '../upstream/retry.js';
import type { GatewayContext } from '../domain/context.js';
import { createRequestContexts, credentialResolver, plannedContext, type ContextFactory } from './context.js';
import { createFormatError } from './errors.js';
import { createHttpHandler, GRAPHQL_PATH } from './http.js';
import { createLimitsPlugin, DEFAULT_LIMITS, type QueryLimits } from './limits.js';
import { createMetrics, endpointTemplate, type Metrics } from './metrics.js';
import { createObservability } from './observability.js';
import { createReadiness } from './readiness.js';
import { landingPagePlugin } from './sandbox.js';
import { inSpan, injectTraceHeaders, SpanKind } from './tracing.js';
import { silentLogger, type Logger } from './logger.js';

export interface GatewayOptions {
  /** The Acquire API base URL, e.g. https://myaccount.acquire.io/api/v1 */
  baseUrl: string;
  apiKey: string | undefined;
  timeoutMs: number;
  maxConcurrentUpstreamCalls: number;
  production: boolean;
  /** Default: on unless in production. */
  introspection?: boolean;
  /** The Apollo Sandbox landing page; default: on unless in production. */
  sandbox?: boolean;
  maxBodyBytes?: number;
  limits?: QueryLimits;
  retry?: RetryOptions;
  breaker?: BreakerOptions;
  /** How long `stop()` lets in-flight requests finish before closing their connections. */
  shutdownGraceMs?: number;
  logger?: Logger;
  /** Set when tracing is on (server/tracing.ts). */
  tracer?: Tracer | null;
  /** Pre-filled in the Sandbox's headers: the emulator's demo key in demo mode. */
  sandboxKey?: string;
  /** Share identical reads of concurrent requests with the same key (default on). */
  coalesceReads?: boolean;
  /** Let identical concurrent queries with the same key share one execution (default on). */
  shareOperations?: boolean;
  /** How a request's context is built; the benchmark's naive baseline brings its own. */
  contextFactory?: ContextFactory;
  /** Freeze every record the upstream layer hands out, so a change anywhere throws (tests). */
  freezeRecords?: boolean;
}

/** The settings of `createGateway` that come from the configuration. */
export function gatewaySettings(config: Config): Omit<GatewayOptions, 'baseUrl' | 'apiKey' | 'logger'> {
  return {
    timeoutMs: config.timeoutMs,
    maxConcurrentUpstreamCalls: config.maxConcurrentUpstreamCalls,
    production: config.production,
    introspection: config.introspection,
    sandbox: config.sandbox,
    maxBodyBytes: config.maxBodyBytes,
    limits: config.limits,
    shutdownGraceMs: config.shutdownGraceMs,
    coalesceReads: config.coalesceReads,
    shareOperations: config.shareOperations,
  };
}

export interface Gateway {
  httpServer: http.Server;
  metrics: Metrics;
  /** Starts listening; resolves to the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, lets in-flight requests finish, closes upstream sockets. */
  stop(): Promise<void>;
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? silentLogger;
  const metrics = createMetrics();
  const tracer = options.tracer ?? null;
  const client = createUpstreamClient({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.breaker ? { breaker: options.breaker } : {}),
    observe: ({ method, path, status, durationMs }) => {
      const endpoint = endpointTemplate(path);
      metrics.upstreamCalls.inc({ method, endpoint, status });
      metrics.upstreamDuration.observe({ method, endpoint }, durationMs / 1000);
    },
    ...(tracer
      ? {
          traceCall: (request, call) =>
            inSpan(
              tracer,
              `upstream ${request.method} ${endpointTemplate(request.path)}`,
              { 'http.request.method': request.method, 'url.template': endpointTemplate(request.path) },
              () => call(injectTraceHeaders({})),
              SpanKind.CLIENT,
            ),
        }
      : {}),
  });
  const sandbox = options.sandbox ?? !options.production;
  const readPath = createReadPath({ client, shareAcrossRequests: options.coalesceReads !== false, freezeRecords: options.freezeRecords ?? false });
  const observability = createObservability(metrics, logger);
  const httpServer = http.createServer();
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError: createFormatError({ hideSuggestions: options.production }),
    // Validation errors without "Did you mean" in production; formatError covers the rest.
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: false,
    // An unkeyed document cache that any client could fill, for a feature no client here needs.
    persistedQueries: false,
    // server/shutdown.ts owns SIGTERM; Apollo's own handler would stop first and re-send the signal.
    stopOnTerminationSignals: false,
    introspection: options.introspection ?? !options.production,
    // Batched operations would multiply every limit below by the batch size.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Apollo pretty-prints results by default: for a page of cases that is most of the cost of
    // the response for nobody's benefit.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000 }),
      createLimitsPlugin(options.limits ?? DEFAULT_LIMITS),
      observability.plugin,
      landingPagePlugin({ sandbox, demoKey: options.sandboxKey }),
      // We set no cache hints, and this is no subgraph; both plugins would hook every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();
  const handle = createHttpHandler({
    apollo,
    contextFor: createRequestContexts({
      readPath,
      client,
      apiKey: options.apiKey,
      maxConcurrentUpstreamCalls: options.maxConcurrentUpstreamCalls,
      factory: options.contextFactory ?? plannedContext,
      onBatch: (loader, size) => metrics.batchSize.observe({ loader }, size),
    }),
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
    logger,
    metrics,
    readiness: createReadiness(readPath, options.apiKey),
    tracer,
    recordShared: observability.recordShared,
    ...(options.coalesceReads !== false && options.shareOperations !== false
      ? { sharing: { readPath, credentialOf: credentialResolver(options.apiKey) } }
      : {}),
  });
  httpServer.on('request', (req, res) => void handle(req, res));

  return {
    httpServer,
    metrics,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const { address, port: bound } = httpServer.address() as AddressInfo;
          const hostname = address.includes(':') ? `[${address}]` : address;
          resolve(`http://${hostname === '[::]' || hostname === '0.0.0.0' ? 'localhost' : hostname}:${bound}${GRAPHQL_PATH}`);
        });
      });
    },
    async stop() {
      await apollo.stop();
      client.close();
    },
  };
}

/**
 * Builds the gateway (Apollo Server, the upstream client, the HTTP handler) apart from starting
 * it, so tests and the entry point start it the same way.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { Gauge } from 'prom-client';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Tracer } from '@opentelemetry/api';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Config, HttpTimeouts, LiveConfig } from '../config.js';
import { createLocalBackplane } from '../live/backplane.js';
import { createHub } from '../live/hub.js';
import type { LiveObserver } from '../live/observer.js';
import { createRedisBackplane } from '../live/redisBackplane.js';
import { resolvers } from '../resolvers/index.js';
import { loadTypeDefs } from '../schema.js';
import type { BreakerOptions } from '../upstream/breaker.js';
import { createUpstreamClient } from '../upstream/client.js';
import { credentialFrom, type GateOptions } from '../upstream/credentials.js';
import { createReadPath } from '../upstream/readPath.js';
import type { RetryOptions } from '../upstream/retry.js';
import type { GatewayContext } from '../domain/context.js';
import { createRequestContexts, credentialResolver, plannedContext, type ContextFactory } from './context.js';
import { createFormatError } from './errors.js';
import { createHttpHandler, GRAPHQL_PATH } from './http.js';
import { createLimitsPlugin, DEFAULT_LIMITS, type QueryLimits } from './limits.js';
import { endpointTemplate } from '../upstream/endpointTemplate.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createMetricsServer } from './metricsRoute.js';
import { createOriginPolicy } from './origins.js';
import { createObservability } from './observability.js';
import { createReadiness } from './readiness.js';
import { landingPagePlugin } from './sandbox.js';
import { inSpan, injectTraceHeaders, SpanKind } from './tracing.js';
import { silentLogger, type Logger } from './logger.js';
import { createSubscriptionServer } from './subscriptionServer.js';
import { createWebhookRoute } from './webhookRoute.js';

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
  /** Node's time-outs for clients' requests; Node's own defaults when absent. */
  http?: HttpTimeouts;
  /** Serve /metrics on this port (0: any free one) instead of the public one. */
  metricsPort?: number;
  /** Origins whose pages may call from a browser (`self`: the gateway's own); none when absent. */
  corsOrigins?: readonly string[];
  retry?: RetryOptions;
  breaker?: BreakerOptions;
  /** How the gateway treats keys it has not seen answered or saw rejected (upstream/credentials.ts). */
  credentials?: GateOptions;
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
  /** Live events; the defaults of src/config.ts when absent (no webhooks, no Redis). */
  live?: Partial<LiveConfig>;
}

const LIVE_DEFAULTS: LiveConfig = {
  webhookSecret: null,
  webhookMaxBodyBytes: 100_000,
  webhookReplayWindowMs: 300_000,
  redisUrl: null,
  pollIntervalMs: 2_000,
  pollMaxIntervalMs: 30_000,
  maxSubscriptionsPerConnection: 20,
  maxConnectionsPerKey: 100,
  demoActivity: true,
};

function liveObserver(metrics: Metrics): LiveObserver {
  return {
    published: (event) => metrics.eventsPublished.inc({ kind: event.kind, source: event.source }),
    dropped: () => metrics.eventsDropped.inc(),
    poll: (outcome) => metrics.polls.inc({ outcome }),
    polling: (delta) => metrics.polledCases.inc(delta),
    backplaneUp: (up) => metrics.backplaneUp.set(up ? 1 : 0),
    backplaneError: () => metrics.backplaneErrors.inc(),
  };
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
    http: config.http,
    corsOrigins: config.corsOrigins,
    ...(config.metricsPort === null ? {} : { metricsPort: config.metricsPort }),
    shutdownGraceMs: config.shutdownGraceMs,
    coalesceReads: config.coalesceReads,
    shareOperations: config.shareOperations,
    live: config.live,
  };
}

export interface Gateway {
  httpServer: http.Server;
  metrics: Metrics;
  /** Starts listening (and the metrics server, when it has a port of its own); resolves to the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Where /metrics is served, once listening. */
  metricsUrl(): string;
  /** Stops accepting, lets in-flight requests finish, closes upstream sockets. */
  stop(): Promise<void>;
}

/** Node's time-out settings; the check runs often enough that a time-out is kept to about a second. */
function serverTimeouts(timeouts: HttpTimeouts): http.ServerOptions {
  return {
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersTimeoutMs / 2))),
  };
}

function listening(server: http.Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** `http://host:port` of a listening server, `localhost` standing for every interface. */
function origin(server: http.Server): string {
  const { address, port } = server.address() as AddressInfo;
  const hostname = address.includes(':') ? `[${address}]` : address;
  return `http://${hostname === '[::]' || hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`;
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
    ...(options.credentials ? { credentials: options.credentials } : {}),
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
  // The operator's key is no guess: its first calls need not go one at a time.
  const serverKey = options.apiKey ? credentialFrom(`Bearer ${options.apiKey}`) : null;
  if (serverKey) client.trust(serverKey);
  const sandbox = options.sandbox ?? !options.production;
  const readPath = createReadPath({ client, shareAcrossRequests: options.coalesceReads !== false, freezeRecords: options.freezeRecords ?? false });
  new Gauge({
    name: 'upstream_credentials_live',
    help: 'Credentials (by hash) with a request, read or write in flight: what the read path holds; 0 when idle',
    registers: [metrics.registry],
    collect() {
      this.set(readPath.liveCredentials());
    },
  });
  const observability = createObservability(metrics, logger);
  const httpServer = http.createServer(options.http ? serverTimeouts(options.http) : {});
  const metricsServer = options.metricsPort === undefined ? null : createMetricsServer(metrics);
  const origins = createOriginPolicy(options.corsOrigins ?? []);
  const live: LiveConfig = { ...LIVE_DEFAULTS, ...options.live };
  const observer = liveObserver(metrics);
  const backplane = live.redisUrl ? createRedisBackplane({ url: live.redisUrl, observer, logger }) : createLocalBackplane();
  await backplane.ready();
  const hub = createHub({ backplane, readPath, pollIntervalMs: live.pollIntervalMs, pollMaxIntervalMs: live.pollMaxIntervalMs, observer, logger });
  const contexts = createRequestContexts({
    readPath,
    client,
    apiKey: options.apiKey,
    maxConcurrentUpstreamCalls: options.maxConcurrentUpstreamCalls,
    maxCost: (options.limits ?? DEFAULT_LIMITS).maxCost,
    factory: options.contextFactory ?? plannedContext,
    live: hub,
    onBatch: (loader, size) => metrics.batchSize.observe({ loader }, size),
  });
  // One executable schema for Apollo (HTTP) and graphql-ws (WebSocket).
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
  const formatError = createFormatError({ hideSuggestions: options.production });
  const shutdownGraceMs = options.shutdownGraceMs ?? 10_000;
  const introspection = options.introspection ?? !options.production;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const subscriptions = createSubscriptionServer({
    httpServer,
    schema,
    contexts,
    limits,
    introspection,
    origins,
    maxPayloadBytes: options.maxBodyBytes ?? 1_000_000,
    maxSubscriptionsPerConnection: live.maxSubscriptionsPerConnection,
    maxConnectionsPerKey: live.maxConnectionsPerKey,
    formatError,
    logger,
    metrics,
  });
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError,
    // Validation errors without "Did you mean" in production; formatError covers the rest.
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: false,
    // An unkeyed document cache that any client could fill, for a feature no client here needs.
    persistedQueries: false,
    // server/shutdown.ts owns SIGTERM; Apollo's own handler would stop first and re-send the signal.
    stopOnTerminationSignals: false,
    introspection,
    // Batched operations would multiply every limit below by the batch size.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Apollo pretty-prints results by default: for a page of cases that is most of the cost of
    // the response for nobody's benefit.
    stringifyResult: (result) => JSON.stringify(result),
    // graphql-js stops parsing a document past this many tokens, before it builds anything.
    parseOptions: { maxTokens: (options.limits ?? DEFAULT_LIMITS).maxTokens },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs }),
      // Upgraded sockets are no longer the HTTP server's: they close with the protocol's code.
      { serverWillStart: async () => ({ drainServer: () => subscriptions.stop(shutdownGraceMs) }) },
      createLimitsPlugin(limits),
      observability.plugin,
      landingPagePlugin({ sandbox, demoKey: options.sandboxKey }),
      // We set no cache hints, and this is no subgraph; both plugins would hook every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();
  const handler = createHttpHandler({
    apollo,
    contextFor: contexts.forRequest,
    webhook: createWebhookRoute({
      secret: live.webhookSecret,
      maxBodyBytes: live.webhookMaxBodyBytes,
      replayWindowMs: live.webhookReplayWindowMs,
      backplane,
      publish: hub.publish,
      logger,
      metrics,
    }),
    intake: { maxBodyBytes: options.maxBodyBytes ?? 1_000_000, maxNesting: (options.limits ?? DEFAULT_LIMITS).maxNesting },
    serveMetrics: metricsServer === null,
    origins,
    logger,
    metrics,
    readiness: createReadiness(client, options.apiKey),
    tracer,
    recordShared: observability.recordShared,
    ...(options.coalesceReads !== false && options.shareOperations !== false
      ? { sharing: { readPath, credentialOf: credentialResolver(options.apiKey) } }
      : {}),
  });
  httpServer.on('request', (req, res) => {
    handler.handle(req, res).catch((error: unknown) => {
      logger.error({ error: error instanceof Error ? error.stack : String(error) }, 'request failed');
      res.destroy();
    });
  });
  httpServer.on('clientError', handler.clientError);

  return {
    httpServer,
    metrics,
    async listen(port, host) {
      await listening(httpServer, port, host);
      origins.listening((httpServer.address() as AddressInfo).port, host);
      if (metricsServer) await listening(metricsServer, options.metricsPort ?? 0, host);
      return `${origin(httpServer)}${GRAPHQL_PATH}`;
    },
    metricsUrl: () => `${origin(metricsServer ?? httpServer)}/metrics`,
    async stop() {
      if (metricsServer) {
        metricsServer.closeAllConnections();
        metricsServer.close();
      }
      await apollo.stop();
      hub.stop();
      await backplane.stop();
      client.close();
    },
  };
}

/**
 * Builds the gateway apart from starting it, so tests and the entry point start it the same way:
 * the upstream client and read path, the live side, Apollo and the subscription server over one
 * schema, and HTTP intake in front of them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Tracer } from '@opentelemetry/api';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { Gauge } from 'prom-client';
import type { HttpTimeouts } from '../config.js';
import { resolvers } from '../resolvers/index.js';
import { loadTypeDefs } from '../schema.js';
import type { BreakerOptions } from '../upstream/breaker.js';
import { credentialFrom, type GateOptions } from '../upstream/credentials.js';
import { createReadPath } from '../upstream/readPath.js';
import type { RetryOptions } from '../upstream/retry.js';
import { startApollo } from './execution/apollo.js';
import { createAdmission } from './execution/admission.js';
import { createCallers } from './intake/caller.js';
import { createOperationSharing } from './execution/operationSharing.js';
import { createScopes } from './execution/scopes.js';
import { createRequestContexts, plannedContext, type ContextFactory } from './execution/context.js';
import { createFormatError } from './execution/errors.js';
import { createGraphQLExecution } from './execution/graphqlExecution.js';
import { createHttpHandler, GRAPHQL_PATH } from './intake/http.js';
import { startLive } from './live/startLive.js';
import { silentLogger, type Logger } from './ops/logger.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { loadManifest } from './execution/documentManifest.js';
import { EXAMPLE_DOCUMENT } from './intake/exampleDocument.js';
import { landingPagePlugin } from './intake/sandbox.js';
import { createGraphiQLRoute } from './intake/graphiql.js';
import { createMetricsServer } from './ops/metricsRoute.js';
import { createObservability } from './execution/observability.js';
import { createObservedRecordCache } from './ops/observedRecordCache.js';
import { createOriginPolicy } from './intake/origins.js';
import { createPersistedQueryStore } from './execution/persistedQueries.js';
import { createReadiness, type ReadinessReport } from './intake/readiness.js';
import type { GatewaySettings } from './settings.js';
import { buildSubgraph } from './execution/subgraph.js';
import { createSubscriptionServer } from './live/subscriptionServer.js';
import { createObservedClient } from './ops/upstreamClient.js';

export interface GatewayOptions {
  /** What the configuration says (src/config.ts, the one place defaults live). */
  settings: GatewaySettings;
  /** The Acquire API base URL, e.g. https://myaccount.acquire.io/api/v1 */
  baseUrl: string;
  apiKey: string | undefined;
  logger?: Logger;
  /** Set when tracing is on (server/ops/tracing.ts). */
  tracer?: Tracer | null;
  /** Pre-filled in the Sandbox's headers: the emulator's demo key in demo mode. */
  sandboxKey?: string;
  /** How a request's context is built; the benchmark's naive baseline brings its own. */
  contextFactory?: ContextFactory;
  /** False only for the benchmark's measure of what `extensions.cost` costs (bench/cost.ts); on by default. */
  costExtension?: boolean;
  /** Freeze every record the upstream layer hands out, so a change anywhere throws (tests). */
  freezeRecords?: boolean;
  /** Tuning of the upstream client for tests; the upstream layer's own defaults otherwise. */
  retry?: RetryOptions;
  breaker?: BreakerOptions;
  credentials?: GateOptions;
}

export interface Gateway {
  httpServer: http.Server;
  metrics: Metrics;
  /** Starts listening (and the metrics server, when it has a port of its own); resolves to the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Where /metrics is served, once listening. */
  metricsUrl(): string;
  /** What /readyz answers: whether Acquire answers the configured key, and the backplane's state. */
  readiness(): Promise<ReadinessReport>;
  /** Empties the record cache, uncounted: for tests whose upstream's data was reset behind the gateway's back. */
  forgetRecords(): void;
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

/** What an explorer's header editor starts with: the demo key, nothing when the gateway has a key, else where a key goes. */
function explorerHeaders(options: GatewayOptions): Record<string, string> {
  if (options.sandboxKey) return { Authorization: `Bearer ${options.sandboxKey}` };
  return options.apiKey ? {} : { Authorization: 'Bearer <your Acquire API key>' };
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { settings } = options;
  const logger = options.logger ?? silentLogger;
  const metrics = createMetrics();
  const tracer = options.tracer ?? null;
  const client = createObservedClient({
    baseUrl: options.baseUrl,
    timeoutMs: settings.timeoutMs,
    metrics,
    tracer,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.breaker ? { breaker: options.breaker } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  // The operator's key is no guess: its first calls need not go one at a time.
  const serverKey = options.apiKey ? credentialFrom(`Bearer ${options.apiKey}`) : null;
  if (serverKey) client.trust(serverKey);
  // One executable schema for Apollo (HTTP) and graphql-ws (WebSocket), unless a subgraph (below);
  // the record cache reads its freshness from it.
  // Nothing reads source positions of the SDL: without them the schema keeps no tokens (about 0.5 MiB).
  const typeDefs = loadTypeDefs();
  const schema = makeExecutableSchema({ typeDefs, resolvers, noLocation: true });
  // As a federation subgraph, HTTP serves the subgraph's schema; subscriptions keep the whole one.
  const httpSchema = settings.subgraph ? buildSubgraph(typeDefs, resolvers) : schema;
  const recordCache = createObservedRecordCache(settings.recordCache, schema, metrics);
  const readPath = createReadPath({
    client,
    shareAcrossRequests: settings.coalesceReads,
    freezeRecords: options.freezeRecords ?? false,
    dialect: settings.dialect,
    onNotice: ({ requestId, message }) => logger.warn({ requestId }, message),
    ...(recordCache ? { cache: recordCache } : {}),
  });
  new Gauge({
    name: 'upstream_credentials_live',
    help: 'Credentials (by hash) with a request, read or write in flight: what the read path holds; 0 when idle',
    registers: [metrics.registry],
    collect() {
      this.set(readPath.liveCredentials());
    },
  });
  const observability = createObservability(metrics, logger);
  const httpServer = http.createServer(serverTimeouts(settings.http));
  const metricsServer = settings.metricsPort === null ? null : createMetricsServer(metrics);
  const origins = createOriginPolicy(settings.corsOrigins, ({ origin, setting, unreported }) =>
    logger.warn(
      { origin, ...(unreported ? { refusedSinceLastReport: unreported } : {}) },
      setting === null
        ? `Refused a browser request from ${origin}: no CORS_ORIGINS can list it (a page with no origin of its own, such as a file:// page or a sandboxed frame, sends "null")`
        : `Refused a browser request from ${origin}: CORS_ORIGINS does not list it (to allow it: CORS_ORIGINS=${setting})`,
    ),
  );
  const scopes = createScopes({
    readPath,
    maxConcurrentCalls: settings.maxConcurrentUpstreamCalls,
    maxCalls: settings.limits.maxCost,
    onBatch: (loader, size) => metrics.batchSize.observe({ loader }, size),
  });
  const live = await startLive(settings.live, scopes, recordCache, metrics, logger);
  const callers = createCallers(options.apiKey);
  const contexts = createRequestContexts({ scopes, client, factory: options.contextFactory ?? plannedContext, live: live.hub });
  const formatError = createFormatError({ hideSuggestions: settings.production });
  const { documents } = settings;
  const manifest = documents.manifestPath
    ? loadManifest(documents.manifestPath, { schema: httpSchema, maxTokens: settings.limits.maxTokens, maxNesting: settings.limits.maxNesting })
    : null;
  if (manifest) {
    logger.info(
      { documents: manifest.size, arbitraryOperations: documents.allowArbitrary ? 'allowed' : 'refused' },
      `Trusted documents: ${manifest.size} from PERSISTED_DOCUMENTS`,
    );
  }
  // Registering a hash is running a document of one's own: not where only trusted documents run.
  const persistedQueries =
    documents.apq && documents.allowArbitrary
      ? await createPersistedQueryStore({ redisUrl: settings.live.redisUrl, ttlSeconds: documents.apqTtlSeconds, maxBytes: documents.apqMaxBytes, logger })
      : null;
  const documentPolicy = { manifest, allowArbitrary: documents.allowArbitrary };
  const admissionOf = (over: typeof schema) => createAdmission({ schema: over, limits: settings.limits, introspection: settings.introspection, documents: documentPolicy });
  const admission = admissionOf(schema);
  const subscriptions = createSubscriptionServer({
    httpServer,
    schema,
    contexts,
    callers,
    admission,
    origins,
    maxPayloadBytes: settings.maxBodyBytes,
    maxSubscriptionsPerConnection: settings.live.maxSubscriptionsPerConnection,
    maxConnectionsPerKey: settings.live.maxConnectionsPerKey,
    bounds: { maxMessagesPerSecond: settings.live.maxMessagesPerSecond, maxBufferedBytes: settings.live.maxBufferedBytes },
    formatError,
    logger,
    metrics,
  });
  const apollo = await startApollo({
    schema: httpSchema,
    settings,
    httpServer,
    formatError,
    drain: (graceMs) => subscriptions.stop(graceMs),
    observability: observability.plugin,
    landingPage: landingPagePlugin({ sandbox: settings.sandbox, graphiql: settings.graphiql, demoKey: options.sandboxKey }),
    persistedQueries,
    admission: httpSchema === schema ? admission : admissionOf(httpSchema),
    costExtension: options.costExtension ?? true,
  });
  const readiness = createReadiness(client, options.apiKey, settings.dialect, { state: live.backplane, required: settings.live.readyRequiresBackplane });
  const handler = createHttpHandler({
    callers,
    execute: createGraphQLExecution({
      apollo,
      contextFor: contexts.forCaller,
      metrics,
      maxCost: settings.limits.maxCost,
      recordShared: observability.recordShared,
      ...(settings.coalesceReads && settings.shareOperations
        ? { sharing: createOperationSharing({ schema: httpSchema, maxTokens: settings.limits.maxTokens, writes: readPath.writes }) }
        : {}),
    }),
    webhook: live.webhook,
    ...(settings.graphiql ? { graphiql: createGraphiQLRoute({ exampleDocument: EXAMPLE_DOCUMENT, headers: explorerHeaders(options) }) } : {}),
    documents: documentPolicy,
    intake: { maxBodyBytes: settings.maxBodyBytes, maxNesting: settings.limits.maxNesting },
    serveMetrics: metricsServer === null,
    origins,
    logger,
    metrics,
    readiness,
    tracer,
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
      if (metricsServer) await listening(metricsServer, settings.metricsPort ?? 0, host);
      return `${origin(httpServer)}${GRAPHQL_PATH}`;
    },
    metricsUrl: () => `${origin(metricsServer ?? httpServer)}/metrics`,
    readiness: () => readiness.check(),
    forgetRecords: () => recordCache?.clear(),
    async stop() {
      if (metricsServer) {
        metricsServer.closeAllConnections();
        metricsServer.close();
      }
      await apollo.stop();
      await live.stop();
      await persistedQueries?.stop();
      recordCache?.stop();
      client.close();
    },
  };
}

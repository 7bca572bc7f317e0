/**
 * HTTP intake on plain node:http: routes, the request body (server/intake/intake.ts), CORS, request ids,
 * and for every answer, refusals included, its log line, metrics and span with the status
 * actually sent. Executing a GraphQL request is server/execution/graphqlExecution.ts's job. Nothing in
 * here can reject unhandled.
 */
import { setMaxListeners } from 'node:events';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { HeaderMap } from '@apollo/server';
import type { Tracer } from '@opentelemetry/api';
import { MALFORMED_CREDENTIAL, type Callers } from './caller.js';
import { requestIdOf } from '../execution/context.js';
import type { GraphQLRequest } from '../execution/graphqlExecution.js';
import { ClientGone, HttpError, sendHttpError, sendJson } from '../execution/httpErrors.js';
import { readGraphQLBody, type IntakeLimits } from './intake.js';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { OriginPolicy } from './origins.js';
import type { GraphiQLRoute } from './graphiql.js';
import { sendMetrics } from '../ops/metricsRoute.js';
import { resolveDocument, type DocumentPolicy } from '../execution/trustedDocuments.js';
import type { ReadinessReport } from './readiness.js';
import { newRequestStats, type RequestStats } from '../execution/requestStats.js';
import type { Answer } from '../execution/operationSharing.js';
import { inSpan, SpanKind } from '../ops/tracing.js';

export interface HttpHandlerOptions {
  execute: (request: GraphQLRequest) => Promise<Answer>;
  /** Who a request acts as (server/intake/caller.ts). */
  callers: Callers;
  intake: IntakeLimits;
  /** Trusted documents and which documents may run (server/execution/trustedDocuments.ts). */
  documents: DocumentPolicy;
  /** False when /metrics has a port of its own (METRICS_PORT). */
  serveMetrics: boolean;
  origins: OriginPolicy;
  logger: Logger;
  metrics: Metrics;
  readiness: { check(): Promise<ReadinessReport> };
  tracer: Tracer | null;
  /** GraphiQL's page and files (server/intake/graphiql.ts), when it is on. */
  graphiql?: GraphiQLRoute;
  /** Acquire's outbound webhooks (server/live/webhookRoute.ts). */
  webhook?: { path: string; handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> };
}

export const GRAPHQL_PATH = '/graphql';

/** Statuses Node answers a malformed or too slow request with (as it would without our listener). */
const CLIENT_ERROR_STATUS: Readonly<Record<string, number>> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
};

/** The refusal of a browser request from an origin CORS_ORIGINS does not list (also for WebSocket upgrades). */
export const foreignOrigin = (): HttpError =>
  new HttpError(403, 'ORIGIN_NOT_ALLOWED', 'Browser requests from this origin are not allowed (CORS_ORIGINS does not list it)');

const round = (ms: number): number => Math.round(ms * 10) / 10;


export interface HttpHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The server's 'clientError' listener: Node's own answer to a malformed or too slow request, counted. */
  clientError(error: NodeJS.ErrnoException, socket: Duplex): void;
}

export function createHttpHandler(options: HttpHandlerOptions): HttpHandler {
  const { execute, intake, logger, metrics, readiness, tracer, origins } = options;
  const startedAt = Date.now();
  // GraphQL requests being answered, by connection: a client error on one is logged by its handler.
  const answering = new WeakMap<Duplex, ServerResponse>();
  // What `clientError` answered on a connection (a request time-out: 408).
  const answeredByNode = new WeakMap<Duplex, number>();

  /**
   * The status a client got: what was written, or what was answered for Node (408 when the request
   * time-out cut it off), or 499 (as nginx logs it) when the client left before anything was sent.
   */
  const statusSent = (res: ServerResponse, socket: Duplex | null): number =>
    res.headersSent ? res.statusCode : ((socket && answeredByNode.get(socket)) ?? 499);

  async function answerGraphQL(req: IncomingMessage, res: ServerResponse, search: string, stats: RequestStats): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const method = req.method ?? 'GET';
    const caller = options.callers.of(req.headers.authorization, 'header');
    if (caller === null) throw new HttpError(401, 'UNAUTHENTICATED', MALFORMED_CREDENTIAL);
    // Which document runs is settled before anything is parsed: a trusted document's id becomes its text.
    const operation = resolveDocument({ method, search, body: await readGraphQLBody(req, search, intake) }, options.documents);
    // A client that hangs up stops this request's reads (shared ones only when nobody else waits).
    const cancel = new AbortController();
    // Every upstream read of the request listens to it: dozens at once are normal.
    setMaxListeners(0, cancel.signal);
    res.once('close', () => {
      if (!res.writableFinished) cancel.abort();
    });
    const answer = await execute({ req, caller, method, headers, search: operation.search, body: operation.body, stats, cancel: cancel.signal });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.setHeader('content-length', answer.body.length);
    res.statusCode = answer.status;
    res.end(answer.body);
  }

  /** Answers what kept a GraphQL request from being executed, or nobody when its client has gone. */
  function refuse(req: IncomingMessage, res: ServerResponse, stats: RequestStats, error: unknown): void {
    if (error instanceof ClientGone || res.headersSent || res.destroyed || req.socket?.destroyed) {
      res.destroy();
      return;
    }
    const refusal =
      error instanceof HttpError ? error : new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    if (!(error instanceof HttpError)) {
      logger.error({ requestId: stats.requestId, error: error instanceof Error ? error.stack : String(error) }, 'request failed');
    }
    stats.errorCodes.push(refusal.code);
    metrics.errors.inc({ code: refusal.code });
    sendHttpError(res, refusal, stats.requestId);
  }

  /** One GraphQL request: its span (when tracing), in-flight gauge and log line. */
  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, search: string, stats: RequestStats, foreign: boolean): Promise<void> {
    const started = performance.now();
    // Node detaches the socket from the request once the connection is gone.
    const socket = req.socket;
    answering.set(socket, res);
    metrics.inFlight.inc();
    try {
      // Before the body, the context and the credential: nothing of a foreign page's request runs.
      if (foreign) throw foreignOrigin();
      if (!tracer) await answerGraphQL(req, res, search, stats);
      else {
        await inSpan(tracer, 'graphql.request', { 'http.request.method': req.method ?? 'GET', 'gateway.request_id': stats.requestId }, async (span) => {
          await answerGraphQL(req, res, search, stats);
          span.updateName(`graphql ${stats.operationType ?? 'operation'} ${stats.operationName ?? '(anonymous)'}`);
          span.setAttributes({ 'graphql.operation.name': stats.operationName ?? '', 'gateway.upstream_calls': stats.upstreamCalls, 'gateway.cached_reads': stats.cachedReads });
        }, SpanKind.SERVER);
      }
    } catch (error) {
      refuse(req, res, stats, error);
    } finally {
      answering.delete(socket);
      metrics.inFlight.dec();
      const status = statusSent(res, socket);
      metrics.httpResponses.inc({ route: 'graphql', status });
      logger.info(
        {
          requestId: stats.requestId,
          operation: stats.operationName,
          type: stats.operationType,
          status,
          durationMs: round(performance.now() - started),
          upstreamCalls: stats.upstreamCalls,
          ...(stats.estimatedCost === null ? {} : { estimatedCost: stats.estimatedCost }),
          cachedReads: stats.cachedReads,
          ...(stats.sharedAnswer ? { sharedAnswer: true } : {}),
          ...(stats.errorCodes.length > 0 ? { errors: stats.errorCodes } : {}),
        },
        'graphql request',
      );
    }
  }

  async function handleReady(res: ServerResponse): Promise<void> {
    const report = await readiness.check();
    sendJson(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', ...report });
  }

  /** Every route but /graphql: answered at once, counted with the status sent. */
  async function handleOther(req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<void> {
    let route = 'other';
    try {
      if (path === '/healthz') {
        route = 'healthz';
        sendJson(res, 200, { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
      } else if (path === '/readyz') {
        route = 'readyz';
        await handleReady(res);
      } else if (path === '/metrics' && options.serveMetrics) {
        route = 'metrics';
        await sendMetrics(metrics, res);
      } else if (options.webhook && path === options.webhook.path) {
        route = 'webhook';
        await options.webhook.handle(req, res, requestId);
      } else if (options.graphiql?.owns(path)) {
        route = 'graphiql';
        options.graphiql.handle(req, res, path);
      } else if (path === '/') {
        res.writeHead(302, { location: GRAPHQL_PATH });
        res.end();
      } else {
        sendJson(res, 404, { error: `No route ${path}; the GraphQL endpoint is ${GRAPHQL_PATH}` });
      }
    } catch (error) {
      logger.error({ requestId, path, error: error instanceof Error ? error.stack : String(error) }, 'request failed');
      if (res.headersSent || res.destroyed || req.socket?.destroyed) res.destroy();
      else sendHttpError(res, new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'), requestId);
    } finally {
      metrics.httpResponses.inc({ route, status: statusSent(res, null) });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? '' : url.slice(queryAt);
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    if (path !== GRAPHQL_PATH && path !== `${GRAPHQL_PATH}/`) return handleOther(req, res, path, requestId);
    const verdict = origins.judge(req.headers);
    const origin = req.headers.origin ?? '';
    if (req.method === 'OPTIONS') return preflight(res, verdict, origin, requestId);
    if (verdict === 'allowed') for (const [name, value] of Object.entries(origins.answerHeaders(origin))) res.setHeader(name, value ?? '');
    await handleGraphQL(req, res, search, newRequestStats(requestId), verdict === 'refused');
  }

  function preflight(res: ServerResponse, verdict: 'none' | 'allowed' | 'refused', origin: string, requestId: string): void {
    if (verdict === 'refused') {
      sendHttpError(res, foreignOrigin(), requestId);
    } else {
      res.writeHead(204, verdict === 'allowed' ? origins.preflightHeaders(origin) : { allow: 'GET, POST, OPTIONS' });
      res.end();
    }
    metrics.httpResponses.inc({ route: 'graphql', status: res.statusCode });
  }

  function clientError(error: NodeJS.ErrnoException, socket: Duplex): void {
    const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400;
    const handled = answering.get(socket);
    // A reset connection has nobody to answer; neither has one whose answer has begun.
    if (error.code !== 'ECONNRESET' && socket.writable && !handled?.headersSent) {
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\n\r\n`);
      answeredByNode.set(socket, status);
      if (!handled) metrics.httpResponses.inc({ route: 'unrouted', status });
    }
    socket.destroy(error);
  }

  return { handle, clientError };
}

/**
 * The HTTP side of the gateway on plain node:http: body limits, CORS, request ids, the GraphQL
 * endpoint with its log line, metrics and span, health and metrics routes. Apollo's own
 * integration API does the GraphQL part.
 */
import { setMaxListeners } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Tracer } from '@opentelemetry/api';
import type { GatewayContext } from '../domain/context.js';
import type { ReadPath } from '../upstream/readPath.js';
import { requestIdOf, type RequestContext } from './context.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { ReadinessReport } from './readiness.js';
import { newRequestStats, type RequestStats } from './requestStats.js';
import { answerOf, operationKey, shareOperation, type Answer } from './sharedOperations.js';
import { inSpan, SpanKind } from './tracing.js';

export interface HttpHandlerOptions {
  apollo: ApolloServer<GatewayContext>;
  contextFor: (req: IncomingMessage, stats: RequestStats, cancel: AbortSignal) => RequestContext;
  maxBodyBytes: number;
  logger: Logger;
  metrics: Metrics;
  readiness: { check(): Promise<ReadinessReport> };
  tracer: Tracer | null;
  /** Lets identical concurrent queries of one credential share one execution; absent when off. */
  sharing?: { readPath: ReadPath; credentialOf(req: IncomingMessage): string | undefined };
  /** Counts an answer served from another request's execution, as the plugin counts executed ones. */
  recordShared?: (stats: RequestStats) => void;
}

export const GRAPHQL_PATH = '/graphql';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.endsWith('+json') ?? false);
}

async function parseBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req, maxBytes);
  if (!isJson(req.headers['content-type'])) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON');
  }
}

// Callers authenticate with a header, never a cookie, so any origin may call (the Sandbox runs on Apollo's).
function setCors(res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
}

export function createHttpHandler(options: HttpHandlerOptions) {
  const { apollo, contextFor, maxBodyBytes, logger, metrics, readiness, tracer } = options;
  const startedAt = Date.now();

  async function executeGraphQL(req: IncomingMessage, res: ServerResponse, search: string, stats: RequestStats): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = await parseBody(req, maxBodyBytes);
    // A client that hangs up stops this request's reads (shared ones only when nobody else waits).
    const cancel = new AbortController();
    // Every upstream read of the request listens to it: dozens at once are normal.
    setMaxListeners(0, cancel.signal);
    res.once('close', () => {
      if (!res.writableFinished) cancel.abort();
    });
    const method = req.method ?? 'GET';
    const execute = async (stop: AbortSignal): Promise<Answer> => {
      const request = contextFor(req, stats, stop);
      try {
        return await answerOf(
          await apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method, headers, search, body },
            context: async () => request.context,
          }),
          stats,
        );
      } finally {
        request.close();
      }
    };
    const credential = options.sharing && method === 'POST' && typeof body === 'object' && body !== null ? options.sharing.credentialOf(req) : undefined;
    let answer: Answer;
    if (credential === undefined || !options.sharing) answer = await execute(cancel.signal);
    else {
      const key = operationKey(method, search, req.headers, body);
      const outcome = await shareOperation(options.sharing.readPath, credential, key, stats.requestId, execute, cancel.signal);
      answer = outcome.answer;
      if (outcome.joined) {
        stats.operationName = answer.operationName;
        stats.operationType = answer.operationType;
        stats.errorCodes = [...answer.errorCodes];
        stats.sharedAnswer = true;
        options.recordShared?.(stats);
      }
    }
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.setHeader('content-length', answer.body.length);
    res.statusCode = answer.status;
    res.end(answer.body);
  }

  /** One GraphQL request: its span (when tracing), in-flight gauge and log line. */
  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, search: string, stats: RequestStats): Promise<void> {
    const started = performance.now();
    metrics.inFlight.inc();
    try {
      if (!tracer) await executeGraphQL(req, res, search, stats);
      else {
        await inSpan(tracer, 'graphql.request', { 'http.request.method': req.method ?? 'GET', 'gateway.request_id': stats.requestId }, async (span) => {
          await executeGraphQL(req, res, search, stats);
          span.updateName(`graphql ${stats.operationType ?? 'operation'} ${stats.operationName ?? '(anonymous)'}`);
          span.setAttributes({ 'graphql.operation.name': stats.operationName ?? '', 'gateway.upstream_calls': stats.upstreamCalls });
        }, SpanKind.SERVER);
      }
    } finally {
      metrics.inFlight.dec();
      logger.info(
        {
          requestId: stats.requestId,
          operation: stats.operationName,
          type: stats.operationType,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          upstreamCalls: stats.upstreamCalls,
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

  async function handleMetrics(res: ServerResponse): Promise<void> {
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(text);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? '' : url.slice(queryAt);
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    try {
      if (path === GRAPHQL_PATH || path === `${GRAPHQL_PATH}/`) {
        setCors(res);
        if (req.method === 'OPTIONS') {
          res.writeHead(204, {
            'access-control-allow-methods': 'GET, POST, OPTIONS',
            'access-control-allow-headers':
              req.headers['access-control-request-headers'] ?? 'content-type, authorization',
            'access-control-max-age': '600',
          });
          res.end();
          return;
        }
        await handleGraphQL(req, res, search, newRequestStats(requestId));
        return;
      }
      if (path === '/healthz') {
        sendJson(res, 200, { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
        return;
      }
      if (path === '/readyz') return await handleReady(res);
      if (path === '/metrics') return await handleMetrics(res);
      if (path === '/') {
        res.writeHead(302, { location: GRAPHQL_PATH });
        res.end();
        return;
      }
      sendJson(res, 404, { error: `No route ${path}; the GraphQL endpoint is ${GRAPHQL_PATH}` });
    } catch (error) {
      // A client that hung up needs no answer, and is no error of ours.
      if (res.headersSent || res.destroyed || req.socket.destroyed) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
        return;
      }
      logger.error({ requestId, path, error: error instanceof Error ? error.stack : String(error) }, 'request failed');
      sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}

/**
 * Subscriptions over the GraphQL over WebSocket protocol (graphql-ws) on the GraphQL path. A
 * connection is authenticated when it opens: `Authorization` in its `connectionParams` (as Apollo
 * Sandbox and graphql-ws clients send headers), else the upgrade request's header, else the
 * gateway's own key. Each subscription passes the same admission as an HTTP request
 * (server/execution/admission.ts), refused with the same error codes; each event is read with the
 * subscriber's credential in a fresh context (server/live/liveExecution.ts).
 */
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getOperationAST, GraphQLError, Kind, type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import { requestIdOf, type RequestContexts } from '../execution/context.js';
import { foreignOrigin, GRAPHQL_PATH } from '../intake/http.js';
import { HttpError } from '../execution/httpErrors.js';
import { probeCases } from '../../upstream/cases.js';
import { UpstreamError } from '../../upstream/errors.js';
import { serveBounded, type SocketBounds, type SocketExtra } from './boundedSockets.js';
import type { Caller } from '../../domain/context.js';
import { MALFORMED_CREDENTIAL, type Callers } from '../intake/caller.js';
import { refusal, type Admission } from '../execution/admission.js';
import { subscribeWithFreshContexts } from './liveExecution.js';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { OriginPolicy } from '../intake/origins.js';
import { newRequestStats } from '../execution/requestStats.js';

export interface SubscriptionServerOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  contexts: RequestContexts;
  /** Who a connection acts as (server/intake/caller.ts): the same rules as HTTP's. */
  callers: Callers;
  /** What a subscription must pass before it starts: HTTP's rules (server/execution/admission.ts). */
  admission: Admission;
  /** The HTTP endpoint's CORS_ORIGINS: a browser page elsewhere cannot open a connection either. */
  origins: OriginPolicy;
  /** The largest message a client may send (as the largest HTTP body). */
  maxPayloadBytes: number;
  maxSubscriptionsPerConnection: number;
  maxConnectionsPerKey: number;
  /** What one connection may send and have queued (server/live/boundedSockets.ts). */
  bounds: SocketBounds;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  logger: Logger;
  metrics: Metrics;
}

export interface SubscriptionServer {
  /** Closes every connection with 1001 (going away), then the server; connections that do not answer are cut after `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

/** Close code for a key over its connection limit: graphql-ws's code for "too many", which its clients do not retry at once. */
const TOO_MANY_CONNECTIONS = CloseCode.TooManyInitialisationRequests;

/** What the server keeps with a connection, in graphql-ws's `ctx.extra`. */
interface Connection extends SocketExtra {
  readonly id: number;
  /** Who it acts as, once `connection_init` is accepted. */
  caller: Caller | null;
  /** The key hash it is counted under against LIVE_MAX_CONNECTIONS_PER_KEY. */
  countedAs: string | null;
  readonly subscriptions: Map<string, LiveSubscription>;
}

type ConnectionContext = Context<Record<string, unknown>, Connection>;

interface LiveSubscription {
  readonly requestId: string;
  readonly operation: string | null;
  readonly field: string;
  readonly caller: Caller;
  readonly startedAt: number;
  readonly cancel: AbortController;
  /** Its cost estimate: each event's budget of upstream calls. */
  readonly callBudget: number;
  events: number;
  upstreamCalls: number;
  /** Reads of its events the record cache answered. */
  cachedReads: number;
  /** Whether its events flow (the subscribe step succeeded): what `live_subscriptions` counts. */
  listening: boolean;
}

/** The credential a client gave in `connectionParams`: `Authorization`, any case, or under `headers`. */
function credentialIn(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  const places = [params, typeof params.headers === 'object' && params.headers !== null ? (params.headers as Record<string, unknown>) : {}];
  for (const place of places) {
    for (const [key, value] of Object.entries(place)) {
      if (key.toLowerCase() === 'authorization' && typeof value === 'string' && value.trim() !== '') return value.trim();
    }
  }
  return undefined;
}

function rootFieldOf(document: DocumentNode, operationName: string | null | undefined): string {
  const operation = getOperationAST(document, operationName);
  const field = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  return field && field.kind === Kind.FIELD ? field.name.value : '(unknown)';
}

/** An upgrade refused as the HTTP endpoint refuses a request: the status, and the error with its code. */
function rejectUpgrade(socket: Duplex, error: HttpError, requestId: string): void {
  const body = JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code, requestId } }] });
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\nconnection: close\r\nx-request-id: ${requestId}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function createSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, contexts, logger, metrics } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });
  const perKey = new Map<string, number>();
  let nextConnection = 0;

  options.httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0];
    const requestId = requestIdOf(req);
    socket.on('error', () => socket.destroy());
    if (path !== GRAPHQL_PATH && path !== `${GRAPHQL_PATH}/`) {
      rejectUpgrade(socket, new HttpError(404, 'BAD_REQUEST', `No WebSocket endpoint at ${path}; subscriptions are at ${GRAPHQL_PATH}`), requestId);
      return;
    }
    if (options.origins.judge(req.headers) === 'refused') {
      metrics.httpResponses.inc({ route: 'graphql', status: 403 });
      rejectUpgrade(socket, foreignOrigin(), requestId);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (ws) => {
    metrics.connections.inc();
    ws.once('close', () => metrics.connections.dec());
  });

  const connectionFor = (socket: SocketExtra['socket'], request: IncomingMessage): Connection => ({
    socket,
    request,
    id: (nextConnection += 1),
    caller: null,
    countedAs: null,
    subscriptions: new Map(),
  });
  const connectionOf = (ctx: ConnectionContext): Connection => ctx.extra;
  const uncount = (connection: Connection): void => {
    if (connection.countedAs === null) return;
    const left = (perKey.get(connection.countedAs) ?? 1) - 1;
    if (left <= 0) perKey.delete(connection.countedAs);
    else perKey.set(connection.countedAs, left);
    connection.countedAs = null;
  };

  /**
   * Whether Acquire takes the key: one cheap read through the read path (its credential gate and
   * breakers), so that a wrong key is told at `connection_init`, not at its first event.
   */
  async function keyRefused(caller: Caller, connection: Connection): Promise<boolean> {
    const scope = contexts.forCaller(caller, newRequestStats(`ws-${connection.id}-init`), undefined, 1);
    try {
      await probeCases(scope.context.upstream);
      return false;
    } catch (error) {
      if (error instanceof UpstreamError && error.code === 'UNAUTHENTICATED') return true;
      // Acquire unreachable, or the key lacks case permission: live events may still serve it.
      logger.debug({ connection: connection.id, error: error instanceof Error ? error.message : String(error) }, 'subscription connection: key not checked');
      return false;
    } finally {
      scope.close();
    }
  }

  const end = (connection: Connection, id: string): void => {
    const subscription = connection.subscriptions.get(id);
    if (!subscription) return;
    connection.subscriptions.delete(id);
    subscription.cancel.abort();
    if (subscription.listening) metrics.subscriptions.dec({ field: subscription.field });
    logger.info(
      {
        requestId: subscription.requestId,
        operation: subscription.operation,
        field: subscription.field,
        durationMs: Date.now() - subscription.startedAt,
        events: subscription.events,
        upstreamCalls: subscription.upstreamCalls,
        cachedReads: subscription.cachedReads,
      },
      'subscription ended',
    );
  };

  /** Like HTTP errors, each carries the request id the log lines of its subscription carry. */
  const format = (errors: readonly GraphQLError[], requestId: string): GraphQLFormattedError[] =>
    errors.map((error) => {
      const formatted = options.formatError(error.toJSON(), error);
      return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    });
  // The client's message id becomes a request id, which goes upstream as a header: only a plain token of it.
  const subscriptionIdOf = (connection: { id: number | string }, id: string): string => `ws-${connection.id}-${id.replace(/[^\w.:-]/g, '_')}`.slice(0, 128);

  const server = serveBounded<Record<string, unknown>, Connection>(
    {
      schema,
      async onConnect(ctx) {
        const connection = connectionOf(ctx);
        const given = credentialIn(ctx.connectionParams);
        const caller = given === undefined ? options.callers.of(connection.request.headers.authorization, 'header') : options.callers.of(given, 'connectionParams');
        const close = (code: number, reason: string): false => {
          connection.socket.close(code, reason);
          return false;
        };
        if (caller === null) return close(CloseCode.Forbidden, `UNAUTHENTICATED: ${MALFORMED_CREDENTIAL}`.slice(0, 123));
        if (caller.credential === null) return close(CloseCode.Forbidden, 'UNAUTHENTICATED: send Authorization in connectionParams');
        const { hash } = caller.credential;
        const open = perKey.get(hash) ?? 0;
        if (open >= options.maxConnectionsPerKey) {
          logger.warn({ connection: connection.id, limit: options.maxConnectionsPerKey }, 'subscription connection refused: too many for its key');
          return close(TOO_MANY_CONNECTIONS, `TOO_MANY_CONNECTIONS: at most ${options.maxConnectionsPerKey} per key`);
        }
        // Counted before the key is checked, so that connections opened at once cannot all pass.
        perKey.set(hash, open + 1);
        connection.countedAs = hash;
        if (await keyRefused(caller, connection)) {
          uncount(connection);
          return close(CloseCode.Forbidden, 'UNAUTHENTICATED: the Acquire API refused this key');
        }
        connection.caller = caller;
        return true;
      },
      onClose(ctx) {
        const connection = connectionOf(ctx);
        for (const id of [...connection.subscriptions.keys()]) end(connection, id);
        uncount(connection);
      },
      onSubscribe(ctx, id, payload) {
        const connection = connectionOf(ctx);
        const { caller } = connection;
        // graphql-ws lets nothing subscribe before the acknowledgement, which sets the caller.
        if (caller === null) return [refusal('Send connection_init first', 'UNAUTHENTICATED')];
        // graphql-ws has registered this one already.
        if (Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerConnection) {
          return [refusal(`At most ${options.maxSubscriptionsPerConnection} subscriptions per connection`, 'TOO_MANY_SUBSCRIPTIONS')];
        }
        const document = options.admission.document(payload);
        if (Array.isArray(document)) return document;
        const admitted = options.admission.operation(document, payload.operationName, payload.variables);
        if ('refused' in admitted) return [...admitted.refused];
        const { operation } = admitted;
        if (operation.operation !== 'subscription') {
          return [refusal(`Only subscriptions go over WebSocket; send ${operation.operation}s to ${GRAPHQL_PATH} over HTTP`, 'BAD_REQUEST')];
        }
        const subscription: LiveSubscription = {
          requestId: subscriptionIdOf(connection, id),
          operation: payload.operationName ?? operation.name?.value ?? null,
          field: rootFieldOf(document, payload.operationName),
          caller,
          startedAt: Date.now(),
          cancel: new AbortController(),
          callBudget: admitted.cost,
          events: 0,
          upstreamCalls: 0,
          cachedReads: 0,
          listening: false,
        };
        end(connection, id);
        connection.subscriptions.set(id, subscription);
        logger.info({ requestId: subscription.requestId, operation: subscription.operation, field: subscription.field }, 'subscription started');
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          // Raw: execution coerces them again, as it did for the admission.
          variableValues: payload.variables ?? null,
          contextValue: subscription,
        };
      },
      async subscribe(args) {
        const subscription = args.contextValue as LiveSubscription;
        const results = await subscribeWithFreshContexts(args, (event) => {
          const stats = newRequestStats(`${subscription.requestId}-${event}`);
          const scope = contexts.forCaller(subscription.caller, stats, subscription.cancel.signal, subscription.callBudget);
          return {
            context: scope.context,
            close() {
              subscription.upstreamCalls += stats.upstreamCalls;
              subscription.cachedReads += stats.cachedReads;
              scope.close();
            },
          };
        });
        // Counted once it hears events: a client that waits for the gauge then misses none.
        if (Symbol.asyncIterator in results && !subscription.cancel.signal.aborted) {
          subscription.listening = true;
          metrics.subscriptions.inc({ field: subscription.field });
        }
        return results;
      },
      onNext(ctx, id, _payload, _args, result: ExecutionResult) {
        const subscription = connectionOf(ctx).subscriptions.get(id);
        if (subscription) {
          subscription.events += 1;
          metrics.eventsDelivered.inc({ field: subscription.field });
        }
        const { errors, ...rest } = result;
        return errors ? { ...rest, errors: format(errors, subscriptionIdOf(connectionOf(ctx), id)) } : rest;
      },
      onError: (ctx, id, _payload, errors) => format(errors, subscriptionIdOf(connectionOf(ctx), id)),
      onComplete(ctx, id) {
        end(connectionOf(ctx), id);
      },
    },
    connectionFor,
    wss,
    options.bounds,
    logger,
    metrics,
  );

  return {
    async stop(graceMs) {
      const timer = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, graceMs);
      try {
        await server.dispose();
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

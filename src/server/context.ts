/**
 * A request's context: its upstream session (the read path bound to the caller's credential),
 * its loaders over that session and the planner. Built fresh for every GraphQL request.
 */
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { GatewayContext, LiveFeed, RequestStats } from '../domain/context.js';
import { createLoaders } from '../loaders/index.js';
import { selectionPlanner } from '../planner/relations.js';
import type { UpstreamClient } from '../upstream/client.js';
import type { ReadPath, Session } from '../upstream/readPath.js';

/** What a request's context is made of; `ContextFactory` turns it into the context resolvers see. */
export interface ContextParts {
  readonly session: Session;
  readonly stats: RequestStats;
  /** For contexts that bring their own session (the benchmark's naive baseline). */
  readonly client: UpstreamClient;
  readonly authorization: string | undefined;
  readonly live: LiveFeed;
  readonly onBatch?: (loader: string, size: number) => void;
}

export type ContextFactory = (parts: ContextParts) => GatewayContext;

/** The gateway as it ships: planned reads, batched loaders. */
export const plannedContext: ContextFactory = ({ session, stats, live, onBatch }) => ({
  requestId: stats.requestId,
  upstream: session,
  loaders: createLoaders(session, onBatch),
  planner: selectionPlanner,
  live,
  stats,
});

export interface RequestContextOptions {
  readPath: ReadPath;
  client: UpstreamClient;
  /** Used when a request brings no Authorization header of its own. */
  apiKey: string | undefined;
  maxConcurrentUpstreamCalls: number;
  /** No request makes more upstream calls than this, whatever it is admitted with (GRAPHQL_MAX_COST). */
  maxCost: number;
  factory: ContextFactory;
  /** The live side of each caller's context (src/live). */
  live: { feed(authorization: string | undefined): LiveFeed };
  onBatch?: (loader: string, size: number) => void;
}

/**
 * The credential a request acts with: the caller's own `Authorization` header, forwarded as is,
 * or else the gateway's configured key. Undefined when there is neither.
 */
export function credentialResolver(apiKey: string | undefined): (req: IncomingMessage) => string | undefined {
  const fallback = apiKey ? `Bearer ${apiKey}` : undefined;
  return (req) => {
    const header = req.headers.authorization?.trim();
    return header ? header : fallback;
  };
}

/** A request's context, and `close` for when the request is over. */
export interface RequestContext {
  context: GatewayContext;
  close(): void;
}

export interface RequestContexts {
  /** The context of an HTTP request, acting with the request's credential. */
  forRequest(req: IncomingMessage, stats: RequestStats, cancel?: AbortSignal): RequestContext;
  /** A context acting with `authorization`: one per event of a subscription, over a fresh session. */
  forCredential(authorization: string | undefined, stats: RequestStats, cancel?: AbortSignal): RequestContext;
  credentialOf(req: IncomingMessage): string | undefined;
}

export function createRequestContexts(options: RequestContextOptions): RequestContexts {
  const credentialOf = credentialResolver(options.apiKey);
  const forCredential = (authorization: string | undefined, stats: RequestStats, cancel?: AbortSignal): RequestContext => {
    const session = options.readPath.session({
      authorization,
      requestId: stats.requestId,
      maxConcurrentCalls: options.maxConcurrentUpstreamCalls,
      maxCalls: options.maxCost,
      ...(cancel ? { cancel } : {}),
      onSend: () => {
        stats.upstreamCalls += 1;
      },
    });
    try {
      const context = options.factory({
        session,
        stats,
        client: options.client,
        authorization,
        live: options.live.feed(authorization),
        ...(options.onBatch ? { onBatch: options.onBatch } : {}),
      });
      return { context, close: () => session.close() };
    } catch (error) {
      session.close();
      throw error;
    }
  };
  return {
    forRequest: (req, stats, cancel) => forCredential(credentialOf(req), stats, cancel),
    forCredential,
    credentialOf,
  };
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A client's `x-request-id` is kept when it is a plain token; anything else gets a fresh id. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

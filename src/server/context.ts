/**
 * A request's context: its upstream session (the read path bound to the caller's credential),
 * its loaders over that session and the planner. Built fresh for every GraphQL request.
 */
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { GatewayContext, RequestStats } from '../domain/context.js';
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
  readonly onBatch?: (loader: string, size: number) => void;
}

export type ContextFactory = (parts: ContextParts) => GatewayContext;

/** The gateway as it ships: planned reads, batched loaders. */
export const plannedContext: ContextFactory = ({ session, stats, onBatch }) => ({
  requestId: stats.requestId,
  upstream: session,
  loaders: createLoaders(session, onBatch),
  planner: selectionPlanner,
  stats,
});

export interface RequestContextOptions {
  readPath: ReadPath;
  client: UpstreamClient;
  /** Used when a request brings no Authorization header of its own. */
  apiKey: string | undefined;
  maxConcurrentUpstreamCalls: number;
  factory: ContextFactory;
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

export function createRequestContexts(options: RequestContextOptions) {
  const credentialOf = credentialResolver(options.apiKey);
  return function contextFor(req: IncomingMessage, stats: RequestStats, cancel?: AbortSignal): RequestContext {
    const authorization = credentialOf(req);
    const session = options.readPath.session({
      authorization,
      requestId: stats.requestId,
      maxConcurrentCalls: options.maxConcurrentUpstreamCalls,
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
        ...(options.onBatch ? { onBatch: options.onBatch } : {}),
      });
      return { context, close: () => session.close() };
    } catch (error) {
      session.close();
      throw error;
    }
  };
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A client's `x-request-id` is kept when it is a plain token; anything else gets a fresh id. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

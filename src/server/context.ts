/**
 * A request's context: its upstream session (the read path bound to the caller's credential),
 * its loaders over that session and the planner. Built fresh for every GraphQL request.
 */
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Credential } from '../upstream/credentials.js';
import type { Caller } from './caller.js';
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
  readonly credential: Credential | null;
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
  maxConcurrentUpstreamCalls: number;
  /** No request makes more upstream calls than this, whatever it is admitted with (GRAPHQL_MAX_COST). */
  maxCost: number;
  factory: ContextFactory;
  /** The live side of each caller's context (src/live). */
  live: { feed(credential: Credential | null): LiveFeed };
  onBatch?: (loader: string, size: number) => void;
}

/** A request's context, and `close` for when the request is over. */
export interface RequestContext {
  context: GatewayContext;
  close(): void;
}

export interface RequestContexts {
  /**
   * A context acting as `caller` (server/caller.ts), over a fresh session: one per HTTP request,
   * one per event of a subscription.
   */
  forCaller(caller: Caller, stats: RequestStats, cancel?: AbortSignal): RequestContext;
}

export function createRequestContexts(options: RequestContextOptions): RequestContexts {
  const forCaller = ({ credential }: Caller, stats: RequestStats, cancel?: AbortSignal): RequestContext => {
    const session = options.readPath.session({
      credential,
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
        credential,
        live: options.live.feed(credential),
        ...(options.onBatch ? { onBatch: options.onBatch } : {}),
      });
      return { context, close: () => session.close() };
    } catch (error) {
      session.close();
      throw error;
    }
  };
  return { forCaller };
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A client's `x-request-id` is kept when it is a plain token; anything else gets a fresh id. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

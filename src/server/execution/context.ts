/**
 * A request's context: its scope (the upstream session bound to the caller's credential and the
 * loaders over it, server/execution/scopes.ts) and the planner. Built fresh for every GraphQL request and
 * for every event of a subscription.
 */
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Caller, Credential, GatewayContext, LiveFeed, RequestStats, Scope, Scopes } from '../../domain/context.js';
import { selectionPlanner } from '../../planner/relations.js';
import type { UpstreamClient } from '../../upstream/client.js';

/** What a request's context is made of; `ContextFactory` turns it into the context resolvers see. */
export interface ContextParts {
  /** The request's upstream session and loaders (server/execution/scopes.ts). */
  readonly scope: Scope;
  readonly stats: RequestStats;
  /** For contexts that bring their own session (the benchmark's naive baseline). */
  readonly client: UpstreamClient;
  readonly credential: Credential | null;
  readonly live: LiveFeed;
}

export type ContextFactory = (parts: ContextParts) => GatewayContext;

/** The gateway as it ships: planned reads, batched loaders. */
export const plannedContext: ContextFactory = ({ scope, stats, live }) => ({
  requestId: stats.requestId,
  upstream: scope.upstream,
  loaders: scope.loaders,
  planner: selectionPlanner,
  live,
  stats,
});

export interface RequestContextOptions {
  scopes: Scopes;
  client: UpstreamClient;
  factory: ContextFactory;
  /** The live side of each caller's context (src/live). */
  live: { feed(credential: Credential | null): LiveFeed };
}

/** A request's context, and `close` for when the request is over. */
export interface RequestContext {
  context: GatewayContext;
  close(): void;
}

export interface RequestContexts {
  /**
   * A context acting as `caller` (server/intake/caller.ts), over a scope of its own: one per HTTP
   * request, one per event of a subscription. `budget`: the calls it may make, when known already.
   */
  forCaller(caller: Caller, stats: RequestStats, cancel?: AbortSignal, budget?: number): RequestContext;
}

export function createRequestContexts(options: RequestContextOptions): RequestContexts {
  const forCaller = ({ credential }: Caller, stats: RequestStats, cancel?: AbortSignal, budget?: number): RequestContext => {
    const scope = options.scopes.open({
      credential,
      requestId: stats.requestId,
      ...(budget === undefined ? {} : { budget }),
      ...(cancel ? { cancel } : {}),
      onSend: () => {
        stats.upstreamCalls += 1;
      },
      onCacheHit: () => {
        stats.cachedReads += 1;
      },
    });
    try {
      const context = options.factory({ scope, stats, client: options.client, credential, live: options.live.feed(credential) });
      return { context, close: () => scope.close() };
    } catch (error) {
      scope.close();
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

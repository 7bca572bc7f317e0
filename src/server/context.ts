import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createLoaders, type Loaders } from '../loaders/index.js';
import { noPlanner, selectionPlanner, type Planner } from '../planner/relations.js';
import { createCaller } from '../upstream/caller.js';
import type { UpstreamCall, UpstreamClient } from '../upstream/client.js';
import type { Coalescer } from '../upstream/coalesce.js';
import type { RequestStats } from './requestStats.js';

/** What every resolver receives: built fresh for each GraphQL request, never mutated by resolvers. */
export interface GatewayContext {
  requestId: string;
  /** Upstream calls as this request's caller. */
  upstream: UpstreamCall;
  loaders: Loaders;
  planner: Planner;
  /** Filled along the way for the request's log line and metrics. */
  stats: RequestStats;
}

/**
 * `planned`: the gateway as it ships. `naive`: planning, DataLoader and read sharing off, one
 * upstream call per resolver; the benchmark's baseline for the same schema.
 */
export type Strategy = 'planned' | 'naive';

export interface ContextOptions {
  client: UpstreamClient;
  /** Used when a request brings no Authorization header of its own. */
  apiKey: string | undefined;
  maxConcurrentUpstreamCalls: number;
  strategy: Strategy;
  /** Shares identical reads across concurrent requests (process-wide); absent when turned off. */
  coalescer?: Coalescer;
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

export function createContextFactory(options: ContextOptions) {
  const credentialOf = credentialResolver(options.apiKey);
  const planned = options.strategy === 'planned';
  return async function createContext({
    req,
    stats,
    cancel,
  }: {
    req: IncomingMessage;
    stats: RequestStats;
    cancel?: AbortSignal;
  }): Promise<GatewayContext> {
    const upstream = createCaller({
      client: options.client,
      authorization: credentialOf(req),
      maxConcurrentCalls: options.maxConcurrentUpstreamCalls,
      shareReads: planned,
      ...(options.coalescer ? { coalescer: options.coalescer } : {}),
      ...(cancel ? { cancel } : {}),
      requestId: stats.requestId,
      onSend: () => {
        stats.upstreamCalls += 1;
      },
    });
    return {
      requestId: stats.requestId,
      upstream,
      loaders: createLoaders(upstream, { batch: planned, ...(options.onBatch ? { onBatch: options.onBatch } : {}) }),
      planner: planned ? selectionPlanner : noPlanner,
      stats,
    };
  };
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A client's `x-request-id` is kept when it is a plain token; anything else gets a fresh id. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

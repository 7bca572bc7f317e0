import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createLoaders, type Loaders } from '../loaders/index.js';
import type { UpstreamCall, UpstreamClient } from '../upstream/client.js';
import { UpstreamError } from '../upstream/errors.js';
import { createLimiter } from '../upstream/limit.js';

/** What every resolver receives: built fresh for each GraphQL request, never mutated by resolvers. */
export interface GatewayContext {
  requestId: string;
  /** Upstream calls as this request's caller. */
  upstream: UpstreamCall;
  loaders: Loaders;
}

export interface ContextOptions {
  client: UpstreamClient;
  /** Used when a request brings no Authorization header of its own. */
  apiKey: string | undefined;
  maxConcurrentUpstreamCalls: number;
}

const MISSING_KEY = new UpstreamError(
  'UNAUTHENTICATED',
  'No Acquire API key: send "Authorization: Bearer <key>" or set ACQUIRE_API_KEY on the gateway',
);

/**
 * The caller's own `Authorization` header is forwarded as is; without one, the gateway's
 * configured key is used.
 */
export function createContextFactory(options: ContextOptions) {
  const fallback = options.apiKey ? `Bearer ${options.apiKey}` : undefined;
  return async function createContext({ req }: { req: IncomingMessage }): Promise<GatewayContext> {
    const header = req.headers.authorization?.trim();
    const authorization = header ? header : fallback;
    const limit = createLimiter(options.maxConcurrentUpstreamCalls);
    const upstream: UpstreamCall = authorization
      ? (request) => limit(() => options.client.send(request, authorization))
      : () => Promise.reject(MISSING_KEY);
    const requestId = requestIdOf(req);
    return { requestId, upstream, loaders: createLoaders(upstream) };
  };
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A client's `x-request-id` is kept when it is a plain token; anything else gets a fresh id. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The upstream as one GraphQL request sees it: its caller's credential, a cap on calls in flight,
 * and one shared call for identical reads (aliases, repeated fields), until the request writes.
 */
import type { UpstreamCall, UpstreamClient, UpstreamRequest } from './client.js';
import { UpstreamError } from './errors.js';
import { createLimiter } from './limit.js';

export interface CallerOptions {
  client: UpstreamClient;
  /** The whole Authorization header value; undefined when the caller has no key at all. */
  authorization: string | undefined;
  maxConcurrentCalls: number;
  /** Identical GETs share one call until the next write. */
  shareReads: boolean;
  requestId: string;
  /** Told of every call that goes out (a shared read goes out once). */
  onSend?: () => void;
}

const MISSING_KEY = new UpstreamError(
  'UNAUTHENTICATED',
  'No Acquire API key: send "Authorization: Bearer <key>" or set ACQUIRE_API_KEY on the gateway',
);

export function readKey(request: UpstreamRequest): string {
  const query = request.searchParams ? new URLSearchParams(request.searchParams).toString() : '';
  return `${request.path}?${query}`;
}

export function createCaller(options: CallerOptions): UpstreamCall {
  const { client, authorization } = options;
  if (authorization === undefined) return () => Promise.reject(MISSING_KEY);
  const limit = createLimiter(options.maxConcurrentCalls);
  const send: UpstreamCall = (request) => {
    options.onSend?.();
    return limit(() => client.send(request, authorization, options.requestId));
  };
  if (!options.shareReads) return send;

  const reads = new Map<string, Promise<unknown>>();
  return (request) => {
    if (request.method !== 'GET') {
      // A write may change what any earlier read returned.
      reads.clear();
      return send(request);
    }
    const key = readKey(request);
    let read = reads.get(key);
    if (!read) {
      read = send(request);
      reads.set(key, read);
    }
    return read;
  };
}

/**
 * The upstream as one GraphQL request sees it: its caller's credential, a cap on calls in flight,
 * one shared call for identical reads within the request (aliases, repeated fields) until the
 * request writes, and, across requests, the coalescer's shared reads.
 */
import type { UpstreamCall, UpstreamClient, UpstreamRequest } from './client.js';
import { credentialHash, type Coalescer } from './coalesce.js';
import { UpstreamError } from './errors.js';
import { createLimiter } from './limit.js';

export interface CallerOptions {
  client: UpstreamClient;
  /** The whole Authorization header value; undefined when the caller has no key at all. */
  authorization: string | undefined;
  maxConcurrentCalls: number;
  /** Identical GETs within the request share one call until the next write. */
  shareReads: boolean;
  /** Identical GETs of concurrent requests with the same credential share one call. */
  coalescer?: Coalescer;
  requestId: string;
  /** Aborted when the request's client goes away: its reads stop (its writes never do). */
  cancel?: AbortSignal;
  /** Told of every call this request sends (a read it joined is not one). */
  onSend?: () => void;
}

const MISSING_KEY = new UpstreamError(
  'UNAUTHENTICATED',
  'No Acquire API key: send "Authorization: Bearer <key>" or set ACQUIRE_API_KEY on the gateway',
);

/** The read's identity: path and query parameters in a canonical order. */
function readKey(request: UpstreamRequest): string {
  const params = [...(request.searchParams ?? [])].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return `${request.path}?${new URLSearchParams(params).toString()}`;
}

export function createCaller(options: CallerOptions): UpstreamCall {
  const { client, authorization, coalescer, cancel } = options;
  if (authorization === undefined) return () => Promise.reject(MISSING_KEY);
  const limit = createLimiter(options.maxConcurrentCalls);
  const send = (request: UpstreamRequest, signal?: AbortSignal): Promise<unknown> => {
    options.onSend?.();
    return limit(() => client.send(request, authorization, options.requestId, signal));
  };
  const hash = coalescer ? credentialHash(authorization) : '';
  const read = coalescer
    ? (request: UpstreamRequest) => coalescer.read(hash, readKey(request), (signal) => send(request, signal), cancel)
    : (request: UpstreamRequest) => send(request, cancel);
  const write = (request: UpstreamRequest): Promise<unknown> => {
    const over = coalescer?.writeStarted(hash);
    return over ? send(request).finally(over) : send(request);
  };
  if (!options.shareReads) return (request) => (request.method === 'GET' ? read(request) : write(request));

  const reads = new Map<string, Promise<unknown>>();
  return (request) => {
    if (request.method !== 'GET') {
      // A write may change what any earlier read returned.
      reads.clear();
      return write(request);
    }
    const key = readKey(request);
    let pending = reads.get(key);
    if (!pending) {
      pending = read(request);
      reads.set(key, pending);
    }
    return pending;
  };
}

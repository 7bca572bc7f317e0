/**
 * The HTTP client of the Acquire API: one got instance per process (keep-alive sockets are
 * shared), used through `UpstreamCall`s bound to one caller's credential.
 */
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import got, { RequestError, type Got } from 'got';
import type { UpstreamRequest } from '../domain/context.js';
import { createBreaker, type BreakerOptions } from './breaker.js';
import { cancelledError, clip, errorFromResponse, malformedError, networkError, redact, timeoutError, unavailableError } from './errors.js';
import { DEFAULT_RETRY, isRetryableStatus, retryDelayMs, type RetryOptions } from './retry.js';

export type { UpstreamRequest };

/** One HTTP attempt, for metrics. `status` is the HTTP status, or `network` or `timeout`. */
export interface UpstreamAttempt {
  method: string;
  path: string;
  status: string;
  durationMs: number;
}

export interface UpstreamClientOptions {
  baseUrl: string;
  /** Bounds one upstream call from start to parsed body, retries and the waits between them included. */
  timeoutMs: number;
  retry?: RetryOptions;
  breaker?: BreakerOptions;
  observe?: (attempt: UpstreamAttempt) => void;
  /** Wraps each call (retries included) in a span; see server/tracing.ts. */
  traceCall?: <T>(request: UpstreamRequest, call: (headers: Record<string, string>) => Promise<T>) => Promise<T>;
}

const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 5_000 };

export interface UpstreamClient {
  /**
   * `authorization` is the whole header value, e.g. `Bearer <key>` (`''` sends none); `requestId`
   * goes along as `x-request-id`, so upstream logs and ours tell the same story. `cancel` abandons
   * the call (only reads are ever cancelled: a write half-done upstream cannot be taken back).
   */
  send(request: UpstreamRequest, authorization: string, requestId?: string, cancel?: AbortSignal): Promise<unknown>;
  close(): void;
}

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
  };
  const instance: Got = got.extend({
    prefixUrl: options.baseUrl,
    agent: agents,
    // POST is not idempotent here (send, create, close): never repeat a request on our own.
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
    headers: { accept: 'application/json', 'user-agent': 'acquire-graphql-gateway' },
  });

  const retry = options.retry ?? DEFAULT_RETRY;
  const breaker = createBreaker(options.breaker ?? DEFAULT_BREAKER);

  /** Waits before the next attempt, unless the deadline would pass first. */
  async function waitToRetry(attempt: number, retryAfter: string | undefined, deadline: AbortSignal, startedAt: number): Promise<boolean> {
    const delay = retryDelayMs(attempt, retryAfter, retry);
    if (Date.now() - startedAt + delay >= options.timeoutMs) return false;
    try {
      await sleep(delay, undefined, { signal: deadline });
    } catch {
      return false;
    }
    return breaker.tryAcquire();
  }

  const observe = options.observe ?? (() => {});

  async function attempts(request: UpstreamRequest, headers: Record<string, string>, cancel?: AbortSignal): Promise<unknown> {
    if (!breaker.tryAcquire()) throw unavailableError();
    // One signal bounds the whole call, retries included. (got's own `timeout` option arms a
    // timer per phase and cost more CPU than the rest of got's work, in profiles of a page of cases.)
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const deadline = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
    const startedAt = Date.now();
    const tries = request.method === 'GET' || request.idempotent === true ? retry.attempts : 1;
    for (let attempt = 1; ; attempt += 1) {
      const sentAt = performance.now();
      let response;
      try {
        response = await instance(request.path, {
          method: request.method,
          signal: deadline,
          headers,
          ...(request.searchParams ? { searchParams: new URLSearchParams(request.searchParams as Array<[string, string]>) } : {}),
          ...(request.json === undefined ? {} : { json: request.json }),
        });
      } catch (error) {
        const status = timeout.aborted ? 'timeout' : cancel?.aborted ? 'cancelled' : 'network';
        observe({ method: request.method, path: request.path, status, durationMs: performance.now() - sentAt });
        // The breaker hears of failures of the upstream, not of callers who went away.
        if (cancel?.aborted && !timeout.aborted) {
          breaker.abandon();
          throw cancelledError();
        }
        breaker.failure();
        if (timeout.aborted) throw timeoutError(options.timeoutMs);
        const failure = error instanceof RequestError ? networkError(error.code) : error;
        if (attempt < tries && (await waitToRetry(attempt, undefined, deadline, startedAt))) continue;
        if (cancel?.aborted) throw cancelledError();
        if (timeout.aborted) throw timeoutError(options.timeoutMs);
        throw failure;
      }
      const { statusCode, body } = response;
      observe({ method: request.method, path: request.path, status: String(statusCode), durationMs: performance.now() - sentAt });
      if (statusCode >= 500 || statusCode === 429) breaker.failure();
      else breaker.success();
      if (isRetryableStatus(statusCode) && attempt < tries) {
        const retryAfter = response.headers['retry-after'];
        if (await waitToRetry(attempt, typeof retryAfter === 'string' ? retryAfter : undefined, deadline, startedAt)) continue;
      }
      const secret = headers.authorization?.replace(/^Bearer\s+/i, '');
      if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, body, secret);
      return parseJson(body, statusCode, response.headers['content-type'], secret);
    }
  }

  function send(request: UpstreamRequest, authorization: string, requestId?: string, cancel?: AbortSignal): Promise<unknown> {
    const headers: Record<string, string> = authorization === '' ? {} : { authorization };
    if (requestId !== undefined) headers['x-request-id'] = requestId;
    if (!options.traceCall) return attempts(request, headers, cancel);
    return options.traceCall(request, (traceHeaders) => attempts(request, { ...headers, ...traceHeaders }, cancel));
  }

  return {
    send,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

// A media type as RFC 6838 spells it; anything else the upstream put there is not repeated.
const MEDIA_TYPE = /^[\w!#$&^.+-]{1,64}\/[\w!#$&^.+-]{1,64}$/;

function parseJson(body: string, status: number, contentType: string | undefined, secret: string | undefined): unknown {
  if (body.trim() === '') throw malformedError('an empty body', status);
  try {
    return JSON.parse(body);
  } catch {
    const kind = contentType?.split(';')[0]?.trim() ?? '';
    throw malformedError(`a body that is not JSON (${MEDIA_TYPE.test(kind) ? kind : 'unknown content type'})`, status, clip(redact(body, secret)));
  }
}

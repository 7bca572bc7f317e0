/**
 * The HTTP client of the Acquire API: one got instance per process (keep-alive sockets are
 * shared), used through `UpstreamCall`s bound to one caller's credential.
 */
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import got, { RequestError, type Got } from 'got';
import type { Credential, UpstreamRequest } from '../domain/context.js';
import { createBreakerRegistry, type Breaker, type BreakerOptions } from './breaker.js';
import { createCredentialGate, DEFAULT_GATE, type GateOptions } from './credentials.js';
import { endpointTemplate } from './endpointTemplate.js';
import { cancelledError, clip, errorFromResponse, malformedError, networkError, redact, timeoutError, unavailableError, UpstreamError } from './errors.js';
import { DEFAULT_RETRY, isRetryableStatus, retryAfterMs, retryDelayMs, type RetryOptions } from './retry.js';

export type { UpstreamRequest };

/** One HTTP attempt, for metrics. `status` is the HTTP status, or `network` or `timeout`. */
export interface UpstreamAttempt {
  method: string;
  /** The path as a template (`/crm/objects/case/{id}`): a label with a bounded set of values. */
  endpoint: string;
  status: string;
  durationMs: number;
}

export interface UpstreamClientOptions {
  baseUrl: string;
  /** Bounds one upstream call from start to parsed body, retries and the waits between them included. */
  timeoutMs: number;
  retry?: RetryOptions;
  breaker?: BreakerOptions;
  credentials?: GateOptions;
  observe?: (attempt: UpstreamAttempt) => void;
  /** Wraps each call (retries included) in a span; see server/ops/tracing.ts. */
  traceCall?: <T>(request: UpstreamRequest, endpoint: string, call: (headers: Record<string, string>) => Promise<T>) => Promise<T>;
}

const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 5_000 };

// However long a 429's Retry-After asks for, a key's calls are held for 5 minutes at most.
const MAX_HOLD_MS = 300_000;

export interface SendOptions {
  /**
   * Whether a failed attempt may be made again: true for reads (a search sent as a POST included),
   * false for writes, where a repeated send is a duplicate message.
   */
  readonly repeatable: boolean;
  /** Goes along as `x-request-id`, so upstream logs and ours tell the same story. */
  readonly requestId?: string;
  /** Abandons the call (only reads are ever cancelled: a write half-done upstream cannot be taken back). */
  readonly cancel?: AbortSignal;
}

export interface UpstreamClient {
  /**
   * One call as the caller of `credential`. Its attempts are decided by the caller, which alone
   * knows whether the call is a read or a write (src/upstream/readPath.ts).
   */
  send(request: UpstreamRequest, credential: Credential, options: SendOptions): Promise<unknown>;
  /**
   * A call past the breakers and the credential gate: readiness asks what the upstream says
   * now, whatever a tenant's calls have been through. Null sends no key.
   */
  probe(request: UpstreamRequest, credential: Credential | null, requestId?: string): Promise<unknown>;
  /** Takes the operator's own key as known: its first calls need not wait for one another. */
  trust(credential: Credential): void;
  close(): void;
}

/** What one call (its attempts and waits) runs against. */
interface Call {
  request: UpstreamRequest;
  /** Worked out once per call: breakers, metrics and spans are keyed by it. */
  endpoint: string;
  headers: Record<string, string>;
  /** Fires at the time-out or when the caller goes away. */
  deadline: AbortSignal;
  timeout: AbortSignal;
  cancel: AbortSignal | undefined;
  startedAt: number;
  breaker: Breaker | null;
  repeatable: boolean;
  /** The status of the last answer, for the credential gate. */
  outcome: { status?: number };
}

function rateLimitedError(heldMs: number, status?: number): UpstreamError {
  const seconds = Math.max(1, Math.ceil(heldMs / 1000));
  return new UpstreamError('RATE_LIMITED', `The Acquire API asked this key to slow down; retry after ${seconds} s`, {
    retryAfterSeconds: seconds,
    ...(status === undefined ? {} : { status }),
  });
}

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
  };
  const instance: Got = got.extend({
    prefixUrl: options.baseUrl,
    agent: agents,
    // Whether to repeat a call is the read path's decision (SendOptions.repeatable), not got's.
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
    headers: { accept: 'application/json', 'user-agent': 'acquire-graphql-gateway' },
  });

  const retry = options.retry ?? DEFAULT_RETRY;
  const breakers = createBreakerRegistry(options.breaker ?? DEFAULT_BREAKER);
  const gate = createCredentialGate(options.credentials ?? DEFAULT_GATE);

  /** Whether `delay` more still ends before the call's time-out. */
  const fits = (call: Call, delay: number): boolean => Date.now() - call.startedAt + delay < options.timeoutMs;

  /** Waits `delay`, unless the deadline fires first. */
  async function pause(call: Call, delay: number): Promise<boolean> {
    try {
      await sleep(delay, undefined, { signal: call.deadline });
      return true;
    } catch {
      return false;
    }
  }

  /** Why a call stopped early: its caller left, or its time ran out. */
  const stopped = (call: Call): UpstreamError => (call.cancel?.aborted && !call.timeout.aborted ? cancelledError() : timeoutError(options.timeoutMs));

  /** Waits before the next attempt, unless the deadline would pass first or other calls opened the breaker. */
  async function waitToRetry(call: Call, attempt: number, retryAfter: string | undefined): Promise<boolean> {
    const delay = retryDelayMs(attempt, retryAfter, retry);
    if (!fits(call, delay) || !(await pause(call, delay))) return false;
    return call.breaker?.state() !== 'open';
  }

  const observe = options.observe ?? (() => {});

  /** The attempts of one call; the breaker hears its outcome once, after its retries. */
  async function attempts(call: Call): Promise<unknown> {
    const { request, headers, breaker } = call;
    const held = breaker?.heldForMs() ?? 0;
    if (held > 0 && (!fits(call, held) || !(await pause(call, held)))) {
      // A wait the time-out cut short made no call: the key is still held back, not slow.
      if (call.cancel?.aborted && !call.timeout.aborted) throw stopped(call);
      throw rateLimitedError(held);
    }
    if (breaker && !breaker.tryAcquire()) throw unavailableError();
    const tries = call.repeatable ? retry.attempts : 1;
    for (let attempt = 1; ; attempt += 1) {
      const sentAt = performance.now();
      let response;
      try {
        response = await instance(request.path, {
          method: request.method,
          signal: call.deadline,
          headers,
          ...(request.searchParams ? { searchParams: new URLSearchParams(request.searchParams as Array<[string, string]>) } : {}),
          ...(request.json === undefined ? {} : { json: request.json }),
        });
      } catch (error) {
        const status = call.timeout.aborted ? 'timeout' : call.cancel?.aborted ? 'cancelled' : 'network';
        observe({ method: request.method, endpoint: call.endpoint, status, durationMs: performance.now() - sentAt });
        if (!call.deadline.aborted && attempt < tries && (await waitToRetry(call, attempt, undefined))) continue;
        // The breaker hears of failures of the upstream, not of callers who went away.
        if (call.cancel?.aborted && !call.timeout.aborted) {
          breaker?.abandon();
          throw cancelledError();
        }
        breaker?.failure();
        if (call.timeout.aborted) throw timeoutError(options.timeoutMs);
        throw error instanceof RequestError ? networkError(error.code) : error;
      }
      const { statusCode, body } = response;
      call.outcome.status = statusCode;
      observe({ method: request.method, endpoint: call.endpoint, status: String(statusCode), durationMs: performance.now() - sentAt });
      const retryAfter = typeof response.headers['retry-after'] === 'string' ? response.headers['retry-after'] : undefined;
      if (statusCode === 429) {
        // Back-pressure for this key, never an outage: its calls wait as long as the upstream asked.
        const hold = Math.min(retryAfterMs(retryAfter) ?? retryDelayMs(attempt, undefined, retry), MAX_HOLD_MS);
        breaker?.holdFor(hold);
        if (attempt < tries && fits(call, hold) && (await pause(call, hold)) && breaker?.state() !== 'open') continue;
        breaker?.abandon();
        if (call.cancel?.aborted) throw cancelledError();
        throw rateLimitedError(breaker?.heldForMs() ?? hold, statusCode);
      }
      if (isRetryableStatus(statusCode) && attempt < tries && (await waitToRetry(call, attempt, retryAfter))) continue;
      if (statusCode >= 500) breaker?.failure();
      else breaker?.success();
      const secret = headers.authorization?.replace(/^Bearer\s+/i, '');
      if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, body, secret);
      return parseJson(body, statusCode, response.headers['content-type'], secret);
    }
  }

  /** A call's headers and signals: one deadline bounds it all, waits and retries included. */
  function callOf(request: UpstreamRequest, endpoint: string, credential: Credential | null, breaker: Breaker | null, { repeatable, requestId, cancel }: SendOptions): Call {
    // (got's own `timeout` option arms a timer per phase and cost more CPU than the rest of
    // got's work, in profiles of a page of cases.)
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const headers: Record<string, string> = credential ? { authorization: credential.header } : {};
    if (requestId !== undefined) headers['x-request-id'] = requestId;
    return { request, endpoint, headers, deadline: cancel ? AbortSignal.any([timeout, cancel]) : timeout, timeout, cancel, startedAt: Date.now(), breaker, repeatable, outcome: {} };
  }

  function run(call: Call): Promise<unknown> {
    if (!options.traceCall) return attempts(call);
    return options.traceCall(call.request, call.endpoint, (traceHeaders) => attempts({ ...call, headers: { ...call.headers, ...traceHeaders } }));
  }

  async function send(request: UpstreamRequest, credential: Credential, options: SendOptions): Promise<unknown> {
    const endpoint = endpointTemplate(request.path);
    const call = callOf(request, endpoint, credential, breakers(credential.hash, endpoint), options);
    let first = gate.admit(credential.hash, call.deadline, () => stopped(call));
    if (typeof first !== 'boolean') first = await first;
    try {
      return await run(call);
    } finally {
      gate.settle(credential.hash, first, call.outcome.status);
    }
  }

  return {
    send,
    probe: (request, credential, requestId) => run(callOf(request, endpointTemplate(request.path), credential, null, { repeatable: true, ...(requestId === undefined ? {} : { requestId }) })),
    trust: (credential) => gate.trust(credential.hash),
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

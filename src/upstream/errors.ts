/**
 * Upstream failures, each with the stable GraphQL error code it maps to. Messages carry what the
 * upstream said (trimmed) only when it is about the caller's input (4xx); a failure of the
 * upstream itself gets a generic message, and what the upstream said goes to `detail`, for the
 * log only. Never a URL with credentials, a body dump or the API key.
 */
import type { ErrorCode } from '../domain/errorCodes.js';
import { isObject } from './normalize.js';

export type UpstreamErrorCode = Extract<
  ErrorCode,
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT' | 'UPSTREAM_ERROR' | 'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNAVAILABLE' | 'RATE_LIMITED' | 'BUDGET_EXCEEDED' | 'CANCELLED'
>;

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  readonly code: UpstreamErrorCode;
  /** The HTTP status of the upstream answer, when there was one. */
  readonly status: number | undefined;
  /** The upstream's error type, such as `ERROR_RECORD_NOT_FOUND`, when it sent one. */
  readonly upstreamType: string | undefined;
  /** What the upstream said about a failure of its own: for the log, never for the client. */
  readonly detail: string | undefined;
  /** For RATE_LIMITED: when the key may call again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: UpstreamErrorCode,
    message: string,
    details: { status?: number; upstreamType?: string; detail?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.status = details.status;
    this.upstreamType = details.upstreamType;
    this.detail = details.detail;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

const MAX_UPSTREAM_MESSAGE_LENGTH = 300;
const ERROR_TYPE = /^ERROR_[A-Z_]+$/;

interface ParsedError {
  type: string | undefined;
  message: string | undefined;
}

/** Error bodies are undocumented: look for a type and a message wherever APIs usually put them. */
export function parseErrorBody(text: string): ParsedError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { type: undefined, message: undefined };
  }
  const found: ParsedError = { type: undefined, message: undefined };
  const visit = (value: unknown, depth: number): void => {
    if (depth > 3) return;
    if (typeof value === 'string') {
      if (ERROR_TYPE.test(value)) found.type ??= value;
      else found.message ??= value;
      return;
    }
    if (Array.isArray(value)) {
      visit(value[0], depth + 1);
      return;
    }
    if (!isObject(value)) return;
    for (const key of ['type', 'code', 'errorType', 'error_type']) {
      const candidate = value[key];
      if (typeof candidate === 'string' && ERROR_TYPE.test(candidate)) found.type ??= candidate;
    }
    for (const key of ['message', 'msg', 'error_description', 'detail']) {
      const candidate = value[key];
      if (typeof candidate === 'string' && candidate.trim() !== '') found.message ??= candidate;
    }
    for (const key of ['error', 'errors', 'data']) {
      if (key in value) visit(value[key], depth + 1);
    }
  };
  visit(body, 0);
  return found;
}

function codeFor(status: number, type: string | undefined): UpstreamErrorCode {
  if (status === 401 || type === 'ERROR_UNAUTHORIZED') return 'UNAUTHENTICATED';
  if (status === 403 || type === 'ERROR_UNAUTHORIZED_ACCESS') return 'FORBIDDEN';
  if (status >= 500 || status < 400) return 'UPSTREAM_ERROR';
  // The docs list ERROR_RECORD_NOT_FOUND under HTTP 400, and 404 as "no such object".
  if (status === 404 || type === 'ERROR_RECORD_NOT_FOUND') return 'NOT_FOUND';
  if (type === 'ERROR_DUPLICATE_RECORD_FOUND') return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  // A time-out on their side says nothing about the caller's input.
  if (status === 408) return 'UPSTREAM_ERROR';
  return 'BAD_USER_INPUT';
}

const DEFAULT_MESSAGES: Record<UpstreamErrorCode, string> = {
  UNAUTHENTICATED: 'The Acquire API rejected the API key',
  FORBIDDEN: 'The Acquire API key lacks the permission for this operation',
  NOT_FOUND: 'Not found in Acquire',
  CONFLICT: 'Acquire already has such a record',
  BAD_USER_INPUT: 'The Acquire API rejected the request',
  UPSTREAM_ERROR: 'The Acquire API failed',
  UPSTREAM_TIMEOUT: 'The Acquire API did not answer in time',
  UPSTREAM_UNAVAILABLE: 'The Acquire API keeps failing for this key on this endpoint; the gateway holds such calls back for a few seconds',
  RATE_LIMITED: 'The Acquire API asked this key to slow down',
  BUDGET_EXCEEDED: 'This request has used its budget of upstream calls',
  CANCELLED: 'The request was cancelled by its client',
};

/** Whether the upstream's words are about the request (the client can act on them), not about itself. */
function aboutTheRequest(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Maps a non-2xx upstream answer to an UpstreamError, whatever its body holds. */
export function errorFromResponse(status: number, bodyText: string, secret?: string): UpstreamError {
  const { type, message } = parseErrorBody(bodyText);
  const code = codeFor(status, type);
  const heading = `${DEFAULT_MESSAGES[code]} (HTTP ${status}${type ? ` ${type}` : ''})`;
  const typeOf = type === undefined ? {} : { upstreamType: type };
  if (aboutTheRequest(status)) {
    return new UpstreamError(code, message ? `${heading}: ${clip(redact(message, secret))}` : heading, { status, ...typeOf });
  }
  // A failing upstream may say anything about its insides (SQL, file paths, host names).
  const said = clip(redact(message ?? bodyText, secret));
  return new UpstreamError(code, heading, { status, ...typeOf, ...(said === '' ? {} : { detail: said }) });
}

export function timeoutError(timeoutMs: number): UpstreamError {
  return new UpstreamError('UPSTREAM_TIMEOUT', `${DEFAULT_MESSAGES.UPSTREAM_TIMEOUT} (${timeoutMs} ms)`);
}

/** The caller went away; nobody will read this, but the call stops. */
export function cancelledError(): UpstreamError {
  return new UpstreamError('CANCELLED', DEFAULT_MESSAGES.CANCELLED);
}

/** The circuit breaker is open: the call was not even tried. */
export function unavailableError(): UpstreamError {
  return new UpstreamError('UPSTREAM_UNAVAILABLE', DEFAULT_MESSAGES.UPSTREAM_UNAVAILABLE);
}

export function networkError(reason: string): UpstreamError {
  return new UpstreamError('UPSTREAM_ERROR', `The Acquire API could not be reached (${reason})`);
}

/** A 2xx answer the gateway cannot read: not JSON, or not the documented envelope. `what` is ours, never the upstream's text. */
export function malformedError(what: string, status?: number, detail?: string): UpstreamError {
  return new UpstreamError('UPSTREAM_ERROR', `The Acquire API sent ${what}`, {
    ...(status === undefined ? {} : { status }),
    ...(detail === undefined ? {} : { detail }),
  });
}

export function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_UPSTREAM_MESSAGE_LENGTH ? `${oneLine.slice(0, MAX_UPSTREAM_MESSAGE_LENGTH)}…` : oneLine;
}

/** An upstream may echo the request; make sure the key never rides along. */
export function redact(text: string, secret?: string): string {
  let out = text.replace(/Bearer\s+[^\s"',;]+/gi, 'Bearer [redacted]');
  if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

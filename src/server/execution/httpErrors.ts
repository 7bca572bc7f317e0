/**
 * Errors answered at the HTTP level, before or around GraphQL execution: each is a status and one
 * GraphQL-style error with its code and the request id, like the errors of an executed operation.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../domain/errorCodes.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Close the connection after the answer: the rest of the request is not worth reading. */
    readonly closeConnection = false,
  ) {
    super(message);
  }
}

/** The client went away, or Node's request time-out ended the connection, before the request was in. */
export class ClientGone extends Error {}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendHttpError(res: ServerResponse, error: HttpError, requestId: string): void {
  if (error.closeConnection) res.setHeader('connection', 'close');
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code, requestId } }] });
}

interface ErrorBody {
  errors?: Array<{ extensions?: Record<string, unknown> }>;
}

/**
 * An error answer that Apollo made before any plugin saw the request (CSRF, batching, a bad
 * method...): its errors get the request id, like every other error, and their codes are
 * returned for the log line and metrics. A body that is no JSON error list is left as it is.
 */
export function stampRequestId(body: Buffer, requestId: string): { body: Buffer; codes: string[] } {
  let parsed: ErrorBody;
  try {
    parsed = JSON.parse(body.toString('utf8')) as ErrorBody;
  } catch {
    return { body, codes: [] };
  }
  if (!Array.isArray(parsed?.errors)) return { body, codes: [] };
  const codes: string[] = [];
  for (const error of parsed.errors) {
    error.extensions = { ...error.extensions, requestId };
    codes.push(typeof error.extensions.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR');
  }
  return { body: Buffer.from(JSON.stringify(parsed), 'utf8'), codes };
}

/** What one GraphQL HTTP request did, gathered along the way for its log line, metrics and span. */
export interface RequestStats {
  requestId: string;
  operationName: string | null;
  operationType: string | null;
  /** Upstream calls made for the request (one per call, however many retries it took). */
  upstreamCalls: number;
  /** Codes of the errors in the answer, in order. */
  errorCodes: string[];
  /** Whether execution began (false when parsing, validation or a limit refused the operation). */
  executed: boolean;
  /** Answered with the response of an identical query that was running already. */
  sharedAnswer: boolean;
}

export function newRequestStats(requestId: string): RequestStats {
  return { requestId, operationName: null, operationType: null, upstreamCalls: 0, errorCodes: [], executed: false, sharedAnswer: false };
}

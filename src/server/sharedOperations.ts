/**
 * Identical GraphQL queries of one credential that arrive while the first is still running
 * share its answer, the whole HTTP response, instead of each executing it again. Built on the
 * read path's `share`, so it keeps the rules of reads: a hash of the credential in the key,
 * entries only while in flight, and a write by that credential closes them to newcomers.
 *
 * A mutation's answer is never shared: every follower then executes its own request. An answer
 * with errors is shared with each error's `requestId` rewritten to the follower's own.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { HTTPGraphQLResponse } from '@apollo/server';
import type { ReadPath } from '../upstream/readPath.js';
import type { RequestStats } from './requestStats.js';

export interface Answer {
  status: number;
  headers: Array<[string, string]>;
  /** Encoded once: a shared answer goes out to every follower as the same bytes. */
  body: Buffer;
  /** The executing request's operation, for the followers' logs and metrics. */
  operationName: string | null;
  operationType: string | null;
  shareable: boolean;
  /** The codes of its errors, for the followers' log lines. */
  errorCodes: string[];
  /** Its operation's cost estimate, which a follower's `extensions.cost` reports too... */
  estimatedCost: number | null;
  /** ...and whether it was admitted (executed) with that estimate as its budget. */
  admitted: boolean;
  hasErrors: boolean;
}

export async function answerOf(response: HTTPGraphQLResponse, stats: RequestStats): Promise<Answer> {
  let body: string;
  if (response.body.kind === 'complete') body = response.body.string;
  else {
    body = '';
    for await (const chunk of response.body.asyncIterator) body += chunk;
  }
  return {
    status: response.status ?? 200,
    headers: [...response.headers],
    body: Buffer.from(body, 'utf8'),
    operationName: stats.operationName,
    operationType: stats.operationType,
    shareable: stats.operationType !== 'mutation',
    errorCodes: stats.errorCodes,
    estimatedCost: stats.estimatedCost,
    admitted: stats.executed,
    hasErrors: stats.errorCodes.length > 0 || !stats.executed,
  };
}

/** The answer as the follower `requestId` gets it: its errors carry its own request id. */
function forFollower(answer: Answer, requestId: string): Answer {
  if (!answer.hasErrors) return answer;
  const parsed = JSON.parse(answer.body.toString('utf8')) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  for (const error of parsed.errors ?? []) error.extensions = { ...error.extensions, requestId };
  return { ...answer, body: Buffer.from(JSON.stringify(parsed), 'utf8') };
}

/** What makes two requests the same operation: method, query string, what they accept, and the body. */
export function operationKey(method: string, search: string, headers: IncomingHttpHeaders, body: unknown): string {
  return `op:${method} ${search} ${headers.accept ?? ''} ${JSON.stringify(body)}`;
}

export interface SharedOutcome {
  answer: Answer;
  /** True when the answer came from another request's execution. */
  joined: boolean;
}

/**
 * `execute(cancel)` runs the request itself; for a shared run, `cancel` fires only when every
 * request waiting on it has gone, so the first one hanging up does not fail the others.
 */
export async function shareOperation(
  readPath: ReadPath,
  credentialHash: string,
  key: string,
  requestId: string,
  execute: (cancel: AbortSignal) => Promise<Answer>,
  cancel: AbortSignal,
): Promise<SharedOutcome> {
  const { value: answer, joined } = await readPath.share(credentialHash, key, execute, cancel);
  if (!joined) return { answer, joined: false };
  if (answer.shareable) return { answer: forFollower(answer, requestId), joined: true };
  return { answer: await execute(cancel), joined: false };
}

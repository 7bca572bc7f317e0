/**
 * Executing one GraphQL request over HTTP, once intake has read it: the request's context and
 * session, Apollo, and the sharing of identical queries of one credential. It answers with the
 * whole response, which intake writes and logs.
 */
import type { IncomingMessage } from 'node:http';
import type { ApolloServer, HeaderMap } from '@apollo/server';
import type { Caller, GatewayContext, RequestStats } from '../../domain/context.js';
import type { RequestContext } from './context.js';
import { queryCost, withCost } from './costExtension.js';
import { stampRequestId } from './httpErrors.js';
import type { Metrics } from '../ops/metrics.js';
import { answerOf, type Answer, type OperationSharing } from './operationSharing.js';

export interface GraphQLRequest {
  req: IncomingMessage;
  /** Who it acts as, resolved by intake. */
  caller: Caller;
  method: string;
  headers: HeaderMap;
  search: string;
  body: unknown;
  stats: RequestStats;
  /** Aborted when the client hangs up: the request's reads stop (shared ones only when nobody else waits). */
  cancel: AbortSignal;
}

export interface ExecutionOptions {
  apollo: ApolloServer<GatewayContext>;
  contextFor: (caller: Caller, stats: RequestStats, cancel: AbortSignal) => RequestContext;
  metrics: Metrics;
  /** GRAPHQL_MAX_COST, for the cost extension of answers shared with another request. */
  maxCost: number;
  /** Lets identical concurrent queries of one caller share one execution; absent when off. */
  sharing?: OperationSharing;
  /** Counts an answer served from another request's execution, as the plugin counts executed ones. */
  recordShared?: (stats: RequestStats) => void;
}

export function createGraphQLExecution(options: ExecutionOptions): (request: GraphQLRequest) => Promise<Answer> {
  const { apollo, contextFor, metrics } = options;

  return async function execute({ req, caller, method, headers, search, body, stats, cancel }) {
    const run = async (stop: AbortSignal): Promise<Answer> => {
      const request = contextFor(caller, stats, stop);
      try {
        return await answerOf(
          await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method, headers, search, body }, context: async () => request.context }),
          stats,
        );
      } finally {
        request.close();
      }
    };
    const credential = method === 'POST' ? caller.credential : null;
    let answer: Answer;
    if (credential === null || !options.sharing) answer = await run(cancel);
    else {
      const outcome = await options.sharing.run({ credentialHash: credential.hash, body, headers: req.headers, requestId: stats.requestId }, run, cancel);
      answer = outcome.answer;
      if (outcome.joined) {
        stats.operationName = answer.operationName;
        stats.operationType = answer.operationType;
        stats.errorCodes = [...answer.errorCodes];
        stats.estimatedCost = answer.estimatedCost;
        stats.sharedAnswer = true;
        options.recordShared?.(stats);
        // The follower sent no upstream call of its own: its cost says so.
        answer = { ...answer, body: withCost(answer.body, queryCost(stats, answer.admitted, options.maxCost)) };
      }
    }
    // Apollo refused the request before any plugin saw it (CSRF, batching, a bad method...).
    if (answer.status >= 400 && stats.errorCodes.length === 0) {
      const stamped = stampRequestId(answer.body, stats.requestId);
      stats.errorCodes.push(...stamped.codes);
      for (const code of stamped.codes) metrics.errors.inc({ code });
      return { ...answer, body: stamped.body };
    }
    return answer;
  };
}

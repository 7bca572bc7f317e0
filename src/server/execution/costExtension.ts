/**
 * `extensions.cost` on every answer Apollo gives (executed, or refused by parsing, validation or
 * the limits), in the shape Shopify's Admin API made familiar: what the operation was estimated
 * to cost in upstream calls, what it actually cost, and the budget. There is no bucket that refills
 * here: an operation's budget is its own estimate (server/execution/limits.ts), at most GRAPHQL_MAX_COST.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext, RequestStats } from '../../domain/context.js';

export interface QueryCost {
  /** The estimate of upstream calls the operation was admitted (or refused) with; 0 when it was never measured. */
  readonly requestedQueryCost: number;
  /** Upstream calls this request sent; reads it joined or remembered are free. */
  readonly actualQueryCost: number;
  readonly throttleStatus: {
    /** GRAPHQL_MAX_COST: the most any one operation may be estimated at. */
    readonly maximumAvailable: number;
    /** What was left of the request's budget (its estimate) when the answer was sent. */
    readonly currentlyAvailable: number;
  };
}

/** A request's cost; `admitted` is false for an operation refused before execution, which had no budget. */
export function queryCost(stats: RequestStats, admitted: boolean, maxCost: number): QueryCost {
  const requested = stats.estimatedCost ?? 0;
  const budget = admitted ? Math.min(requested, maxCost) : 0;
  return {
    requestedQueryCost: requested,
    actualQueryCost: stats.upstreamCalls,
    throttleStatus: { maximumAvailable: maxCost, currentlyAvailable: Math.max(0, budget - stats.upstreamCalls) },
  };
}

export function createCostPlugin(maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: queryCost(contextValue.stats, contextValue.stats.executed, maxCost) };
        },
      };
    },
  };
}

const COST_KEY = '"cost":';

/**
 * Apollo's `stringifyResult`: compact JSON with `extensions` last and `cost` last in it, so that an
 * answer shared with another request (server/execution/operationSharing.ts) can get that request's own cost
 * by replacing the tail, without parsing the whole answer again.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  const { extensions, ...rest } = result;
  if (!extensions) return JSON.stringify(rest);
  const { cost, ...others } = extensions;
  return JSON.stringify({ ...rest, extensions: cost === undefined ? others : { ...others, cost } });
}

/** The same answer with `cost` in place of the cost it ends with; the answer as it is when it ends with none. */
export function withCost(body: Buffer, cost: QueryCost): Buffer {
  // The cost object holds only numbers, so the last `"cost":` of an answer that ends with one is its start.
  const at = body.lastIndexOf(COST_KEY);
  if (at === -1) return body;
  const tail = body.subarray(at + COST_KEY.length).toString('utf8');
  if (!tail.endsWith('}}}') || !/^\{[^"]*("[A-Za-z]+":[^"]*)*\}\}\}$/.test(tail)) return body;
  return Buffer.concat([body.subarray(0, at + COST_KEY.length), Buffer.from(`${JSON.stringify(cost)}}}`, 'utf8')]);
}

/**
 * An Apollo plugin that fills the request's stats (operation, errors), counts operations and
 * errors in the metrics, and logs under the request id what clients are not shown: what a
 * failing upstream said, and the insides of unexpected errors. Operation names are
 * client-chosen: only well-formed ones, and at most MAX_OPERATION_NAMES of them, become label
 * values, so a client cannot blow up the metrics.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { UpstreamError } from '../../upstream/errors.js';
import type { GatewayContext } from '../../domain/context.js';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { RequestStats } from './requestStats.js';

const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function errorCodeOf(error: GraphQLError): string {
  if (error.originalError instanceof UpstreamError) return error.originalError.code;
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

export interface Observability {
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Counts a request answered with another request's response (it never reached Apollo). */
  recordShared(stats: RequestStats): void;
}

/** Logs what the client's copy of the error leaves out; nothing for errors that say it all. */
function logHidden(logger: Logger, requestId: string, error: GraphQLError): void {
  const original = unwrapResolverError(error);
  if (original instanceof UpstreamError) {
    if (original.detail === undefined) return;
    logger.warn(
      { requestId, path: error.path, code: original.code, upstreamStatus: original.status, upstreamSaid: original.detail },
      'upstream failure',
    );
    return;
  }
  if (original instanceof GraphQLError || errorCodeOf(error) !== 'INTERNAL_SERVER_ERROR') return;
  logger.error({ requestId, path: error.path, error: original instanceof Error ? original.stack : String(original) }, 'unexpected error in a resolver');
}

export function createObservability(metrics: Metrics, logger: Logger): Observability {
  const knownNames = new Set<string>();
  const labelFor = (name: string | null): string => {
    if (name === null) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(other)';
    if (knownNames.has(name)) return name;
    if (knownNames.size >= MAX_OPERATION_NAMES) return '(other)';
    knownNames.add(name);
    return name;
  };
  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart({ contextValue }) {
      const { stats } = contextValue;
      return {
        async didResolveOperation({ operationName, operation }) {
          stats.operationName = operationName ?? operation?.name?.value ?? null;
          stats.operationType = operation?.operation ?? null;
        },
        async executionDidStart() {
          stats.executed = true;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = errorCodeOf(error);
            stats.errorCodes.push(code);
            metrics.errors.inc({ code });
            logHidden(logger, stats.requestId, error);
          }
        },
        async willSendResponse({ response }) {
          // Each error names the request it belongs to, also when its cause was a shared call.
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          if (result?.errors) {
            result.errors = result.errors.map((error) => ({ ...error, extensions: { ...error.extensions, requestId: stats.requestId } }));
          }
          const outcome = !stats.executed ? 'rejected' : stats.errorCodes.length > 0 ? 'error' : 'success';
          metrics.operations.inc({ operation: labelFor(stats.operationName), type: stats.operationType ?? 'unknown', outcome });
        },
      };
    },
  };
  return {
    plugin,
    recordShared(stats) {
      metrics.operations.inc({ operation: labelFor(stats.operationName), type: stats.operationType ?? 'unknown', outcome: 'shared' });
    },
  };
}

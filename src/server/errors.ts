/**
 * The gateway's error codes and the single mapping from thrown errors to what clients see.
 * Upstream failures keep their stable code; anything unrecognised is masked.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { UpstreamError } from '../upstream/errors.js';
import type { Logger } from './logger.js';

/** Apollo's `formatError`: typed errors keep their code and message, the rest says nothing of its insides. */
export function createFormatError(logger: Logger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    if (original instanceof UpstreamError) {
      return {
        ...formatted,
        message: original.message,
        extensions: {
          code: original.code,
          ...(original.status === undefined ? {} : { upstreamStatus: original.status }),
          ...(original.upstreamType === undefined ? {} : { upstreamType: original.upstreamType }),
        },
      };
    }
    if (original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ path: formatted.path, error: original instanceof Error ? original.stack : String(original) }, 'unexpected error in a resolver');
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

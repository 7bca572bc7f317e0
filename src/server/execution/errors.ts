/**
 * The single mapping from thrown errors to what clients see (the codes are in
 * domain/errorCodes.ts). Upstream failures keep their stable code; anything unrecognised is
 * masked (and logged by the observability plugin, under its request id).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { UpstreamError } from '../../upstream/errors.js';

// graphql-js ends messages with suggestions taken from the schema ("Did you mean "case"?"):
// validation errors, and the coercion of variables, which Apollo's own option does not reach.
const SUGGESTION = / ?Did you mean .+\?$/s;

/**
 * Apollo's `formatError`: typed errors keep their code and message, the rest says nothing of its
 * insides. With `hideSuggestions` (production), no message hints at names in the schema.
 */
export function createFormatError({ hideSuggestions }: { hideSuggestions: boolean }) {
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
          ...(original.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: original.retryAfterSeconds }),
        },
      };
    }
    if (original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') {
      return hideSuggestions && SUGGESTION.test(formatted.message) ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
    }
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

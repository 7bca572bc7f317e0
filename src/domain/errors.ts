/** Errors that resolvers raise themselves, with the codes clients act on. */
import { GraphQLError } from 'graphql';
import type { ErrorCode } from './errorCodes.js';

/** An error the gateway raises itself; its code is one of ERROR_CODES, so the README lists it. */
export function gatewayError(message: string, code: ErrorCode, extensions: Readonly<Record<string, unknown>> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Bad arguments, caught before any upstream call; `argumentName` names the offending input path. */
export function badUserInput(message: string, argumentName: string): GraphQLError {
  return gatewayError(message, 'BAD_USER_INPUT', { argumentName });
}

export function notFound(message: string): GraphQLError {
  return gatewayError(message, 'NOT_FOUND');
}

/**
 * Thrown by a subscription field's `resolve` to leave one event out for this subscriber (its
 * filter does not match the record as its key reads it); the server sends nothing for it.
 */
export class EventSkipped extends Error {
  constructor() {
    super('The event does not match the subscription');
  }
}

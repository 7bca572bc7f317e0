/**
 * Admission: what an operation must pass before it runs, one set of rules for both ways in.
 * Apollo (HTTP) runs it as its parse options, validation rules and a plugin
 * (server/execution/limits.ts); graphql-ws (WebSocket) calls it from `onSubscribe`. So the same abusive
 * document gets the same code over either transport:
 *
 * 1. which document (trusted documents, server/execution/trustedDocuments.ts), and its text's nesting;
 * 2. parsing, stopped past GRAPHQL_MAX_TOKENS (`GRAPHQL_PARSE_FAILED`);
 * 3. validation, with introspection refused when GRAPHQL_INTROSPECTION is off
 *    (`GRAPHQL_VALIDATION_FAILED`, naming the setting);
 * 4. the operation to run (`OPERATION_RESOLUTION_FAILURE`), its variables coerced against their
 *    definitions (`BAD_USER_INPUT`: a missing or mistyped variable is the client's error, never a
 *    server error), then the limits measured with the coerced values (`QUERY_TOO_DEEP`,
 *    `TOO_MANY_ALIASES`, `QUERY_TOO_COSTLY`).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { GatewayContext } from '../../domain/context.js';
import type { ErrorCode } from '../../domain/errorCodes.js';
import { gatewayError } from '../../domain/errors.js';
import { checkLimits, type QueryLimits } from './limits.js';
import { HttpError } from './httpErrors.js';
import { nestsDeeperThan } from './nesting.js';
import { resolveDocument, type DocumentPolicy } from './trustedDocuments.js';

export interface AdmissionOptions {
  schema: GraphQLSchema;
  limits: QueryLimits;
  /** GRAPHQL_INTROSPECTION. */
  introspection: boolean;
  documents: DocumentPolicy;
}

/** An operation admitted to run. */
export interface Admitted {
  readonly operation: OperationDefinitionNode;
  /** Its variables, coerced: what execution sees. */
  readonly variables: Record<string, unknown>;
  /** Its estimate of upstream calls: the budget it runs with. */
  readonly cost: number;
}

/** An operation refused, with its estimate when the limits measured it (for `extensions.cost`). */
export interface Refused {
  readonly refused: readonly GraphQLError[];
  readonly cost: number | null;
}

/** What a WebSocket client sends to subscribe (graphql-ws's payload). */
export interface OperationText {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Readonly<Record<string, unknown>> | null;
  readonly extensions?: Readonly<Record<string, unknown>> | null;
}

export interface Admission {
  /** graphql-js's parse options: the token limit. */
  readonly parseOptions: { maxTokens: number };
  /** Rules to validate with besides graphql-js's own. */
  readonly extraRules: readonly ValidationRule[];
  /** Steps 1 to 3, for a transport that parses itself (WebSocket). */
  document(text: OperationText): DocumentNode | GraphQLError[];
  /** Step 4, for both. */
  operation(document: DocumentNode, operationName: string | null | undefined, rawVariables: unknown): Admitted | Refused;
}

/** An error of admission: 400 over HTTP, a subscription's error over WebSocket. */
export const refusal = (message: string, code: ErrorCode): GraphQLError => gatewayError(message, code, { http: { status: 400 } });

/** Refuses `__schema` and `__type` with a message that names the setting, as graphql-js's own rule does not. */
function introspectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node: FieldNode) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          new GraphQLError(`Introspection is off on this gateway (GRAPHQL_INTROSPECTION=false): "${node.name.value}" cannot be queried. Get the schema from its operators, or turn it on.`, {
            nodes: node,
          }),
        );
      }
    },
  };
}

/** Variables nested past the limit (or past what JSON.stringify can walk): the HTTP intake's rule. */
function variablesTooDeep(variables: unknown, limit: number): boolean {
  if (variables === undefined || variables === null) return false;
  try {
    return nestsDeeperThan(JSON.stringify(variables), limit, 'json');
  } catch {
    return true;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createAdmission(options: AdmissionOptions): Admission {
  const { schema, limits } = options;
  const extraRules = options.introspection ? [] : [introspectionRule];
  const rules = [...specifiedRules, ...extraRules];

  return {
    parseOptions: { maxTokens: limits.maxTokens },
    extraRules,
    document(text) {
      let query = text.query;
      try {
        const resolved = resolveDocument({ method: 'POST', search: '', body: { ...text } }, options.documents).body as { query?: unknown };
        if (typeof resolved.query === 'string') query = resolved.query;
      } catch (error) {
        if (error instanceof HttpError) return [refusal(error.message, error.code)];
        throw error;
      }
      if (nestsDeeperThan(query, limits.maxNesting, 'graphql')) return [refusal(`The operation's text is nested deeper than ${limits.maxNesting} levels`, 'QUERY_TOO_DEEP')];
      if (variablesTooDeep(text.variables, limits.maxNesting)) return [refusal(`The variables are nested deeper than ${limits.maxNesting} levels`, 'BAD_REQUEST')];
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: limits.maxTokens });
      } catch (error) {
        return [refusal(error instanceof GraphQLError ? error.message : 'Syntax error', 'GRAPHQL_PARSE_FAILED')];
      }
      const invalid = validate(schema, document, rules);
      return invalid.length > 0 ? invalid.map((error) => refusal(error.message, 'GRAPHQL_VALIDATION_FAILED')) : document;
    },
    operation(document, operationName, rawVariables) {
      const operation = getOperationAST(document, operationName);
      const refuse = (refused: GraphQLError[], cost: number | null = null): Refused => ({ refused, cost });
      if (!operation) return refuse([refusal(operationName ? `No operation named "${operationName}" in the document` : 'Name the operation to run (operationName)', 'OPERATION_RESOLUTION_FAILURE')]);
      if (rawVariables !== undefined && rawVariables !== null && !isPlainObject(rawVariables)) return refuse([refusal('The variables must be a JSON object', 'BAD_USER_INPUT')]);
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 10 });
      if (coerced.errors) return refuse(coerced.errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } })));
      let measured: ReturnType<typeof checkLimits>;
      try {
        measured = checkLimits(schema, document, operation, coerced.coerced, limits);
      } catch (error) {
        // Validation lets a nullable variable with a default reach a non-null argument; sent as an
        // explicit null, the argument cannot be read: the client's input, not the server's fault.
        if (!(error instanceof GraphQLError)) throw error;
        return refuse([refusal(error.message, 'BAD_USER_INPUT')]);
      }
      const { refusal: refused, cost } = measured;
      return refused ? refuse([refused], cost) : { operation, variables: coerced.coerced, cost };
    },
  };
}

/**
 * Step 4 in Apollo's pipeline, once it has parsed and validated with the admission's options:
 * what may run gets its estimate as its budget of upstream calls.
 */
export function createAdmissionPlugin(admission: Admission): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          const admitted = admission.operation(document, request.operationName, request.variables);
          if ('refused' in admitted) {
            contextValue.stats.estimatedCost = admitted.cost;
            // Apollo answers one error thrown here; the first is the one to fix first.
            throw admitted.refused[0];
          }
          contextValue.stats.estimatedCost = admitted.cost;
          contextValue.upstream.admit(admitted.cost);
        },
      };
    },
  };
}

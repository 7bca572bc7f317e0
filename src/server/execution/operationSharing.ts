/**
 * Identical GraphQL queries of one caller that arrive while the first is still running share its
 * answer, the whole HTTP response, instead of each executing it again. "Identical" is decided on
 * the parsed operation, not the request's bytes: the document as graphql-js prints it (so spacing,
 * comments and the order of the body's JSON fields do not matter), the operation's name, its
 * variables coerced against their definitions (in a canonical order), the caller's credential
 * hash and what the client accepts.
 *
 * It keeps the rules of reads (src/upstream/readPath.ts): entries only while in flight, nothing
 * shared while a write of the caller is in flight, and nothing shared across one (the read path's
 * write epoch is part of the key; a write through another replica is this replica's news only
 * once its invalidation arrives, as for the record cache). A mutation's answer is never shared: every follower then
 * executes its own request. An answer with errors is shared with each error's `requestId`
 * rewritten to the follower's own.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { HTTPGraphQLResponse } from '@apollo/server';
import { getOperationAST, getVariableValues, Kind, parse, print, type GraphQLSchema, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { createInFlight, type InFlight } from '../../upstream/inFlight.js';
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
    errorCodes: [...stats.errorCodes],
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

export interface SharedOutcome {
  answer: Answer;
  /** True when the answer came from another request's execution. */
  joined: boolean;
}

export interface OperationSharingOptions {
  schema: GraphQLSchema;
  /** The token limit: a document past it is not parsed here either. */
  maxTokens: number;
  /** Whether a write of a credential is in flight, and its epoch (the read path's `writes`). */
  writes(credentialHash: string): { writing: boolean; epoch: number };
}

export interface OperationSharing {
  /**
   * Runs `execute` for a POSTed operation, or joins the identical one of `credentialHash` in
   * flight. `execute(cancel)`'s signal fires only when every request waiting on it has gone.
   */
  run(request: { credentialHash: string; body: unknown; headers: IncomingHttpHeaders; requestId: string }, execute: (cancel: AbortSignal) => Promise<Answer>, cancel: AbortSignal): Promise<SharedOutcome>;
}

/**
 * Documents seen lately, by the digest of their text: printed once, and their operations. Only
 * what a key needs is kept, never the parsed document (a string literal is one token however long),
 * and only for texts an application sends again; a longer one is parsed each time.
 */
const MAX_DOCUMENTS = 500;
const MAX_KEPT_TEXT = 16 * 1024;

interface KnownOperation {
  type: OperationDefinitionNode['operation'];
  name: string;
  variables: readonly VariableDefinitionNode[];
}

interface KnownDocument {
  printed: string;
  operation(name: string | undefined): KnownOperation | null;
}

/** JSON with object keys in order, so that the same values always read the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function createOperationSharing(options: OperationSharingOptions): OperationSharing {
  const byCaller = new Map<string, InFlight>();
  const documents = new Map<string, KnownDocument | null>();

  /** The document of `text`, parsed and printed once while it is seen often; null when it does not parse. */
  function documentOf(text: string): KnownDocument | null {
    const digest = createHash('sha256').update(text).digest('base64url');
    if (documents.has(digest)) {
      const known = documents.get(digest)!;
      documents.delete(digest);
      documents.set(digest, known);
      return known;
    }
    let known: KnownDocument | null;
    try {
      const document = parse(text, { maxTokens: options.maxTokens, noLocation: true });
      const operations = new Map<string | undefined, KnownOperation | null>();
      const summary = (name: string | undefined): KnownOperation | null => {
        const operation = getOperationAST(document, name);
        return operation ? { type: operation.operation, name: operation.name?.value ?? '', variables: operation.variableDefinitions ?? [] } : null;
      };
      // Without a name, the one operation; with one, the operation of that name (nothing else is kept).
      operations.set(undefined, summary(undefined));
      for (const definition of document.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) operations.set(definition.name.value, summary(definition.name.value));
      }
      known = { printed: createHash('sha256').update(print(document)).digest('base64url'), operation: (name) => operations.get(name) ?? null };
    } catch {
      known = null;
    }
    if (text.length > MAX_KEPT_TEXT) return known;
    documents.set(digest, known);
    if (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value as string);
    return known;
  }

  /** What makes two requests of one caller the same operation; null when this one cannot be shared. */
  function keyOf(body: unknown, headers: IncomingHttpHeaders): string | null {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    const { query, operationName, variables } = body as Record<string, unknown>;
    if (typeof query !== 'string' || (operationName !== undefined && operationName !== null && typeof operationName !== 'string')) return null;
    // Variables that are no object, and a persisted query's hash (to check, and to register), are
    // left for Apollo to judge on each request. Other extensions (Apollo Client's clientLibrary)
    // change nothing in the answer.
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
    const { extensions } = body as Record<string, unknown>;
    if (typeof extensions === 'object' && extensions !== null && 'persistedQuery' in extensions) return null;
    const known = documentOf(query);
    const operation = known?.operation(operationName ?? undefined);
    if (!known || !operation || operation.type !== 'query') return null;
    // One error is enough to say "not shared": never more work than that on a hostile list.
    const coerced = getVariableValues(options.schema, operation.variables, (variables ?? {}) as Record<string, unknown>, { maxErrors: 1 });
    if (coerced.errors) return null;
    return `${known.printed} ${operation.name} ${canonical(coerced.coerced)} ${headers.accept ?? ''}`;
  }

  return {
    async run({ credentialHash, body, headers, requestId }, execute, cancel) {
      const key = keyOf(body, headers);
      const writes = options.writes(credentialHash);
      if (key === null || writes.writing) return { answer: await execute(cancel), joined: false };
      let inFlight = byCaller.get(credentialHash);
      if (!inFlight) {
        const fresh = createInFlight(() => {
          if (fresh.size === 0 && byCaller.get(credentialHash) === fresh) byCaller.delete(credentialHash);
        });
        byCaller.set(credentialHash, (inFlight = fresh));
      }
      const { value: answer, started } = await inFlight.join(`${writes.epoch} ${key}`, execute, cancel);
      if (started) return { answer, joined: false };
      if (answer.shareable) return { answer: forFollower(answer, requestId), joined: true };
      return { answer: await execute(cancel), joined: false };
    },
  };
}

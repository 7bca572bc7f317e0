/**
 * What a GraphQL request brings, read and bounded before Apollo parses or validates anything:
 * the body within its byte limit, JSON that is not nested past the limit (variables included),
 * and documents whose brackets are not nested past it either, so nothing recursive downstream
 * (graphql-js's parser, coercion, JSON.stringify) can overflow its stack on a hostile request.
 */
import type { IncomingMessage } from 'node:http';
import { readBody } from './bodyReader.js';
import { HttpError } from '../execution/httpErrors.js';
import { nestsDeeperThan } from '../execution/nesting.js';

export interface IntakeLimits {
  maxBodyBytes: number;
  /** The deepest `{`/`[`/`(` nesting of the JSON body, the variables and the document text. */
  maxNesting: number;
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.endsWith('+json') ?? false);
}

function tooDeepJson(limits: IntakeLimits): HttpError {
  return new HttpError(400, 'BAD_REQUEST', `The request is nested deeper than ${limits.maxNesting} levels`);
}

function checkDocument(query: unknown, limits: IntakeLimits): void {
  if (typeof query === 'string' && nestsDeeperThan(query, limits.maxNesting, 'graphql')) {
    throw new HttpError(400, 'QUERY_TOO_DEEP', `The operation's text is nested deeper than ${limits.maxNesting} levels`);
  }
}

function checkOperation(operation: unknown, limits: IntakeLimits): void {
  if (typeof operation === 'object' && operation !== null && 'query' in operation) checkDocument(operation.query, limits);
}

/** A GET's operation is in the query string: its JSON parameters and document get the same bounds. */
function checkSearch(search: string, limits: IntakeLimits): void {
  if (search === '') return;
  const params = new URLSearchParams(search);
  for (const name of ['variables', 'extensions']) {
    const value = params.get(name);
    if (value !== null && nestsDeeperThan(value, limits.maxNesting, 'json')) throw tooDeepJson(limits);
  }
  checkDocument(params.get('query'), limits);
}

/** The request body as Apollo takes it (parsed JSON, or the raw text of another content type), checked. */
export async function readGraphQLBody(req: IncomingMessage, search: string, limits: IntakeLimits): Promise<unknown> {
  checkSearch(search, limits);
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req, limits.maxBodyBytes);
  if (!isJson(req.headers['content-type'])) return text;
  if (nestsDeeperThan(text, limits.maxNesting, 'json')) throw tooDeepJson(limits);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON');
  }
  if (Array.isArray(body)) for (const operation of body) checkOperation(operation, limits);
  else checkOperation(body, limits);
  return body;
}

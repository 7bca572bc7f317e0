/**
 * Which document a request runs, decided from its body (or query string) before anything is
 * parsed: a `documentId` (GraphQL over HTTP's persisted documents) or an Apollo persisted query
 * hash (`extensions.persistedQuery.sha256Hash`) found in the manifest of trusted documents
 * becomes that document's text; with ALLOW_ARBITRARY_OPERATIONS=false, a document that is not in
 * the manifest is refused here. Hashes the manifest does not hold go on to Apollo's automatic
 * persisted queries (server/execution/persistedQueries.ts) while arbitrary operations are allowed.
 */
import type { ErrorCode } from '../../domain/errorCodes.js';
import { isDocumentId, type DocumentManifest } from './documentManifest.js';
import { HttpError } from './httpErrors.js';

export interface DocumentPolicy {
  /** The trusted documents (PERSISTED_DOCUMENTS); null when none are configured. */
  manifest: DocumentManifest | null;
  /** False: only the manifest's documents run (ALLOW_ARBITRARY_OPERATIONS=false). */
  allowArbitrary: boolean;
}

/** A GraphQL request as intake read it: a GET's query string, a POST's parsed body. */
export interface IncomingOperation {
  method: string;
  search: string;
  body: unknown;
}

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

const refused = (status: number, code: ErrorCode, message: string): HttpError => new HttpError(status, code, message);

const notInList = (): HttpError =>
  refused(403, 'PERSISTED_QUERY_NOT_IN_LIST', 'This gateway runs only the operations of its trusted documents: send a documentId or persisted query hash from its manifest');

interface Fields {
  query: unknown;
  documentId: unknown;
  extensions: Record<string, unknown> | undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldsOf({ method, search, body }: IncomingOperation): Fields | null {
  if (method === 'GET') {
    const params = new URLSearchParams(search);
    let extensions: unknown;
    const rawExtensions = params.get('extensions');
    if (rawExtensions !== null) {
      try {
        extensions = JSON.parse(rawExtensions);
      } catch {
        // Apollo answers a query string it cannot read with its own 400.
        extensions = undefined;
      }
    }
    return { query: params.get('query') ?? undefined, documentId: params.get('documentId') ?? undefined, extensions: isPlainObject(extensions) ? extensions : undefined };
  }
  // Batches and bodies that are no JSON object are Apollo's to refuse.
  if (!isPlainObject(body)) return null;
  return { query: body.query ?? undefined, documentId: body.documentId ?? undefined, extensions: isPlainObject(body.extensions) ? body.extensions : undefined };
}

/** The request with `text` as its document, and neither a documentId nor a persisted query hash left. */
function withDocument(operation: IncomingOperation, text: string): IncomingOperation {
  if (operation.method === 'GET') {
    const params = new URLSearchParams(operation.search);
    params.delete('documentId');
    params.set('query', text);
    const extensions = fieldsOf(operation)?.extensions;
    if (extensions) {
      const { persistedQuery: _hash, ...rest } = extensions;
      if (Object.keys(rest).length > 0) params.set('extensions', JSON.stringify(rest));
      else params.delete('extensions');
    }
    return { ...operation, search: `?${params.toString()}` };
  }
  const { documentId: _id, extensions, ...body } = operation.body as Record<string, unknown>;
  const rest = isPlainObject(extensions) ? Object.fromEntries(Object.entries(extensions).filter(([name]) => name !== 'persistedQuery')) : undefined;
  return { ...operation, body: { ...body, query: text, ...(rest && Object.keys(rest).length > 0 ? { extensions: rest } : {}) } };
}

/** Resolves a request's document; throws the refusal as an HttpError. */
export function resolveDocument(operation: IncomingOperation, policy: DocumentPolicy): IncomingOperation {
  const fields = fieldsOf(operation);
  if (!fields) return operation;
  const { manifest, allowArbitrary } = policy;
  const hasQuery = fields.query !== undefined && fields.query !== null;

  if (fields.documentId !== undefined && fields.documentId !== null) {
    if (typeof fields.documentId !== 'string' || !isDocumentId(fields.documentId)) {
      throw refused(400, 'BAD_REQUEST', 'documentId must be a document identifier: sha256:<64 hex digits>, or at most 256 letters, digits and -._~');
    }
    if (hasQuery) throw refused(400, 'BAD_REQUEST', 'Send either a query or a documentId, not both');
    if (!manifest) throw refused(400, 'PERSISTED_QUERY_NOT_SUPPORTED', 'This gateway has no trusted documents (PERSISTED_DOCUMENTS): send the whole document as query');
    const text = manifest.byDocumentId(fields.documentId);
    if (text === undefined) throw refused(400, 'PERSISTED_QUERY_NOT_FOUND', 'No trusted document has this documentId');
    return withDocument(operation, text);
  }

  const persisted = fields.extensions?.persistedQuery;
  if (persisted !== undefined) {
    const hash = isPlainObject(persisted) ? persisted.sha256Hash : undefined;
    if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
      throw refused(400, 'BAD_REQUEST', 'extensions.persistedQuery.sha256Hash must be the SHA-256 of the document, as 64 hex digits');
    }
    if (hasQuery) {
      // A registration (automatic persisted queries): Apollo checks the hash against the text.
      if (allowArbitrary) return operation;
      if (typeof fields.query === 'string' && manifest?.holds(fields.query)) return withDocument(operation, fields.query);
      throw notInList();
    }
    const text = manifest?.bySha256(hash.toLowerCase());
    if (text !== undefined) return withDocument(operation, text);
    if (allowArbitrary) return operation;
    throw refused(400, 'PERSISTED_QUERY_NOT_FOUND', 'No trusted document has this hash');
  }

  if (allowArbitrary || (typeof fields.query === 'string' && manifest?.holds(fields.query))) return operation;
  throw notInList();
}

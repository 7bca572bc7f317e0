/**
 * The manifest of trusted documents (PERSISTED_DOCUMENTS): the operations a first-party app ships,
 * by id. Two formats are read, the ones client tool chains write: Apollo's persisted query list
 * (`@apollo/generate-persisted-query-manifest`) and a plain `{ "<id>": "<document>" }` object
 * (GraphQL Codegen's client preset, GraphQL Mesh, Hive). The file is the operator's, but it is
 * checked like any input: a manifest that is not one, or holds a document that would not run on
 * this schema or within the limits, stops the start-up with the entry at fault named.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ConfigError } from '../../config.js';
import { nestsDeeperThan } from './nesting.js';

/** A trusted document's text, looked up by the ids clients send. */
export interface DocumentManifest {
  /** By `documentId` as the manifest names it, and as `sha256:<hex>` of its text. */
  byDocumentId(id: string): string | undefined;
  /** By the SHA-256 of its text, as Apollo Client's persisted query link sends it. */
  bySha256(hash: string): string | undefined;
  /** Whether a document sent as text is exactly one of the manifest's. */
  holds(text: string): boolean;
  readonly size: number;
}

const APOLLO_FORMAT = 'apollo-persisted-query-manifest';
/** The GraphQL-over-HTTP spec's document identifiers: custom, `sha256:<hex>`, or `x-...:...`. */
const DOCUMENT_ID = /^(?:[A-Za-z0-9._~-]+|sha256:[0-9a-f]+|x-[A-Za-z0-9._~-]+:[A-Za-z0-9._~-]+)$/;
export const MAX_DOCUMENT_ID_LENGTH = 256;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function isDocumentId(id: string): boolean {
  return id.length <= MAX_DOCUMENT_ID_LENGTH && DOCUMENT_ID.test(id);
}

export interface ManifestChecks {
  schema: GraphQLSchema;
  maxTokens: number;
  maxNesting: number;
}

/** The entries of either format, as [id, text] pairs; anything else is refused. */
function entriesOf(json: unknown): Array<[string, unknown]> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ConfigError('PERSISTED_DOCUMENTS: the manifest is not a JSON object');
  const manifest = json as Record<string, unknown>;
  if ('format' in manifest) {
    if (manifest.format !== APOLLO_FORMAT || manifest.version !== 1) {
      throw new ConfigError(`PERSISTED_DOCUMENTS: unknown manifest format; expected "${APOLLO_FORMAT}" version 1, or an object of id to document`);
    }
    if (!Array.isArray(manifest.operations)) throw new ConfigError('PERSISTED_DOCUMENTS: "operations" is not a list');
    return manifest.operations.map((operation: unknown, index) => {
      if (typeof operation !== 'object' || operation === null) throw new ConfigError(`PERSISTED_DOCUMENTS: operation ${index} is not an object`);
      const { id, body } = operation as Record<string, unknown>;
      if (typeof id !== 'string') throw new ConfigError(`PERSISTED_DOCUMENTS: operation ${index} has no string "id"`);
      return [id, body];
    });
  }
  return Object.entries(manifest);
}

function checkedDocument(id: string, text: unknown, checks: ManifestChecks): void {
  const at = `PERSISTED_DOCUMENTS: document "${id.slice(0, 80)}"`;
  if (!isDocumentId(id)) throw new ConfigError(`${at}: ids are at most ${MAX_DOCUMENT_ID_LENGTH} letters, digits and -._~, or sha256:<hex>`);
  if (typeof text !== 'string' || text.trim() === '') throw new ConfigError(`${at} is not a GraphQL document`);
  if (nestsDeeperThan(text, checks.maxNesting, 'graphql')) throw new ConfigError(`${at} is nested deeper than GRAPHQL_MAX_NESTING`);
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: checks.maxTokens, noLocation: true });
  } catch (error) {
    throw new ConfigError(`${at} does not parse: ${(error as Error).message}`);
  }
  const errors = validate(checks.schema, document);
  if (errors.length > 0) throw new ConfigError(`${at} does not fit the schema: ${errors[0]!.message}`);
}

/** Reads and checks the manifest text; `source` names it in errors. */
export function parseManifest(text: string, checks: ManifestChecks): DocumentManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError('PERSISTED_DOCUMENTS: the manifest is not valid JSON');
  }
  const byId = new Map<string, string>();
  const byHash = new Map<string, string>();
  for (const [id, body] of entriesOf(json)) {
    checkedDocument(id, body, checks);
    const document = body as string;
    const known = byId.get(id);
    if (known !== undefined && known !== document) throw new ConfigError(`PERSISTED_DOCUMENTS: id "${id}" names two different documents`);
    byId.set(id, document);
    byHash.set(sha256(document), document);
  }
  if (byId.size === 0) throw new ConfigError('PERSISTED_DOCUMENTS: the manifest holds no document');
  const texts = new Set(byHash.values());
  return {
    byDocumentId: (id) => byId.get(id) ?? (id.startsWith('sha256:') ? byHash.get(id.slice('sha256:'.length)) : undefined),
    bySha256: (hash) => byHash.get(hash),
    holds: (text) => texts.has(text),
    size: texts.size,
  };
}

export function loadManifest(path: string, checks: ManifestChecks): DocumentManifest {
  let text: string;
  try {
    const buffer = readFileSync(path);
    if (buffer.length > MAX_MANIFEST_BYTES) throw new ConfigError(`PERSISTED_DOCUMENTS: the manifest is larger than ${MAX_MANIFEST_BYTES} bytes`);
    text = buffer.toString('utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`PERSISTED_DOCUMENTS: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseManifest(text, checks);
}

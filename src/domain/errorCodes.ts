/**
 * Every `extensions.code` the gateway answers with, each with the one line that tells a client
 * what it means and what it can do. README's error table lists exactly these (a test checks).
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'Invalid arguments (caught before any upstream call, with `argumentName`), or the upstream refused the input (HTTP 4xx).',
  UNAUTHENTICATED: 'No key, an `Authorization` header other than `Bearer <key>` (never forwarded), or the upstream rejected the key (401; the gateway then refuses it for a few seconds without calling).',
  FORBIDDEN: 'The key lacks the permission (403).',
  NOT_FOUND: 'No such case, message, contact, note, department, snooze or agent (404, or `ERROR_RECORD_NOT_FOUND`).',
  CONFLICT: 'The upstream already has such a record, e.g. reopening a thread that is still open.',
  UPSTREAM_ERROR: 'Acquire failed (5xx), sent something unreadable (a malformed id included: it is never put into a path), or could not be reached; the message is generic, the details are logged under the request id.',
  UPSTREAM_TIMEOUT: 'Acquire did not answer within `ACQUIRE_TIMEOUT_MS`.',
  UPSTREAM_UNAVAILABLE: 'Acquire kept failing for this key on this endpoint; the gateway holds such calls back for a few seconds (circuit breaker).',
  RATE_LIMITED: 'Acquire asked this key to slow down (429); retry after `retryAfterSeconds` (the gateway holds the key\'s calls to that endpoint until then).',
  BUDGET_EXCEEDED: 'The request used up its budget of upstream calls, which is the cost estimate it was admitted with (see `GRAPHQL_MAX_COST`); the field is null and was not read. Ask for fewer items or fewer nested relations.',
  QUERY_TOO_DEEP: 'The operation is nested deeper than `GRAPHQL_MAX_DEPTH` fields, or its text deeper than `GRAPHQL_MAX_NESTING` brackets; refused before any upstream call (HTTP 400).',
  QUERY_TOO_COSTLY: 'The operation could cost more upstream calls than `GRAPHQL_MAX_COST`; refused before any upstream call (HTTP 400).',
  TOO_MANY_ALIASES: 'The operation has more aliases than `GRAPHQL_MAX_ALIASES`; refused before any upstream call (HTTP 400).',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request the gateway takes: not JSON, nested deeper than `GRAPHQL_MAX_NESTING` (variables included), batched, or blocked as a possible CSRF (HTTP 400).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than `GRAPHQL_MAX_BODY_BYTES`, declared or sent in chunks (HTTP 413; the connection is closed).',
  ORIGIN_NOT_ALLOWED: 'A browser request from an origin that `CORS_ORIGINS` does not list; refused before any upstream call, and the server key is never used for it (HTTP 403).',
  GRAPHQL_PARSE_FAILED: 'The operation is not valid GraphQL syntax, or has more than `GRAPHQL_MAX_TOKENS` tokens.',
  GRAPHQL_VALIDATION_FAILED: 'The operation does not fit the schema (in production without suggestions), or asks for introspection while it is off.',
  OPERATION_RESOLUTION_FAILURE: '`operationName` names no operation of the document, or the document has several and none is named.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'A hash or `documentId` came, and the gateway does not take them: automatic persisted queries are off (`GRAPHQL_APQ=false`), or it has no `PERSISTED_DOCUMENTS` for a `documentId`; send the whole document (HTTP 400).',
  PERSISTED_QUERY_NOT_FOUND: 'The `documentId` or `extensions.persistedQuery.sha256Hash` names no trusted document, nor (while arbitrary operations are allowed) a document registered by automatic persisted queries: Apollo Client then sends the document with its hash. HTTP 400 for a `documentId` or with `ALLOW_ARBITRARY_OPERATIONS=false`.',
  PERSISTED_QUERY_NOT_IN_LIST: 'With `ALLOW_ARBITRARY_OPERATIONS=false`, the document is not in the manifest of trusted documents; refused before it is parsed (HTTP 403).',
  TOO_MANY_SUBSCRIPTIONS: 'A WebSocket connection asked for more subscriptions at once than `LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION`; the others go on.',
  TOO_MANY_CONNECTIONS: 'A key opened more subscription connections than `LIVE_MAX_CONNECTIONS_PER_KEY`: the new one is closed with code 4429 and this code in its reason.',
  WEBHOOKS_NOT_CONFIGURED: '`POST /webhooks/acquire` while the gateway has no `ACQUIRE_WEBHOOK_SECRET` (HTTP 503).',
  CANCELLED: 'Never sent to a client: its request was abandoned because the client went away (seen in logs and metrics).',
  INTERNAL_SERVER_ERROR: 'A bug in the gateway; the message is masked and the details logged under the request id.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

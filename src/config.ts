/** Environment variables -> one validated configuration. Bad values stop the start-up with a clear message. */
import { credentialFrom } from './upstream/credentials.js';

import type { UpstreamDialect } from './domain/context.js';

export interface UpstreamConfig {
  /** The API base URL, e.g. https://myaccount.acquire.io/api/v1 */
  baseUrl: string;
  /** The server-side key, used when a request brings no Authorization header. */
  apiKey: string | undefined;
}

/** Node's time-outs for a client's request (the headers, the whole request, an idle kept-alive connection). */
export interface HttpTimeouts {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

/** Live events: subscriptions, Acquire's webhooks, watched cases, replicas. */
export interface LiveConfig {
  /** The secret of the outbound webhook configured in Acquire; null turns POST /webhooks/acquire off. */
  webhookSecret: string | null;
  webhookMaxBodyBytes: number;
  /** The same webhook body again within this window is acknowledged and ignored. */
  webhookReplayWindowMs: number;
  /** Redis shared by the replicas; null keeps live events within this process. */
  redisUrl: string | null;
  /** How often a busy watched case is polled (changed lately, newly watched, written to)... */
  pollIntervalMs: number;
  /** ...and at most, once quiet polls have doubled the interval. */
  pollMaxIntervalMs: number;
  /** How long after its last change a watched case counts as busy. */
  pollBusyMs: number;
  /** The most upstream reads the polls of one watched case may make a minute. */
  pollMaxReadsPerMinute: number;
  /** How long the event log keeps events for subscribers that resume after an id. */
  resumeWindowMs: number;
  /** The most events the log keeps, whatever their age. */
  logMaxEvents: number;
  /** Events held for one subscriber that takes them slowly; past it they give way to a RESYNC. */
  maxQueuedEvents: number;
  /** /readyz is 503 while the Redis backplane is unreachable. */
  readyRequiresBackplane: boolean;
  maxSubscriptionsPerConnection: number;
  maxConnectionsPerKey: number;
  /** Messages a second one connection may send (a burst of twice as many) before it is closed. */
  maxMessagesPerSecond: number;
  /** Bytes waiting to be sent to one connection's client before it is cut off as not reading. */
  maxBufferedBytes: number;
  /** Demo mode: the emulator sends webhooks and acts like a busy account. */
  demoActivity: boolean;
}

/** Which documents a request may run, and how clients may name them instead of sending them. */
export interface DocumentsConfig {
  /** The manifest of trusted documents (PERSISTED_DOCUMENTS); null when none is configured. */
  manifestPath: string | null;
  /** False: only the manifest's documents run (ALLOW_ARBITRARY_OPERATIONS=false). */
  allowArbitrary: boolean;
  /** Automatic persisted queries: a client registers a document's hash, then sends the hash alone. */
  apq: boolean;
  /** How long a registered hash is kept after its registration. */
  apqTtlSeconds: number;
  /** The most bytes of documents the APQ cache holds, in this process or in Redis; the oldest go first. */
  apqMaxBytes: number;
}

/** The record cache (src/upstream/recordCache.ts): what it may hold, and for how long at most. */
export interface RecordCacheConfig {
  /** RECORD_CACHE=off keeps nothing beyond a request. */
  enabled: boolean;
  /** Caps every type's `@cacheControl(maxAge:)`, for the cache and the Cache-Control header; null: the SDL's own. */
  maxAgeCapS: number | null;
  maxEntries: number;
  maxBytes: number;
}

export interface Config {
  port: number;
  /** The bind address; null for every interface. Loopback by default in demo mode, where a public demo key is in use. */
  host: string | null;
  /**
   * Origins whose web pages may call from a browser (CORS_ORIGINS); `self` stands for the
   * gateway's own. None in production by default; in development the gateway's own (its
   * landing page's embedded Sandbox sends requests from there) and Apollo Studio's Sandbox.
   */
  corsOrigins: string[];
  /** /metrics on a port of its own, off the public one; null keeps it on `port`. */
  metricsPort: number | null;
  http: HttpTimeouts;
  /** Null when no upstream is configured: the gateway then runs on the built-in emulator. */
  upstream: UpstreamConfig | null;
  /** Bounds one upstream call, retries included. */
  timeoutMs: number;
  /**
   * Upstream calls one GraphQL request may have in flight at once. The default, 40, lets the
   * contact reads and thread reads of a default page of 20 cases go out in one wave.
   */
  maxConcurrentUpstreamCalls: number;
  production: boolean;
  /** Schema introspection; default on unless in production. */
  introspection: boolean;
  /** The Apollo Sandbox landing page at GET /graphql; default on unless in production. */
  sandbox: boolean;
  /** GraphiQL at GET /graphiql, served by the gateway itself; default on unless in production, and in demo mode. */
  graphiql: boolean;
  /** Serve /graphql as a Federation 2 subgraph (GRAPHQL_SUBGRAPH): entity keys and `_entities`, no subscriptions over HTTP. */
  subgraph: boolean;
  maxBodyBytes: number;
  /**
   * What one operation may ask: field depth, cost (the estimate of its upstream calls), aliases;
   * and, checked before a document is parsed, its tokens and the bracket nesting of the request
   * (JSON body, variables, document text).
   */
  limits: { maxDepth: number; maxCost: number; maxAliases: number; maxTokens: number; maxNesting: number };
  /** How long a SIGTERM lets in-flight requests finish. */
  shutdownGraceMs: number;
  log: { level: string; pretty: boolean };
  /** Share identical upstream reads of concurrent requests with the same key. */
  coalesceReads: boolean;
  /** Let identical concurrent queries with the same key share one execution (needs coalesceReads). */
  shareOperations: boolean;
  /** OTLP/HTTP traces URL (OTEL_EXPORTER_OTLP_ENDPOINT or ..._TRACES_ENDPOINT); tracing is off without one. */
  otlpTracesUrl: string | null;
  live: LiveConfig;
  recordCache: RecordCacheConfig;
  /** How the account's API reads where the docs allow two readings (`npm run doctor` tells which). */
  dialect: UpstreamDialect;
  documents: DocumentsConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${env[name]}"`);
  return raw as T;
}

/** The OTLP/HTTP traces URL: the traces endpoint as given, or `/v1/traces` on the base endpoint (as the OTel spec says). */
function otlpEndpointFrom(env: Env): string | null {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const raw = traces || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : '');
  if (!raw) return null;
  try {
    return new URL(raw).href;
  } catch {
    throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT is not a URL: "${traces || base}"`);
  }
}

function upstreamFrom(env: Env): UpstreamConfig | null {
  const baseUrl = env.ACQUIRE_BASE_URL?.trim();
  const accountId = env.ACQUIRE_ACCOUNT_ID?.trim();
  const apiKey = env.ACQUIRE_API_KEY?.trim() || undefined;
  if (apiKey !== undefined && credentialFrom(`Bearer ${apiKey}`) === null) {
    throw new ConfigError('ACQUIRE_API_KEY must be the key alone: at most 512 letters, digits and -._~+/ (then = for padding)');
  }
  if (baseUrl) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new ConfigError(`ACQUIRE_BASE_URL is not a URL: "${baseUrl}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConfigError('ACQUIRE_BASE_URL must be an http(s) URL');
    }
    if (url.username || url.password) throw new ConfigError('ACQUIRE_BASE_URL must not carry credentials; use ACQUIRE_API_KEY');
    return { baseUrl: url.href.replace(/\/+$/, ''), apiKey };
  }
  if (accountId) {
    if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(accountId)) {
      throw new ConfigError(`ACQUIRE_ACCOUNT_ID must be the subdomain of your Acquire account, got "${accountId}"`);
    }
    return { baseUrl: `https://${accountId}.acquire.io/api/v1`, apiKey };
  }
  return null;
}

// A host name, an IPv4 address or an IPv6 address (brackets optional).
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[?[0-9A-Fa-f:.]{2,45}(?:%[\w.-]+)?\]?)$/;

function hostFrom(env: Env, demo: boolean): string | null {
  const raw = env.HOST?.trim();
  if (!raw) return demo ? '127.0.0.1' : null;
  if (!HOST.test(raw)) throw new ConfigError(`HOST must be a host name or an IP address, got "${raw}"`);
  return raw.replace(/^\[(.*)\]$/, '$1');
}

function httpTimeoutsFrom(env: Env): HttpTimeouts {
  const timeouts = {
    headersTimeoutMs: integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    requestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    keepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
  };
  // Node refuses a server whose headers may take longer than the whole request.
  if (timeouts.headersTimeoutMs > timeouts.requestTimeoutMs) {
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS');
  }
  return timeouts;
}

const STUDIO_ORIGIN = 'https://studio.apollographql.com';

function corsOriginsFrom(env: Env, production: boolean): string[] {
  const raw = env.CORS_ORIGINS;
  if (raw === undefined) return production ? [] : ['self', STUDIO_ORIGIN];
  const entries = raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return entries.map((entry) => {
    if (entry.toLowerCase() === 'self') return 'self';
    if (entry === '*') throw new ConfigError('CORS_ORIGINS cannot be "*": list the origins whose pages may call, e.g. https://app.example.com');
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`CORS_ORIGINS: "${entry}" is not an origin like https://app.example.com`);
    }
    const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !bare) {
      throw new ConfigError(`CORS_ORIGINS: "${entry}" is not an origin like https://app.example.com (scheme, host and port only)`);
    }
    return url.origin;
  });
}

function optionalPort(env: Env, name: string): number | null {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? null : integer(env, name, 0, 0, 65535);
}

function redisUrlFrom(env: Env): string | null {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('REDIS_URL is not a URL (redis://host:6379 or rediss://...)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  return raw;
}

function liveFrom(env: Env): LiveConfig {
  const secret = env.ACQUIRE_WEBHOOK_SECRET?.trim();
  const pollIntervalMs = integer(env, 'LIVE_POLL_INTERVAL_MS', 2_000, 50, 600_000);
  const pollMaxIntervalMs = integer(env, 'LIVE_POLL_MAX_INTERVAL_MS', 30_000, 50, 3_600_000);
  if (pollMaxIntervalMs < pollIntervalMs) throw new ConfigError('LIVE_POLL_MAX_INTERVAL_MS must not be shorter than LIVE_POLL_INTERVAL_MS');
  const pollMaxReadsPerMinute = integer(env, 'LIVE_POLL_MAX_READS_PER_MINUTE', 30, 2, 100_000);
  return {
    webhookSecret: secret ? secret : null,
    webhookMaxBodyBytes: integer(env, 'ACQUIRE_WEBHOOK_MAX_BODY_BYTES', 100_000, 1_000, 10_000_000),
    webhookReplayWindowMs: integer(env, 'ACQUIRE_WEBHOOK_REPLAY_WINDOW_MS', 300_000, 1_000, 86_400_000),
    redisUrl: redisUrlFrom(env),
    pollIntervalMs,
    pollMaxIntervalMs,
    pollBusyMs: integer(env, 'LIVE_POLL_BUSY_MS', 60_000, 0, 86_400_000),
    pollMaxReadsPerMinute,
    resumeWindowMs: integer(env, 'LIVE_RESUME_WINDOW_MS', 600_000, 1_000, 86_400_000),
    logMaxEvents: integer(env, 'LIVE_LOG_MAX_EVENTS', 100_000, 100, 10_000_000),
    maxQueuedEvents: integer(env, 'LIVE_MAX_QUEUED_EVENTS', 100, 1, 100_000),
    readyRequiresBackplane: flag(env, 'LIVE_READY_REQUIRES_BACKPLANE', false),
    maxSubscriptionsPerConnection: integer(env, 'LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 10_000),
    maxConnectionsPerKey: integer(env, 'LIVE_MAX_CONNECTIONS_PER_KEY', 100, 1, 1_000_000),
    maxMessagesPerSecond: integer(env, 'LIVE_MAX_MESSAGES_PER_SECOND', 50, 1, 100_000),
    maxBufferedBytes: integer(env, 'LIVE_MAX_BUFFERED_BYTES', 4_194_304, 65_536, 1_073_741_824),
    demoActivity: flag(env, 'DEMO_ACTIVITY', true),
  };
}

function recordCacheFrom(env: Env): RecordCacheConfig {
  const cap = env.RECORD_CACHE_MAX_AGE_S?.trim();
  return {
    enabled: oneOf(env, 'RECORD_CACHE', ['on', 'off'], 'on') === 'on',
    maxAgeCapS: cap === undefined || cap === '' ? null : integer(env, 'RECORD_CACHE_MAX_AGE_S', 0, 0, 86_400),
    maxEntries: integer(env, 'RECORD_CACHE_MAX_ENTRIES', 10_000, 1, 10_000_000),
    maxBytes: integer(env, 'RECORD_CACHE_MAX_MB', 32, 1, 65_536) * 1024 * 1024,
  };
}

/**
 * Each default is the reading the gateway had before the doctor could tell (and the emulator's
 * default dialect); the docs' own reading is the other value. `npm run doctor` names the setting
 * to change when an account reads otherwise.
 */
function dialectFrom(env: Env): UpstreamDialect {
  return {
    listParams: oneOf(env, 'ACQUIRE_LIST_PARAMS', ['repeated', 'pipe'], 'repeated'),
    queueStatus: oneOf(env, 'ACQUIRE_QUEUE_STATUS', ['queue', 'pending'], 'queue'),
    contactPaging: oneOf(env, 'ACQUIRE_CONTACT_PAGING', ['list', 'filter'], 'list'),
    emailChannel: oneOf(env, 'ACQUIRE_EMAIL_CHANNEL', ['mail', 'email'], 'mail'),
    notesFirstPage: oneOf(env, 'ACQUIRE_NOTES_FIRST_PAGE', ['0', '1'], '0') === '1' ? 1 : 0,
  };
}

function documentsFrom(env: Env): DocumentsConfig {
  const manifestPath = env.PERSISTED_DOCUMENTS?.trim() || null;
  const allowArbitrary = flag(env, 'ALLOW_ARBITRARY_OPERATIONS', true);
  if (!allowArbitrary && manifestPath === null) {
    throw new ConfigError('ALLOW_ARBITRARY_OPERATIONS=false needs PERSISTED_DOCUMENTS: the manifest of the operations that may run');
  }
  return {
    manifestPath,
    allowArbitrary,
    apq: flag(env, 'GRAPHQL_APQ', true),
    apqTtlSeconds: integer(env, 'GRAPHQL_APQ_TTL_SECONDS', 86_400, 1, 31_536_000),
    apqMaxBytes: integer(env, 'GRAPHQL_APQ_MAX_BYTES', 16 * 1024 * 1024, 1_024, 4 * 1024 * 1024 * 1024),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const upstream = upstreamFrom(env);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: hostFrom(env, upstream === null),
    corsOrigins: corsOriginsFrom(env, production),
    metricsPort: optionalPort(env, 'METRICS_PORT'),
    http: httpTimeoutsFrom(env),
    upstream,
    timeoutMs: integer(env, 'ACQUIRE_TIMEOUT_MS', 10_000, 1, 600_000),
    maxConcurrentUpstreamCalls: integer(env, 'ACQUIRE_MAX_CONCURRENCY', 40, 1, 1000),
    production,
    introspection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
    sandbox: flag(env, 'GRAPHQL_SANDBOX', !production),
    graphiql: flag(env, 'GRAPHQL_GRAPHIQL', !production || upstream === null),
    subgraph: flag(env, 'GRAPHQL_SUBGRAPH', false),
    maxBodyBytes: integer(env, 'GRAPHQL_MAX_BODY_BYTES', 1_000_000, 1_000, 100_000_000),
    limits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 10, 1, 100),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 5000, 1, 1_000_000),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 10_000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 2_000, 50, 1_000_000),
      maxNesting: integer(env, 'GRAPHQL_MAX_NESTING', 32, 8, 1_000),
    },
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    log: { level: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'), pretty: oneOf(env, 'LOG_FORMAT', ['pretty', 'json'], production ? 'json' : 'pretty') === 'pretty' },
    otlpTracesUrl: otlpEndpointFrom(env),
    coalesceReads: flag(env, 'ACQUIRE_COALESCE_READS', true),
    shareOperations: flag(env, 'GRAPHQL_SHARE_OPERATIONS', true),
    live: liveFrom(env),
    recordCache: recordCacheFrom(env),
    dialect: dialectFrom(env),
    documents: documentsFrom(env),
  };
}

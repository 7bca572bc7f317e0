import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('defaults to port 4000, a 10 s timeout and the emulator', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      corsOrigins: ['self', 'https://studio.apollographql.com'],
      metricsPort: null,
      http: { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 },
      upstream: null,
      timeoutMs: 10_000,
      maxConcurrentUpstreamCalls: 40,
      production: false,
      introspection: true,
      sandbox: true,
      graphiql: true,
      subgraph: false,
      maxBodyBytes: 1_000_000,
      limits: { maxDepth: 10, maxCost: 5000, maxAliases: 30, maxTokens: 2_000, maxNesting: 32 },
      shutdownGraceMs: 10_000,
      log: { level: 'info', pretty: true },
      otlpTracesUrl: null,
      coalesceReads: true,
      shareOperations: true,
      live: {
        webhookSecret: null,
        webhookMaxBodyBytes: 100_000,
        webhookReplayWindowMs: 300_000,
        redisUrl: null,
        pollIntervalMs: 2_000,
        pollMaxIntervalMs: 30_000,
        pollBusyMs: 60_000,
        pollMaxReadsPerMinute: 30,
        resumeWindowMs: 600_000,
        logMaxEvents: 100_000,
        maxQueuedEvents: 100,
        readyRequiresBackplane: false,
        maxSubscriptionsPerConnection: 20,
        maxConnectionsPerKey: 100,
        maxMessagesPerSecond: 50,
        maxBufferedBytes: 4_194_304,
        demoActivity: true,
      },
      recordCache: { enabled: true, maxAgeCapS: null, maxEntries: 10_000, maxBytes: 32 * 1024 * 1024 },
      dialect: { listParams: 'repeated', queueStatus: 'queue', contactPaging: 'list', emailChannel: 'mail', notesFirstPage: 0 },
      documents: { manifestPath: null, allowArbitrary: true, apq: true, apqTtlSeconds: 86_400, apqMaxBytes: 16 * 1024 * 1024 },
    });
  });

  it('reads the record cache settings, and refuses what they cannot be', () => {
    expect(loadConfig({ RECORD_CACHE: 'OFF', RECORD_CACHE_MAX_AGE_S: '2', RECORD_CACHE_MAX_ENTRIES: '50', RECORD_CACHE_MAX_MB: '1' }).recordCache).toEqual({
      enabled: false,
      maxAgeCapS: 2,
      maxEntries: 50,
      maxBytes: 1024 * 1024,
    });
    expect(loadConfig({ RECORD_CACHE_MAX_AGE_S: '0' }).recordCache.maxAgeCapS).toBe(0);
    for (const [name, value] of [
      ['RECORD_CACHE', 'maybe'],
      ['RECORD_CACHE_MAX_AGE_S', '-1'],
      ['RECORD_CACHE_MAX_AGE_S', '1.5'],
      ['RECORD_CACHE_MAX_ENTRIES', '0'],
      ['RECORD_CACHE_MAX_MB', 'lots'],
    ] as const) {
      expect(() => loadConfig({ [name]: value })).toThrow(name);
    }
  });

  it('reads the account dialect, each the docs’ other reading, and refuses anything else', () => {
    expect(
      loadConfig({ ACQUIRE_LIST_PARAMS: 'pipe', ACQUIRE_QUEUE_STATUS: 'pending', ACQUIRE_CONTACT_PAGING: 'filter', ACQUIRE_EMAIL_CHANNEL: 'Email', ACQUIRE_NOTES_FIRST_PAGE: ' 1 ' }).dialect,
    ).toEqual({ listParams: 'pipe', queueStatus: 'pending', contactPaging: 'filter', emailChannel: 'email', notesFirstPage: 1 });
    for (const [name, value] of [
      ['ACQUIRE_LIST_PARAMS', 'comma'],
      ['ACQUIRE_QUEUE_STATUS', 'waiting'],
      ['ACQUIRE_CONTACT_PAGING', 'x'.repeat(10_000)],
      ['ACQUIRE_EMAIL_CHANNEL', 'e-mail'],
      ['ACQUIRE_NOTES_FIRST_PAGE', '2'],
    ] as const) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be one of`));
    }
  });

  it('refuses to run only trusted documents without a manifest of them', () => {
    expect(() => loadConfig({ ALLOW_ARBITRARY_OPERATIONS: 'false' })).toThrow(/needs PERSISTED_DOCUMENTS/);
    expect(loadConfig({ ALLOW_ARBITRARY_OPERATIONS: 'false', PERSISTED_DOCUMENTS: 'manifest.json' }).documents).toMatchObject({ manifestPath: 'manifest.json', allowArbitrary: false });
    expect(() => loadConfig({ GRAPHQL_APQ_MAX_BYTES: '10' })).toThrow(ConfigError);
  });

  it('refuses a REDIS_URL that is no redis URL, and a poll ceiling below the first interval', () => {
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).live.redisUrl).toBe('redis://cache:6379');
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ LIVE_POLL_INTERVAL_MS: '5000', LIVE_POLL_MAX_INTERVAL_MS: '1000' })).toThrow(ConfigError);
  });

  it('finds the OTLP traces URL the way OpenTelemetry SDKs do', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).otlpTracesUrl).toBe('http://collector:4318/v1/traces');
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom' }).otlpTracesUrl).toBe('http://c:4318/custom');
  });

  it('turns introspection and the Sandbox off in production unless enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, sandbox: false, graphiql: true });
    expect(loadConfig({ NODE_ENV: 'production', ACQUIRE_ACCOUNT_ID: 'myaccount' })).toMatchObject({ graphiql: false });
    expect(loadConfig({ NODE_ENV: 'production', ACQUIRE_ACCOUNT_ID: 'myaccount', GRAPHQL_GRAPHIQL: 'true' })).toMatchObject({ graphiql: true });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_SANDBOX: 'true', GRAPHQL_INTROSPECTION: '1' })).toMatchObject({
      introspection: true,
      sandbox: true,
    });
  });

  it('binds to loopback in demo mode and to every interface otherwise, unless HOST says', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ ACQUIRE_ACCOUNT_ID: 'myaccount' }).host).toBeNull();
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '[::1]' }).host).toBe('::1');
  });

  it('lists no browser origin in production unless CORS_ORIGINS does', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://App.example.com/, self,http://localhost:3000' }).corsOrigins).toEqual([
      'https://app.example.com',
      'self',
      'http://localhost:3000',
    ]);
    expect(loadConfig({ CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
  });

  it('reads the time-outs and the metrics port', () => {
    expect(loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_REQUEST_TIMEOUT_MS: '4000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000', METRICS_PORT: '9464' })).toMatchObject({
      http: { headersTimeoutMs: 2_000, requestTimeoutMs: 4_000, keepAliveTimeoutMs: 65_000 },
      metricsPort: 9464,
    });
  });

  it('builds the base URL from the account id', () => {
    expect(loadConfig({ ACQUIRE_ACCOUNT_ID: 'myaccount', ACQUIRE_API_KEY: 'k' }).upstream).toEqual({
      baseUrl: 'https://myaccount.acquire.io/api/v1',
      apiKey: 'k',
    });
  });

  it('prefers an explicit base URL, without its trailing slash', () => {
    const config = loadConfig({ ACQUIRE_BASE_URL: 'http://127.0.0.1:4010/api/v1/', ACQUIRE_ACCOUNT_ID: 'ignored' });
    expect(config.upstream).toEqual({ baseUrl: 'http://127.0.0.1:4010/api/v1', apiKey: undefined });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ ACQUIRE_TIMEOUT_MS: '0' }, /ACQUIRE_TIMEOUT_MS/],
    [{ ACQUIRE_BASE_URL: 'not a url' }, /ACQUIRE_BASE_URL/],
    [{ ACQUIRE_BASE_URL: 'ftp://x.example' }, /http/],
    [{ ACQUIRE_BASE_URL: 'https://user:secret@x.example/api/v1' }, /credentials/],
    [{ ACQUIRE_ACCOUNT_ID: 'my account.evil.com/' }, /subdomain/],
    [{ GRAPHQL_SANDBOX: 'yes please' }, /GRAPHQL_SANDBOX/],
    [{ GRAPHQL_MAX_DEPTH: '0' }, /GRAPHQL_MAX_DEPTH/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' }, /OTEL_EXPORTER_OTLP_ENDPOINT/],
    [{ HOST: 'evil.example/path' }, /HOST/],
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS/],
    [{ ACQUIRE_ACCOUNT_ID: 'myaccount', ACQUIRE_API_KEY: 'Bearer abc' }, /ACQUIRE_API_KEY/],
    [{ CORS_ORIGINS: 'app.example.com' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://app.example.com/path' }, /CORS_ORIGINS/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' }, /HTTP_HEADERS_TIMEOUT_MS/],
    [{ METRICS_PORT: '-1' }, /METRICS_PORT/],
    [{ GRAPHQL_MAX_TOKENS: '10' }, /GRAPHQL_MAX_TOKENS/],
    [{ GRAPHQL_MAX_NESTING: '2' }, /GRAPHQL_MAX_NESTING/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

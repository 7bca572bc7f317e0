/** What operators see: request ids, one log line per request, health, readiness and metrics. */
import { DEMO_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { createLogger } from '../../src/server/ops/logger.js';
import { graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

let emulator: Emulator;
let gateway: RunningGateway;
let origin: string;
const lines: string[] = [];
const logs = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  emulator = await startDialectEmulator();
  gateway = await startGateway({
    baseUrl: emulator.url,
    apiKey: DEMO_API_KEY,
    logger: createLogger({ destination: { write: (line: string) => lines.push(line) } }),
  });
  origin = new URL(gateway.url).origin;
});

afterAll(async () => {
  await gateway.stop();
  await emulator.stop();
});

beforeEach(() => {
  lines.length = 0;
  emulator.resetCalls();
});

describe('request ids and logs', () => {
  it('logs one line per request with its id, operation, duration and upstream calls, and returns the id', async () => {
    const result = await graphql(gateway.url, 'query Dashboard { cases(first: 3) { nodes { id contact { name } } } }', undefined, {
      'x-request-id': 'req-abc-123',
      authorization: `Bearer ${DEMO_API_KEY}`,
    });
    expect(result.headers.get('x-request-id')).toBe('req-abc-123');
    const entries = logs().filter((entry) => entry.msg === 'graphql request');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      level: 'info',
      requestId: 'req-abc-123',
      operation: 'Dashboard',
      type: 'query',
      status: 200,
      upstreamCalls: emulator.calls.length,
      durationMs: expect.any(Number),
      time: expect.any(String),
    });
    expect(emulator.calls.every((call) => call.requestId === 'req-abc-123')).toBe(true);
    expect(lines.join('\n')).not.toContain(DEMO_API_KEY);
  });

  it('makes up an id when the client sends none, and logs error codes', async () => {
    const result = await graphql(gateway.url, 'query Missing { case(id: "999999") { id } }');
    const id = result.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs().find((entry) => entry.msg === 'graphql request')).toMatchObject({ requestId: id, operation: 'Missing', errors: ['NOT_FOUND'] });
  });

  it('puts the request id on every route', async () => {
    const response = await fetch(`${origin}/healthz`, { headers: { 'x-request-id': 'probe-1' } });
    expect(response.headers.get('x-request-id')).toBe('probe-1');
  });
});

describe('health', () => {
  it('GET /healthz says the process is up', async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
  });

  it('GET /readyz checks the upstream with the configured key, at most every few seconds', async () => {
    const first = await fetch(`${origin}/readyz`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'ready', ready: true, upstream: 'ok' });
    await fetch(`${origin}/readyz`);
    expect(emulator.calls).toHaveLength(1);
  });

  it('GET /readyz is 503 when the key is rejected or the upstream is down', async () => {
    const badKey = await startGateway({ baseUrl: emulator.url, apiKey: 'revoked-key' });
    const down = await startGateway({ baseUrl: 'http://127.0.0.1:9/api/v1', apiKey: DEMO_API_KEY, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    try {
      const rejected = await fetch(`${new URL(badKey.url).origin}/readyz`);
      expect(rejected.status).toBe(503);
      expect(await rejected.json()).toMatchObject({ status: 'not ready', upstream: 'key rejected' });
      const unreachable = await fetch(`${new URL(down.url).origin}/readyz`);
      expect(unreachable.status).toBe(503);
      expect(await unreachable.json()).toMatchObject({ upstream: 'unavailable' });
    } finally {
      await badKey.stop();
      await down.stop();
    }
  });

  it('GET /readyz without a server-side key is ready when the upstream answers at all', async () => {
    const keyless = await startGateway({ baseUrl: emulator.url });
    try {
      const response = await fetch(`${new URL(keyless.url).origin}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ready: true, upstream: 'reachable' });
    } finally {
      await keyless.stop();
    }
  });
});

describe('metrics', () => {
  const valueOf = (text: string, series: string): number => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  it('GET /metrics shows operations, errors, upstream calls per endpoint, latency, batch sizes and in-flight requests', async () => {
    const before = await (await fetch(`${origin}/metrics`)).text();
    await graphql(gateway.url, 'query Page { cases(first: 4) { nodes { id contact { name } } } }');
    await graphql(gateway.url, 'query Gone { case(id: "999999") { id } }');
    await graphql(gateway.url, '{ case(id: "1001") { nope } }');
    const response = await fetch(`${origin}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/graphql_operations_total\{operation="Page",type="query",outcome="success"\} 1/);
    expect(text).toMatch(/graphql_operations_total\{operation="Gone",type="query",outcome="error"\} 1/);
    expect(text).toMatch(/graphql_operations_total\{operation="\(anonymous\)",type="unknown",outcome="rejected"\} 1/);
    const delta = (series: string) => valueOf(text, series) - valueOf(before, series);
    expect(delta('graphql_errors_total{code="NOT_FOUND"}')).toBe(1);
    expect(delta('graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(delta('upstream_calls_total{method="GET",endpoint="/crm/objects/case",status="200"}')).toBe(1);
    expect(delta('upstream_calls_total{method="GET",endpoint="/crm/objects/contact/{id}",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(delta('upstream_calls_total{method="GET",endpoint="/crm/objects/case/{id}",status="400"}')).toBe(1);
    expect(delta('upstream_call_duration_seconds_bucket{le="0.5",method="GET",endpoint="/crm/objects/case"}')).toBe(1);
    expect(delta('dataloader_batch_size_count{loader="contacts"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/graphql_requests_in_flight 0/);
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
    expect(text).not.toContain(DEMO_API_KEY);
  });

  it('caps how many distinct operation names become labels', async () => {
    for (let i = 0; i < 210; i += 1) await graphql(gateway.url, `query Op${i} { __typename }`);
    const text = await (await fetch(`${origin}/metrics`)).text();
    const names = new Set([...text.matchAll(/graphql_operations_total\{operation="([^"]+)"/g)].map((match) => match[1]));
    expect(names.size).toBeLessThanOrEqual(202);
    expect(names).toContain('(other)');
  });
});

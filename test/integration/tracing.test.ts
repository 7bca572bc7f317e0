/** With an OTLP endpoint, each request is a trace: its span, and a child span per upstream call. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTracing, type Tracing } from '../../src/server/ops/tracing.js';
import { graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../helpers/scriptedUpstream.js';

interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  kind: number;
}

let collector: http.Server;
const exports: unknown[] = [];
let tracing: Tracing;
let upstream: ScriptedUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') exports.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  tracing = await startTracing(`http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`);
  upstream = await startScriptedUpstream((call) =>
    call.path === '/account/user' ? { body: { data: { count: 1, data: [{ id: 1, name: 'Ada' }] } } } : { body: { data: { id: 1001, title: 'A', contactId: 5 } } },
  );
  gateway = await startGateway({ baseUrl: upstream.url, apiKey: 'k', tracer: tracing.tracer });
});

afterAll(async () => {
  await gateway.stop();
  await upstream.stop();
  await new Promise<void>((resolve) => collector.close(() => resolve()));
});

it('exports a request span with the upstream calls as its children, and propagates the trace upstream', async () => {
  const result = await graphql(gateway.url, 'query Traced { case(id: "1001") { id title } users { name } }');
  expect(result.errors).toBeUndefined();
  await tracing.shutdown();

  const spans = exports.flatMap((body) =>
    (body as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> }).resourceSpans.flatMap((resource) =>
      resource.scopeSpans.flatMap((scope) => scope.spans),
    ),
  );
  const request = spans.find((span) => span.name === 'graphql query Traced');
  expect(request).toBeDefined();
  const children = spans.filter((span) => span.name.startsWith('upstream '));
  expect(children.map((span) => span.name).sort()).toEqual(['upstream GET /account/user', 'upstream GET /crm/objects/case/{id}']);
  for (const child of children) {
    expect(child.traceId).toBe(request!.traceId);
    expect(child.parentSpanId).toBe(request!.spanId);
  }
  for (const call of upstream.calls) {
    expect(call.headers.traceparent).toMatch(new RegExp(`^00-${request!.traceId}-[0-9a-f]{16}-01$`));
  }
});

it('sends no trace headers when tracing is off', async () => {
  const plain = await startGateway({ baseUrl: upstream.url, apiKey: 'k' });
  try {
    upstream.calls.length = 0;
    await graphql(plain.url, '{ users { name } }');
    expect(upstream.calls[0]?.headers.traceparent).toBeUndefined();
  } finally {
    await plain.stop();
  }
});

/**
 * A closed-loop load generator, run as its own process: `connections` clients each send the
 * next request as soon as the last answer is in, for `durationMs` after `warmupMs`. It records
 * every latency, so percentiles are exact. Prints one JSON result.
 */
import http from 'node:http';
import { withoutCost } from './answers.js';
import { percentile, sortedCopy } from './stats.js';

export interface LoadConfig {
  url: string;
  body: string;
  headers?: Record<string, string>;
  /** Extra headers per connection (by index, cycling), e.g. a key of its own. */
  connectionHeaders?: Array<Record<string, string>>;
  /** The exact body each connection must get back (by index, cycling); others count as mismatches. */
  expectedBodies?: string[];
  connections: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  /** Every request sent, warm-up included. */
  sent: number;
  /** Requests in the measured window. */
  requests: number;
  /** Requests per second over the measured window. */
  throughput: number;
  failures: number;
  /** Answers (in the measured window) that differ from the expected body. */
  mismatches: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number };
  /** [x-request-id, latency ms] of each measured request, to match with the upstream's call log. */
  samples: Array<[string, number]>;
}

async function run(config: LoadConfig): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: config.connections });
  const target = new URL(config.url);
  const payload = Buffer.from(config.body);
  const headers = { 'content-type': 'application/json', 'content-length': String(payload.length), ...config.headers };
  type Outcome = 'ok' | 'failed' | 'mismatch';
  const send = (requestId: string, connection: number): Promise<Outcome> =>
    new Promise((resolve) => {
      const extra = config.connectionHeaders?.[connection % config.connectionHeaders.length] ?? {};
      const expected = config.expectedBodies?.[connection % config.expectedBodies.length];
      const req = http.request(target, { method: 'POST', agent, headers: { ...headers, ...extra, 'x-request-id': requestId } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode !== 200 || body.includes('"errors"')) resolve('failed');
          else if (expected !== undefined && withoutCost(body.toString('utf8')) !== expected) resolve('mismatch');
          else resolve('ok');
        });
      });
      req.on('error', () => resolve('failed'));
      req.end(payload);
    });

  const latencies: number[] = [];
  const samples: Array<[string, number]> = [];
  let failures = 0;
  let mismatches = 0;
  let sent = 0;
  const start = performance.now();
  const measureFrom = start + config.warmupMs;
  const end = measureFrom + config.durationMs;
  const client = async (connection: number): Promise<void> => {
    while (performance.now() < end) {
      const sentAt = performance.now();
      sent += 1;
      const requestId = `load-${process.pid}-${sent}`;
      const outcome = await send(requestId, connection);
      if (sentAt >= measureFrom) {
        const latency = performance.now() - sentAt;
        latencies.push(latency);
        samples.push([requestId, latency]);
        if (outcome === 'failed') failures += 1;
        if (outcome === 'mismatch') mismatches += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: config.connections }, (_, connection) => client(connection)));
  agent.destroy();
  const sorted = sortedCopy(latencies);
  const mean = latencies.reduce((sum, value) => sum + value, 0) / Math.max(latencies.length, 1);
  return {
    sent,
    requests: latencies.length,
    throughput: latencies.length / (config.durationMs / 1000),
    failures,
    mismatches,
    latencyMs: { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), mean },
    samples,
  };
}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const config = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadConfig;
process.stdout.write(`${JSON.stringify(await run(config))}\n`);

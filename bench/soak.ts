/**
 * `npm run soak`: a bounded soak of the gateway (its own process) over the emulator with injected
 * faults: mixed reads and writes from concurrent clients for SOAK_DURATION_MS (default 5 min).
 * Reports requests served, errors by code, messages lost or duplicated (the emulator's state
 * against what the gateway confirmed), the gateway's RSS over time, and the record cache's size
 * against its bounds (SOAK_CACHE_MAX_ENTRIES, small so that it fills: contacts and notes are read
 * with a key per client, and contacts are renamed). Writes bench/soak-results.json; exits non-zero
 * when a message was lost or duplicated, or the cache outgrew a bound.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_API_KEY, startEmulator, type FaultRule } from '../emulator/server.js';
import { startGatewayProcess } from './processes.js';

const setting = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const DURATION_MS = setting('SOAK_DURATION_MS', 300_000);
const CLIENTS = setting('SOAK_CLIENTS', 16);
const TIMEOUT_MS = 1_000;
const CACHE_MAX_ENTRIES = setting('SOAK_CACHE_MAX_ENTRIES', 60);
const CACHE_MAX_MB = 1;

/** What can go wrong upstream, all the time, at a low rate. */
const FAULTS: FaultRule[] = [
  { method: 'GET', path: '^/crm/objects/case$', status: 503, probability: 0.03 },
  { method: 'GET', path: '^/crm/objects/contact/', reset: true, probability: 0.02 },
  { method: 'GET', path: '^/crm/objects/case/', delayMs: 1_500, probability: 0.01 },
  { method: 'GET', path: '^/crm/objects/case-message/', status: 200, body: '{"data": {"id": 1, "mess', probability: 0.02 },
  { method: 'GET', path: '^/account/user', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html', probability: 0.02 },
  // Writes: refused before they happen, and (rarer) done upstream but the answer lost.
  { method: 'POST', path: '^/crm/messenger/chat/add-message$', status: 503, probability: 0.03 },
  { method: 'POST', path: '^/crm/messenger/chat/add-message$', status: 502, afterHandler: true, probability: 0.01 },
  { method: 'POST', path: '^/crm/messenger/chat/message/', reset: true, probability: 0.02 },
];

interface Tally {
  requests: number;
  served: number;
  errorsByCode: Record<string, number>;
  httpFailures: number;
  sends: { confirmed: Map<string, string>; failed: Set<string> };
}

/** One sample of the gateway's /metrics (0 when absent). */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ latencyMs: 5 });
  const gateway = await startGatewayProcess({
    ACQUIRE_BASE_URL: emulator.url,
    ACQUIRE_API_KEY: DEMO_API_KEY,
    ACQUIRE_TIMEOUT_MS: String(TIMEOUT_MS),
    RECORD_CACHE_MAX_ENTRIES: String(CACHE_MAX_ENTRIES),
    RECORD_CACHE_MAX_MB: String(CACHE_MAX_MB),
  });
  const metricsUrl = gateway.url.replace(/\/graphql$/, '/metrics');
  const post = async (query: string, variables: Record<string, unknown> = {}, key?: string) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    // The soak reads only the few fields it checks.
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> } };
  };

  // Writes go to active chat cases that nothing else reads, so reads keep their size.
  const active = (await post('{ cases(first: 100, filter: {status: ACTIVE, channel: CHAT}) { nodes { id } } }')).body.data.cases.nodes.map((node: { id: string }) => node.id);
  const writeTargets: string[] = active.slice(0, Math.ceil(active.length / 2));
  const readTargets: string[] = ['1001', '1002', '1003', '1004', '1005', ...active.slice(writeTargets.length)];
  const messageIds = (await post('query ($id: ID!) { case(id: $id) { messages { id } } }', { id: readTargets[0] })).body.data.case.messages.map((m: { id: string }) => m.id);
  const contactIds: string[] = (await post('{ contacts(first: 100) { nodes { id } } }')).body.data.contacts.nodes.map((node: { id: string }) => node.id);
  // Other keys of the demo account: each has its own part of the record cache.
  const keys = Array.from({ length: 4 }, (_, index) => `${DEMO_API_KEY}-soak${index}`);
  const CONTACT_READS = [
    'query ($id: ID!) { contact(id: $id) { id name email } }',
    'query ($id: ID!) { contact(id: $id) { id name company { name } tags { name } } }',
    'query ($id: ID!) { contact(id: $id) { name notes(first: 5) { nodes { title messages { text } } } } }',
  ];

  const tally: Tally = { requests: 0, served: 0, errorsByCode: {}, httpFailures: 0, sends: { confirmed: new Map(), failed: new Set() } };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
  let sequence = 0;

  const operations: Array<[number, () => Promise<void>]> = [
    [35, async () => void record(await post('{ cases(first: 20) { nodes { id title contact { name email } users { user { name } } messages { text } timeline { id } lastMessage { text } } } }'))],
    [20, async () => void record(await post('query ($id: ID!) { case(id: $id) { id status contact { name } lastMessage { text } parent { id } } }', { id: pick(readTargets) }))],
    [10, async () => void record(await post('query ($id: ID!) { message(id: $id) { text sender { __typename } case { id } } }', { id: pick(messageIds) }))],
    [5, async () => void record(await post('{ users { id name } }'))],
    [15, async () => void record(await post(pick(CONTACT_READS), { id: pick(contactIds) }, pick(keys)))],
    [2, async () => void record(await post('mutation ($id: ID!, $name: String!) { updateContact(input: {id: $id, name: $name}) { contact { id } } }', { id: pick(contactIds), name: `Soak ${(sequence += 1)}` }))],
    [20, async () => {
      const text = `soak-${process.pid}-${(sequence += 1)}`;
      const result = await post('mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }', { input: { caseId: pick(writeTargets), text } });
      record(result);
      const id = result.body.data?.sendMessage?.message?.id as string | undefined;
      if (id) tally.sends.confirmed.set(text, id);
      else tally.sends.failed.add(text);
    }],
    [10, async () => {
      const confirmed = [...tally.sends.confirmed];
      if (confirmed.length === 0) return;
      // The edit keeps the unique text in front, so copies can still be counted afterwards.
      const [text, id] = pick(confirmed);
      record(await post('mutation ($id: ID!, $text: String!) { updateMessage(input: {id: $id, text: $text}) { message { id } } }', { id, text: `${text} edited` }));
    }],
  ];
  const weights = operations.reduce((sum, [weight]) => sum + weight, 0);
  function record(result: Awaited<ReturnType<typeof post>>): void {
    tally.requests += 1;
    if (result.status !== 200 && !result.body.errors) tally.httpFailures += 1;
    if (!result.body.errors) tally.served += 1;
    for (const error of result.body.errors ?? []) {
      const code = error.extensions?.code ?? 'NONE';
      tally.errorsByCode[code] = (tally.errorsByCode[code] ?? 0) + 1;
    }
  }
  const runOne = async (): Promise<void> => {
    let draw = Math.random() * weights;
    for (const [weight, operation] of operations) {
      draw -= weight;
      if (draw < 0) return operation();
    }
  };

  emulator.setFaults(FAULTS);
  const rss: Array<[number, number]> = [];
  const cache = { maxEntries: 0, maxBytes: 0, samples: 0 };
  const sampleCache = async (): Promise<void> => {
    const text = await (await fetch(metricsUrl)).text();
    cache.maxEntries = Math.max(cache.maxEntries, sample(text, 'record_cache_entries'));
    cache.maxBytes = Math.max(cache.maxBytes, sample(text, 'record_cache_bytes'));
    cache.samples += 1;
  };
  const started = Date.now();
  const sampler = setInterval(() => {
    rss.push([(Date.now() - started) / 1000, rssMiB(gateway.pid)]);
    void sampleCache().catch(() => {});
  }, 1_000);
  rss.push([0, rssMiB(gateway.pid)]);
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() - started < DURATION_MS) {
        try {
          await runOne();
        } catch {
          tally.httpFailures += 1;
        }
      }
    }),
  );
  clearInterval(sampler);
  rss.push([(Date.now() - started) / 1000, rssMiB(gateway.pid)]);
  emulator.setFaults([]);
  await sampleCache();
  const finalMetrics = await (await fetch(metricsUrl)).text();
  const count = (name: string): number =>
    finalMetrics
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  const recordCache = {
    maxEntries: CACHE_MAX_ENTRIES,
    maxBytes: CACHE_MAX_MB * 1024 * 1024,
    largestEntries: cache.maxEntries,
    largestBytes: cache.maxBytes,
    samples: cache.samples,
    hits: count('record_cache_hits_total'),
    misses: count('record_cache_misses_total'),
    evictions: count('record_cache_evictions_total'),
    invalidations: count('record_cache_invalidations_total'),
  };
  const cacheWithinBounds = recordCache.largestEntries <= recordCache.maxEntries && recordCache.largestBytes <= recordCache.maxBytes;

  // The emulator's state, read straight from its API: which soak messages exist, how often?
  const copies = new Map<string, number>();
  const storedIds = new Set<string>();
  for (const caseId of writeTargets) {
    const response = await fetch(`${emulator.url}/crm/objects/case/${caseId}?relations=messages`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } });
    const body = (await response.json()) as { data: { messages: Array<{ id: number; message: string }> } };
    for (const message of body.data.messages) {
      const text = message.message.split(' ')[0] ?? '';
      if (!text.startsWith('soak-')) continue;
      storedIds.add(String(message.id));
      copies.set(text, (copies.get(text) ?? 0) + 1);
    }
  }
  const lost = [...tally.sends.confirmed.values()].filter((id) => !storedIds.has(id)).length;
  const duplicated = [...copies.values()].filter((count) => count > 1).length;
  const failedButStored = [...tally.sends.failed].filter((text) => copies.has(text)).length;

  await gateway.stop();
  await emulator.stop();

  const half = rss.filter(([t]) => t >= (DURATION_MS / 1000) / 2);
  const slope = regressionSlope(half);
  const report = {
    durationS: DURATION_MS / 1000,
    clients: CLIENTS,
    requests: tally.requests,
    served: tally.served,
    throughput: tally.requests / (DURATION_MS / 1000),
    errorsByCode: tally.errorsByCode,
    httpFailures: tally.httpFailures,
    messages: {
      confirmed: tally.sends.confirmed.size,
      failedAsReported: tally.sends.failed.size,
      failedButStoredUpstream: failedButStored,
      lost,
      duplicated,
    },
    rssMiB: { start: rss[0]?.[1], end: rss.at(-1)?.[1], max: Math.max(...rss.map(([, value]) => value)), secondHalfSlopePerMinute: slope * 60 },
    recordCache,
    faults: FAULTS,
  };
  process.stdout.write(`${formatReport(report)}\n`);
  const file = fileURLToPath(new URL('../../bench/soak-results.json', import.meta.url));
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), ...report, rssSamples: rss }, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
  if (lost > 0 || duplicated > 0 || !cacheWithinBounds) process.exitCode = 1;
}

/** Least-squares slope of y over x. */
function regressionSlope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const num = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const den = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function formatReport(report: {
  durationS: number;
  clients: number;
  requests: number;
  served: number;
  throughput: number;
  errorsByCode: Record<string, number>;
  httpFailures: number;
  messages: Record<string, number>;
  rssMiB: { start?: number; end?: number; max: number; secondHalfSlopePerMinute: number };
  recordCache: Record<string, number>;
}): string {
  const f = (value: number | undefined, digits = 1) => (value === undefined ? 'n/a' : value.toFixed(digits));
  return [
    `soak: ${report.durationS} s, ${report.clients} concurrent clients, faults injected on every route`,
    `requests ${report.requests} (${f(report.throughput)}/s), answered without error ${report.served}, HTTP failures ${report.httpFailures}`,
    `errors by code: ${Object.entries(report.errorsByCode).sort().map(([code, count]) => `${code} ${count}`).join(', ') || 'none'}`,
    `messages: confirmed ${report.messages.confirmed}, reported failed ${report.messages.failedAsReported} ` +
      `(of which stored upstream after a lost answer: ${report.messages.failedButStoredUpstream}), lost ${report.messages.lost}, duplicated ${report.messages.duplicated}`,
    `gateway RSS MiB: start ${f(report.rssMiB.start)}, end ${f(report.rssMiB.end)}, max ${f(report.rssMiB.max)}, ` +
      `second-half trend ${f(report.rssMiB.secondHalfSlopePerMinute, 2)} MiB/min`,
    `record cache (sampled every second, ${report.recordCache.samples} samples): largest ${report.recordCache.largestEntries} entries (bound ${report.recordCache.maxEntries}), ` +
      `${f((report.recordCache.largestBytes ?? 0) / 1024)} KiB (bound ${f((report.recordCache.maxBytes ?? 0) / 1024)} KiB); ` +
      `hits ${report.recordCache.hits}, misses ${report.recordCache.misses}, evictions ${report.recordCache.evictions}, invalidated ${report.recordCache.invalidations}`,
  ].join('\n');
}

await main();

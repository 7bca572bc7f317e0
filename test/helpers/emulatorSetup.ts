import { startEmulator, type Emulator, type EmulatorCall } from '../../emulator/server.js';
import { DEMO_API_KEY } from '../../emulator/keys.js';
import { dialectUnderTest } from './dialect.js';
import { startGateway, type RunningGateway } from './startGateway.js';

interface Stack {
  emulator: Emulator;
  gateway: RunningGateway;
  stop(): Promise<void>;
}

/** The emulator and a gateway in front of it with the demo key, both on loopback. */
async function startStack(options: { apiKey?: string; latencyMs?: number } = {}): Promise<Stack> {
  const emulator = await startEmulator({ latencyMs: options.latencyMs ?? 0, dialect: dialectUnderTest() });
  const gateway = await startGateway({ baseUrl: emulator.url, apiKey: options.apiKey ?? DEMO_API_KEY });
  return {
    emulator,
    gateway,
    async stop() {
      await gateway.stop();
      await emulator.stop();
    },
  };
}

/** The running stack of a test file, readable once its `beforeAll` has run. */
export interface UsedStack {
  readonly emulator: Emulator;
  readonly gateway: RunningGateway;
  readonly url: string;
}

/**
 * Starts a stack for the test file (stopped after it) and, before each test, either resets the
 * emulator's data (`reset`: tests that write) or clears its faults and call log (`calls`); either
 * way each test starts with an empty record cache, so that its call counts are a first read's.
 */
export function useStack(between: 'reset' | 'calls', options: { apiKey?: string; latencyMs?: number } = {}): UsedStack {
  let running: Stack | null = null;
  const started = (): Stack => {
    if (!running) throw new Error('the stack starts in beforeAll');
    return running;
  };
  beforeAll(async () => {
    running = await startStack(options);
  });
  afterAll(() => running?.stop());
  beforeEach(() => {
    const { emulator, gateway } = started();
    gateway.forgetRecords();
    if (between === 'reset') emulator.reset();
    else {
      emulator.setFaults([]);
      emulator.resetCalls();
    }
  });
  return {
    get emulator() {
      return started().emulator;
    },
    get gateway() {
      return started().gateway;
    },
    get url() {
      return started().gateway.url;
    },
  };
}

/**
 * `GET /crm/objects/case?...` style summaries, for asserting which calls a query made. `select` and
 * `relations` joined with `|` (ACQUIRE_LIST_PARAMS=pipe) are written repeated, as the default
 * dialect sends them, so that one expectation holds under both.
 */
export function callLines(calls: readonly EmulatorCall[]): string[] {
  return calls.map((call) => `${call.method} ${call.path}${call.query ? `?${decodeURIComponent(repeatedLists(call.query))}` : ''}`);
}

function repeatedLists(query: string): string {
  const params = new URLSearchParams(query);
  if (![...params].some(([name, value]) => (name === 'select' || name === 'relations') && value.includes('|'))) return query;
  const written = new URLSearchParams();
  for (const [name, value] of params) {
    for (const part of name === 'select' || name === 'relations' ? value.split('|') : [value]) written.append(name, part);
  }
  return written.toString();
}

export function countCalls(calls: readonly EmulatorCall[], method: string, pathPattern: RegExp): number {
  return calls.filter((call) => call.method === method && pathPattern.test(call.path)).length;
}

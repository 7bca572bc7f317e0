import { startEmulator, type Emulator, type EmulatorCall } from '../../emulator/server.js';
import { DEMO_API_KEY } from '../../emulator/keys.js';
import { startGateway, type RunningGateway } from './startGateway.js';

export interface Stack {
  emulator: Emulator;
  gateway: RunningGateway;
  stop(): Promise<void>;
}

/** The emulator and a gateway in front of it with the demo key, both on loopback. */
export async function startStack(options: { apiKey?: string; latencyMs?: number } = {}): Promise<Stack> {
  const emulator = await startEmulator({ latencyMs: options.latencyMs ?? 0 });
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

/** `GET /crm/objects/case?...` style summaries, for asserting which calls a query made. */
export function callLines(calls: readonly EmulatorCall[]): string[] {
  return calls.map((call) => `${call.method} ${call.path}${call.query ? `?${decodeURIComponent(call.query)}` : ''}`);
}

export function countCalls(calls: readonly EmulatorCall[], method: string, pathPattern: RegExp): number {
  return calls.filter((call) => call.method === method && pathPattern.test(call.path)).length;
}

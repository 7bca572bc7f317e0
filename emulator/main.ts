/** Runs the emulator as a process: `PORT` (default 4010), `EMULATOR_LATENCY_MS` (default 0). */
import { DEMO_API_KEY, startEmulator } from './server.js';

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

const emulator = await startEmulator({
  port: numberFromEnv('PORT', 4010),
  latencyMs: numberFromEnv('EMULATOR_LATENCY_MS', 0),
});
console.log(`Acquire API emulator listening on ${emulator.url} (API key: ${DEMO_API_KEY})`);

const shutdown = (): void => {
  emulator.stop().catch((error: unknown) => {
    console.error('Acquire API emulator failed to stop', error);
    process.exitCode = 1;
  });
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

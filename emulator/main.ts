/** Runs the emulator as a process, configured by the environment (envOptions.ts; README). */
import { emulatorOptionsFromEnv } from './envOptions.js';
import { DEMO_API_KEY, startEmulator } from './server.js';

const emulator = await startEmulator(emulatorOptionsFromEnv(process.env));
console.log(`Acquire API emulator listening on ${emulator.url} (API key: ${DEMO_API_KEY})`);

const shutdown = (): void => {
  emulator.stop().catch((error: unknown) => {
    console.error('Acquire API emulator failed to stop', error);
    process.exitCode = 1;
  });
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

/** The options of `npm run emulator`, read from the environment; a bad value stops the start with a clear message. */
import { DATA_PROFILES, type DataProfile } from './seedThreads.js';
import type { EmulatorOptions } from './server.js';

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number | undefined, min = 0): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return value;
}

function profile(env: Env): DataProfile | undefined {
  const raw = env['EMULATOR_PROFILE'];
  if (raw === undefined || raw === '') return undefined;
  if (!(DATA_PROFILES as readonly string[]).includes(raw)) throw new Error(`EMULATOR_PROFILE must be one of ${DATA_PROFILES.join(', ')}, got "${raw}"`);
  return raw as DataProfile;
}

export function emulatorOptionsFromEnv(env: Env): EmulatorOptions {
  const options: EmulatorOptions = {
    port: integer(env, 'PORT', 4010) ?? 4010,
    latencyMs: integer(env, 'EMULATOR_LATENCY_MS', 0) ?? 0,
  };
  const dataProfile = profile(env);
  if (dataProfile) options.profile = dataProfile;
  const messagesPerCase = integer(env, 'EMULATOR_MESSAGES_PER_CASE', undefined, 2);
  if (messagesPerCase !== undefined) options.messagesPerCase = messagesPerCase;
  return options;
}

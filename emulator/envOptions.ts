/** The options of `npm run emulator`, read from the environment; a bad value stops the start with a clear message. */
import type { ActivityOptions } from './activity.js';
import { DIALECT_NAMES, type DialectName } from './dialect.js';
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

function text(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

const ACTIVITY_INTERVALS: readonly [keyof ActivityOptions, string][] = [
  ['replyEveryMs', 'EMULATOR_ACTIVITY_REPLY_MS'],
  ['newCaseEveryMs', 'EMULATOR_ACTIVITY_NEW_CASE_MS'],
  ['caseStatusEveryMs', 'EMULATOR_ACTIVITY_STATUS_MS'],
  ['agentStatusEveryMs', 'EMULATOR_ACTIVITY_AGENT_MS'],
];

/** `EMULATOR_ACTIVITY=on` turns the demo activity on (it is off by default), with optional intervals. */
function activity(env: Env): ActivityOptions | undefined {
  const raw = text(env, 'EMULATOR_ACTIVITY') ?? 'off';
  if (raw !== 'on' && raw !== 'off') throw new Error(`EMULATOR_ACTIVITY must be on or off, got "${raw}"`);
  if (raw === 'off') return undefined;
  const options: ActivityOptions = {};
  for (const [key, name] of ACTIVITY_INTERVALS) {
    const value = integer(env, name, undefined, 1);
    if (value !== undefined) Object.assign(options, { [key]: value });
  }
  return options;
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
  const url = text(env, 'EMULATOR_WEBHOOK_URL');
  const secret = text(env, 'EMULATOR_WEBHOOK_SECRET');
  if ((url === undefined) !== (secret === undefined)) throw new Error('Set EMULATOR_WEBHOOK_URL and EMULATOR_WEBHOOK_SECRET together');
  if (url !== undefined && secret !== undefined) options.webhook = { url, secret };
  const dialect = text(env, 'EMULATOR_DIALECT');
  if (dialect !== undefined) {
    if (!(DIALECT_NAMES as readonly string[]).includes(dialect)) throw new Error(`EMULATOR_DIALECT must be one of ${DIALECT_NAMES.join(', ')}, got "${dialect}"`);
    options.dialect = dialect as DialectName;
  }
  const busy = activity(env);
  if (busy) options.activity = busy;
  return options;
}

import { loadConfig } from '../../src/config.js';
import { createGateway, type GatewayOptions } from '../../src/server/createServer.js';
import { settingsOf, type GatewaySettings } from '../../src/server/settings.js';
import { accountEnv } from './dialect.js';

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql */
  url: string;
  /** The gateway's Prometheus text, as GET /metrics serves it. */
  metrics(): Promise<string>;
  /** Empties its record cache: what was read before the emulator's data was reset is not kept. */
  forgetRecords(): void;
  stop(): Promise<void>;
}

/** The value of one sample in Prometheus text (0 when absent), e.g. `live_subscriptions{field="caseEvents"}`. */
export function sample(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

/** What a test may set: the gateway's options, and any setting, the live ones one by one. */
export type TestGatewayOptions = Omit<Partial<GatewayOptions>, 'settings'> &
  Pick<GatewayOptions, 'baseUrl'> &
  Partial<Omit<GatewaySettings, 'live'>> & { live?: Partial<GatewaySettings['live']> };

const SETTING_NAMES = new Set<string>(Object.keys(settingsOf(loadConfig({}))));

/**
 * The settings a test gets: the configuration's defaults (as in production when it says
 * `production: true`, so introspection and the Sandbox follow) for the account dialect under test,
 * with its own on top.
 */
export function testSettings(options: Partial<Omit<GatewaySettings, 'live'>> & { live?: Partial<GatewaySettings['live']> }): GatewaySettings {
  const defaults = settingsOf(loadConfig({ ...accountEnv(), ...(options.production ? { NODE_ENV: 'production' } : {}) }));
  const own = Object.fromEntries(Object.entries(options).filter(([name]) => SETTING_NAMES.has(name) && name !== 'live'));
  return { ...defaults, timeoutMs: 5_000, ...own, live: { ...defaults.live, ...options.live } };
}

/** The gateway on an ephemeral loopback port, against the given upstream. */
export async function startGateway(options: TestGatewayOptions): Promise<RunningGateway> {
  const gateway = await createGateway({
    apiKey: undefined,
    // Any change to a record shared between requests then throws, and fails the test.
    freezeRecords: true,
    ...options,
    settings: testSettings(options),
  });
  const url = await gateway.listen(0, '127.0.0.1');
  return {
    url,
    metrics: async () => (await fetch(url.replace(/\/graphql$/, '/metrics'))).text(),
    forgetRecords: () => gateway.forgetRecords(),
    stop: () => gateway.stop(),
  };
}

import { createGateway, type GatewayOptions } from '../../src/server/createServer.js';

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql */
  url: string;
  /** The gateway's Prometheus text, as GET /metrics serves it. */
  metrics(): Promise<string>;
  stop(): Promise<void>;
}

/** The value of one sample in Prometheus text (0 when absent), e.g. `live_subscriptions{field="caseEvents"}`. */
export function sample(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

/** The gateway on an ephemeral loopback port, against the given upstream. */
export async function startGateway(
  options: Partial<GatewayOptions> & Pick<GatewayOptions, 'baseUrl'>,
): Promise<RunningGateway> {
  const gateway = await createGateway({
    apiKey: undefined,
    timeoutMs: 5_000,
    maxConcurrentUpstreamCalls: 40,
    production: false,
    // Any change to a record shared between requests then throws, and fails the test.
    freezeRecords: true,
    ...options,
  });
  const url = await gateway.listen(0, '127.0.0.1');
  return {
    url,
    metrics: async () => (await fetch(url.replace(/\/graphql$/, '/metrics'))).text(),
    stop: () => gateway.stop(),
  };
}

/**
 * One gateway under test, in its own process so that its CPU and memory are its own:
 * `BENCH_STRATEGY` (planned | naive), `ACQUIRE_BASE_URL`, `ACQUIRE_API_KEY`. Prints its URL.
 */
import type { Strategy } from '../src/server/context.js';
import { createGateway, gatewaySettings } from '../src/server/createServer.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/server/logger.js';

const config = loadConfig();
if (!config.upstream) throw new Error('Set ACQUIRE_BASE_URL');
const strategy = (process.env.BENCH_STRATEGY ?? 'planned') as Strategy;
const gateway = await createGateway({
  ...gatewaySettings(config),
  baseUrl: config.upstream.baseUrl,
  apiKey: config.upstream.apiKey,
  // Logged as in production: the benchmark measures the gateway as it ships.
  logger: createLogger({ pretty: false, level: config.log.level }),
  strategy,
});
const url = await gateway.listen(0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ ready: true, url, pid: process.pid })}\n`);
process.once('SIGTERM', () => {
  void gateway.stop().then(() => process.exit(0));
});

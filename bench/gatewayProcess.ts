/**
 * One gateway under test, in its own process so that its CPU and memory are its own:
 * `BENCH_STRATEGY` (planned | naive), `ACQUIRE_BASE_URL`, `ACQUIRE_API_KEY`; `BENCH_COST_EXTENSION=off`
 * leaves `extensions.cost` out, for the cost section. Prints its URL.
 */
import { createGateway } from '../src/server/createServer.js';
import { settingsOf } from '../src/server/settings.js';
import { naiveContext } from './naive/context.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/server/ops/logger.js';

const config = loadConfig();
if (!config.upstream) throw new Error('Set ACQUIRE_BASE_URL');
const naive = process.env.BENCH_STRATEGY === 'naive';
const gateway = await createGateway({
  settings: naive ? { ...settingsOf(config), coalesceReads: false, shareOperations: false } : settingsOf(config),
  baseUrl: config.upstream.baseUrl,
  apiKey: config.upstream.apiKey,
  // Logged as in production: the benchmark measures the gateway as it ships.
  logger: createLogger({ pretty: false, level: config.log.level }),
  ...(naive ? { contextFactory: naiveContext } : {}),
  ...(process.env.BENCH_COST_EXTENSION === 'off' ? { costExtension: false } : {}),
});
const url = await gateway.listen(0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ ready: true, url, pid: process.pid })}\n`);
process.once('SIGTERM', () => {
  void gateway.stop().then(() => process.exit(0));
});

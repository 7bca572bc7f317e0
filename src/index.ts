/**
 * Entry point: configuration, then either the real Acquire API or, when none is configured, the
 * built-in emulator (demo mode), then the gateway.
 */
import { startEmulator, DEMO_API_KEY } from '../emulator/server.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createGateway, gatewaySettings } from './server/createServer.js';
import { createLogger, type Logger } from './server/logger.js';
import { installGracefulShutdown } from './server/shutdown.js';

async function upstreamOf(config: Config, logger: Logger) {
  if (config.upstream) {
    logger.info(`Acquire upstream: ${config.upstream.baseUrl}`, {
      apiKey: config.upstream.apiKey ? 'configured' : 'none: callers must send Authorization',
    });
    return { baseUrl: config.upstream.baseUrl, apiKey: config.upstream.apiKey, stop: async () => {} };
  }
  const emulator = await startEmulator();
  logger.info(
    `Acquire upstream: the built-in emulator at ${emulator.url} (demo mode: neither ACQUIRE_BASE_URL nor ACQUIRE_ACCOUNT_ID is set)`,
    { demoApiKey: DEMO_API_KEY },
  );
  return { baseUrl: emulator.url, apiKey: process.env.ACQUIRE_API_KEY?.trim() || DEMO_API_KEY, stop: () => emulator.stop() };
}

async function main(): Promise<void> {
  const logger = createLogger();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const upstream = await upstreamOf(config, logger);
  const gateway = await createGateway({ ...gatewaySettings(config), baseUrl: upstream.baseUrl, apiKey: upstream.apiKey, logger });
  const url = await gateway.listen(config.port);
  logger.info(`GraphQL gateway ready at ${url}`);
  installGracefulShutdown({
    logger,
    stop: async () => {
      await gateway.stop();
      await upstream.stop();
    },
  });
}

await main();

/**
 * Entry point: configuration, then either the real Acquire API or, when none is configured, the
 * built-in emulator (demo mode), then the gateway.
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { createGateway, gatewaySettings } from './server/createServer.js';
import { createLogger, type Logger } from './server/logger.js';
import { installGracefulShutdown } from './server/shutdown.js';
import { startTracing } from './server/tracing.js';

async function upstreamOf(config: Config, logger: Logger) {
  if (config.upstream) {
    logger.info(
      { serverKey: config.upstream.apiKey ? 'configured' : 'none: callers must send Authorization' },
      `Acquire upstream: ${config.upstream.baseUrl}`,
    );
    return { baseUrl: config.upstream.baseUrl, apiKey: config.upstream.apiKey, sandboxKey: undefined, stop: async () => {} };
  }
  // Loaded only in demo mode: a start-up against a real account never pays for the emulator.
  const { startEmulator, DEMO_API_KEY } = await import('../emulator/server.js');
  // A long-running demo keeps no call log, which would only grow.
  const emulator = await startEmulator({ recordCalls: false });
  logger.info(
    { demoKey: DEMO_API_KEY },
    `Acquire upstream: the built-in emulator at ${emulator.url} (demo mode: neither ACQUIRE_BASE_URL nor ACQUIRE_ACCOUNT_ID is set)`,
  );
  const apiKey = process.env.ACQUIRE_API_KEY?.trim() || DEMO_API_KEY;
  return {
    baseUrl: emulator.url,
    apiKey,
    // Only the public demo key goes into the Sandbox page; a real key set alongside the emulator never does.
    sandboxKey: apiKey === DEMO_API_KEY ? DEMO_API_KEY : undefined,
    stop: () => emulator.stop(),
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      createLogger().error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ pretty: config.log.pretty, level: config.log.level });
  const upstream = await upstreamOf(config, logger);
  const tracing = await startTracing(config.otlpTracesUrl);
  if (config.otlpTracesUrl) logger.info(`Tracing: spans go to ${config.otlpTracesUrl}`);
  const gateway = await createGateway({
    ...gatewaySettings(config),
    baseUrl: upstream.baseUrl,
    apiKey: upstream.apiKey,
    logger,
    tracer: tracing.tracer,
    ...(upstream.sandboxKey ? { sandboxKey: upstream.sandboxKey } : {}),
  });
  const url = await gateway.listen(config.port, config.host ?? undefined);
  logger.info(`GraphQL gateway ready at ${url} (health: /healthz, /readyz; metrics: ${gateway.metricsUrl()})`);
  installGracefulShutdown({
    logger,
    stop: async () => {
      await gateway.stop();
      await upstream.stop();
      await tracing.shutdown();
    },
  });
}

await main();

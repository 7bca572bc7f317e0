/**
 * Entry point: configuration, then either the real Acquire API or, when none is configured, the
 * built-in emulator (demo mode), then the gateway.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createGateway } from './server/createServer.js';
import { settingsOf } from './server/settings.js';
import type { ReadinessReport } from './server/intake/readiness.js';
import { createLogger, type Logger } from './server/ops/logger.js';
import { installGracefulShutdown } from './server/ops/shutdown.js';
import { startTracing } from './server/ops/tracing.js';

/**
 * The port the gateway will listen on, known before it listens: the demo's emulator must be told
 * where to send its webhooks when it starts. Port 0 (any) is resolved to a free port here.
 */
async function portFor(config: Config): Promise<number> {
  if (config.port !== 0) return config.port;
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, config.host ?? undefined, resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Where a process on this machine reaches the gateway's webhook route. */
function webhookUrl(host: string | null, port: number): string {
  const reachable = host === null || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}/webhooks/acquire`;
}

async function upstreamOf(config: Config, logger: Logger, port: number) {
  if (config.upstream) {
    logger.info(
      { serverKey: config.upstream.apiKey ? 'configured' : 'none: callers must send Authorization' },
      `Acquire upstream: ${config.upstream.baseUrl}`,
    );
    return { baseUrl: config.upstream.baseUrl, apiKey: config.upstream.apiKey, sandboxKey: undefined, webhookSecret: config.live.webhookSecret, stop: async () => {} };
  }
  // Loaded only in demo mode: a start-up against a real account never pays for the emulator.
  const { startEmulator, DEMO_API_KEY } = await import('../emulator/server.js');
  // The demo is live: the emulator signs a webhook for each of its changes with a secret that
  // only this process knows, and (unless DEMO_ACTIVITY=false) acts like a busy account.
  const webhookSecret = randomBytes(32).toString('hex');
  const emulator = await startEmulator({
    // A long-running demo keeps no call log, which would only grow.
    recordCalls: false,
    webhook: { url: webhookUrl(config.host, port), secret: webhookSecret, onFailure: (failure) => logger.warn(failure, 'demo webhook not delivered') },
    ...(config.live.demoActivity ? { activity: true } : {}),
  });
  logger.info(
    { demoKey: DEMO_API_KEY, activity: config.live.demoActivity ? 'on (DEMO_ACTIVITY=false turns it off)' : 'off' },
    `Acquire upstream: the built-in emulator at ${emulator.url} (demo mode: neither ACQUIRE_BASE_URL nor ACQUIRE_ACCOUNT_ID is set)`,
  );
  const apiKey = process.env.ACQUIRE_API_KEY?.trim() || DEMO_API_KEY;
  return {
    baseUrl: emulator.url,
    apiKey,
    // Only the public demo key goes into the Sandbox page; a real key set alongside the emulator never does.
    sandboxKey: apiKey === DEMO_API_KEY ? DEMO_API_KEY : undefined,
    webhookSecret,
    stop: () => emulator.stop(),
  };
}

/** What an operator does about a port the gateway cannot listen on, instead of Node's stack trace; null for any other failure. */
function portRefusal(error: unknown, config: Config): string | null {
  const failure = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (failure.code === 'EADDRNOTAVAIL') {
    return `Cannot listen on ${failure.address ?? config.host ?? '?'}: this machine has no such address. Set HOST to one of its own (127.0.0.1 for this machine only, 0.0.0.0 for every interface).`;
  }
  if (failure.code !== 'EADDRINUSE' && failure.code !== 'EACCES') return null;
  const setting = failure.port !== undefined && failure.port === config.metricsPort ? 'METRICS_PORT' : 'PORT';
  const on = `port ${failure.port ?? '?'}${failure.address ? ` of ${failure.address}` : ''}`;
  return failure.code === 'EADDRINUSE'
    ? `Cannot listen on ${on}: another process already does (a gateway still running?). Stop it, or set ${setting} to a free port (${setting}=0 picks one).`
    : `Cannot listen on ${on}: this user may not open ports below 1024. Set ${setting} to a higher port.`;
}

/** Says why the gateway cannot listen and exits, when it is a port or an address; rethrows anything else. */
function cannotListen(error: unknown, config: Config, logger: Logger): never {
  const refusal = portRefusal(error, config);
  if (!refusal) throw error;
  logger.error(refusal);
  process.exit(1);
}

/** Why /readyz answers 503 at start, in the words of the setting to check. */
function notReady(report: ReadinessReport, baseUrl: string): string {
  if (report.upstream === 'key rejected') return `Acquire at ${baseUrl} refused ACQUIRE_API_KEY (${report.detail}). /readyz answers 503 until it accepts a key.`;
  if (report.upstream === 'unavailable') {
    return `Acquire at ${baseUrl} did not answer (${report.detail}). Check ACQUIRE_ACCOUNT_ID or ACQUIRE_BASE_URL and the network; /readyz answers 503 until it answers.`;
  }
  const backplane = report.backplane;
  return `Redis at ${backplane?.target ?? 'REDIS_URL'} is not connected (${backplane?.lastError ?? 'connecting'}) and LIVE_READY_REQUIRES_BACKPLANE is on; /readyz answers 503 until it connects.`;
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
  let port: number;
  try {
    port = await portFor(config);
  } catch (error) {
    cannotListen(error, config, logger);
  }
  const upstream = await upstreamOf(config, logger, port);
  const tracing = await startTracing(config.otlpTracesUrl);
  if (config.otlpTracesUrl) logger.info(`Tracing: spans go to ${config.otlpTracesUrl}`);
  let gateway: Awaited<ReturnType<typeof createGateway>>;
  try {
    gateway = await createGateway({
      settings: { ...settingsOf(config), live: { ...config.live, webhookSecret: upstream.webhookSecret } },
      baseUrl: upstream.baseUrl,
      apiKey: upstream.apiKey,
      logger,
      tracer: tracing.tracer,
      ...(upstream.sandboxKey ? { sandboxKey: upstream.sandboxKey } : {}),
    });
  } catch (error) {
    // What the configuration points at (the manifest of trusted documents) is checked here.
    if (!(error instanceof ConfigError)) throw error;
    logger.error(`Configuration error: ${error.message}`);
    await upstream.stop();
    process.exit(2);
  }
  let url: string;
  try {
    url = await gateway.listen(port, config.host ?? undefined);
  } catch (error) {
    cannotListen(error, config, logger);
  }
  // Before the line that tells a supervisor it may signal us: a signal that came between the
  // line and the handlers would kill the process without draining.
  installGracefulShutdown({
    logger,
    stop: async () => {
      await gateway.stop();
      await upstream.stop();
      await tracing.shutdown();
    },
  });
  // "Ready" only when it is: a gateway whose upstream does not answer says so and says why, once,
  // rather than at each caller's first request.
  const report = await gateway.readiness().catch(
    (error: unknown): ReadinessReport => ({ ready: false, upstream: 'unavailable', detail: error instanceof Error ? error.message : String(error), checkedAt: new Date().toISOString() }),
  );
  const where = `at ${url} (health: /healthz, /readyz; metrics: ${gateway.metricsUrl()})`;
  if (report.ready) logger.info(`GraphQL gateway ready ${where}`);
  else logger.error({ upstream: report.upstream, detail: report.detail }, `GraphQL gateway listening ${where}, but NOT ready: ${notReady(report, upstream.baseUrl)}`);
}

await main();

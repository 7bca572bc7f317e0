/**
 * SIGTERM (and SIGINT): stop accepting, let in-flight requests finish within the grace period
 * (the drain plugin then closes what is left), release upstream resources, exit 0. A second
 * signal exits at once.
 */
import type { EventEmitter } from 'node:events';
import type { Logger } from './logger.js';

export interface ShutdownOptions {
  /** Stops the gateway and whatever it runs on; resolves when in-flight work is done. */
  stop: () => Promise<void>;
  logger: Logger;
  signals?: readonly NodeJS.Signals[];
  /** The process, or a stand-in in tests. */
  emitter?: Pick<EventEmitter, 'once'>;
  exit?: (code: number) => void;
}

export function installGracefulShutdown(options: ShutdownOptions): void {
  const { stop, logger, signals = ['SIGTERM', 'SIGINT'], emitter = process, exit = (code) => process.exit(code) } = options;
  let stopping = false;
  const onSignal = (signal: string): void => {
    if (stopping) {
      logger.info(`${signal} again: exiting now`);
      exit(1);
      return;
    }
    stopping = true;
    const startedAt = Date.now();
    logger.info(`${signal}: no longer accepting requests, finishing the ones in flight`);
    stop().then(
      () => {
        logger.info({ durationMs: Date.now() - startedAt }, 'stopped');
        exit(0);
      },
      (error: unknown) => {
        logger.error({ error: error instanceof Error ? error.message : String(error) }, 'failed to stop cleanly');
        exit(1);
      },
    );
  };
  for (const signal of signals) {
    const listen = (): void => {
      emitter.once(signal, () => {
        listen();
        onSignal(signal);
      });
    };
    listen();
  }
}

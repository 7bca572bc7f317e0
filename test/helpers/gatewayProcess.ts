import { fileURLToPath } from 'node:url';
import { spawnTied } from '../../bench/tiedProcess.js';

const ENTRY = fileURLToPath(new URL('../../dist/src/index.js', import.meta.url));

export interface LogLine {
  msg: string;
  [key: string]: unknown;
}

export interface GatewayProcess {
  /** The GraphQL endpoint from the "ready at" (or "listening at … NOT ready") log line. */
  url: string;
  /** Where this process serves /metrics (its own port when METRICS_PORT is set), from the same line. */
  metricsUrl: string;
  pid: number;
  /** Every JSON log line so far. */
  lines: LogLine[];
  /** The first log line that matches, waiting up to 5 s for it (lines arrive through a pipe, after the answer). */
  waitForLine(match: (line: LogLine) => boolean): Promise<LogLine>;
  /** Its Prometheus text, as an operator's scraper reads it. */
  metrics(): Promise<string>;
  /** Null while the process runs; its exit code (or signal) once it has exited. */
  exited(): number | string | null;
  /** SIGTERM (SIGKILL 15 s later if it has not exited); resolves to the exit code, null when killed. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /** How long it may take to say it is ready before it is killed and the start fails (default 30 s, for loaded machines). */
  readyWithinMs?: number;
}

/**
 * The built gateway (`npm test` builds first) as its own process, as `npm start` runs it, with
 * JSON logs and only the environment given (plus PATH). It dies with the test process, so a test
 * file cut short leaves no gateway running; a start that fails or hangs kills it at once.
 */
export async function startGatewayProcess(env: Record<string, string>, options: StartOptions = {}): Promise<GatewayProcess> {
  const child = spawnTied(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const watchers = new Set<() => void>();
  let exit: number | string | null = null;
  const exitedPromise = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = code ?? signal ?? 'unknown';
      resolve(code);
    }),
  );
  let buffered = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const readyWithinMs = options.readyWithinMs ?? 30_000;
  let ready: { url: string; metricsUrl: string };
  try {
    ready = await new Promise<{ url: string; metricsUrl: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the gateway was not ready within ${readyWithinMs} ms:\n${buffered}${stderr}`)), readyWithinMs);
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`the gateway exited early:\n${buffered}${stderr}`));
      });
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const complete = buffered.split('\n');
        buffered = complete.pop() ?? '';
        for (const line of complete) {
          let entry: LogLine;
          try {
            entry = JSON.parse(line) as LogLine;
          } catch {
            entry = { msg: line };
          }
          lines.push(entry);
          for (const watcher of watchers) watcher();
          const found = /(?:ready|listening) at (http:\/\/\S+\/graphql) .*metrics: (http:\/\/\S+\/metrics)/.exec(entry.msg);
          if (found) {
            clearTimeout(timer);
            resolve({ url: found[1]!, metricsUrl: found[2]! });
          }
        }
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exitedPromise;
    throw error;
  }
  return {
    ...ready,
    pid: child.pid!,
    lines,
    exited: () => exit,
    metrics: async () => (await fetch(ready.metricsUrl)).text(),
    waitForLine(match) {
      return new Promise((resolve, reject) => {
        const found = lines.find(match);
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error('no such log line within 5 s'));
        }, 5_000);
        const check = (): void => {
          const line = lines.find(match);
          if (!line) return;
          clearTimeout(timer);
          watchers.delete(check);
          resolve(line);
        };
        watchers.add(check);
      });
    },
    async stop() {
      if (exit === null) child.kill('SIGTERM');
      // A process stuck on a hostile request never hears SIGTERM; it must not outlive the test run.
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      try {
        return await exitedPromise;
      } finally {
        clearTimeout(kill);
      }
    },
  };
}

/**
 * Two replicas (or more), one environment each, started side by side; if one fails to start, the
 * others are stopped before the failure is thrown.
 */
export async function startReplicas(...envs: Array<Record<string, string>>): Promise<GatewayProcess[]> {
  const started = await Promise.allSettled(envs.map((env) => startGatewayProcess(env)));
  const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  const running = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  if (failed) {
    await Promise.allSettled(running.map((replica) => replica.stop()));
    throw failed.reason;
  }
  return running;
}

/**
 * Stops the replicas and then what they stood on (an emulator, a Redis), whatever fails on the
 * way; resolves to each replica's exit, for a file to fail on a replica that did not stop cleanly.
 */
export async function stopReplicas(
  replicas: ReadonlyArray<GatewayProcess | undefined>,
  ...beneath: ReadonlyArray<{ stop(): Promise<unknown> } | undefined>
): Promise<Array<PromiseSettledResult<number | null>>> {
  const exits = await Promise.allSettled(replicas.filter((replica) => replica !== undefined).map((replica) => replica.stop()));
  for (const part of beneath) await part?.stop();
  return exits;
}


import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../dist/src/index.js', import.meta.url));

export interface LogLine {
  msg: string;
  [key: string]: unknown;
}

export interface GatewayProcess {
  /** The GraphQL endpoint from the "ready at" log line. */
  url: string;
  /** Every JSON log line so far. */
  lines: LogLine[];
  /** The first log line that matches, waiting up to 5 s for it (lines arrive through a pipe, after the answer). */
  waitForLine(match: (line: LogLine) => boolean): Promise<LogLine>;
  /** Null while the process runs; its exit code (or signal) once it has exited. */
  exited(): number | string | null;
  /** SIGTERM; resolves to the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The built gateway (`npm test` builds first) as its own process, as `npm start` runs it, with
 * JSON logs and only the environment given (plus PATH).
 */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [ENTRY], {
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
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', () => reject(new Error(`the gateway exited early:\n${buffered}${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) {
        const entry = JSON.parse(line) as LogLine;
        lines.push(entry);
        for (const watcher of watchers) watcher();
        const ready = /ready at (http:\/\/\S+\/graphql)/.exec(entry.msg);
        if (ready) resolve(ready[1]!);
      }
    });
  });
  return {
    url,
    lines,
    exited: () => exit,
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
      return exitedPromise;
    },
  };
}

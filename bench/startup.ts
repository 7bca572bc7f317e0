/**
 * Idle memory after a production start: the entry point (`dist/src/index.js`) as `npm start` runs
 * it, with NODE_ENV=production and an upstream configured, measured once it says it is ready and
 * has sat idle for a moment. Ours, and an earlier version's when BENCH_BASELINE_DIR names one.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { rssMiB } from './processes.js';

export interface StartupRun {
  gateway: string;
  /** From spawning to the "ready" log line. */
  startMs: number;
  idleRssMiB: number;
}

const IDLE_MS = 3_000;

const READY_WITHIN_MS = 60_000;

async function measureStartup(gateway: string, entryPoint: string, env: Record<string, string>): Promise<StartupRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [entryPoint], {
    env: { ...process.env, NODE_ENV: 'production', LOG_FORMAT: 'json', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const startMs = await new Promise<number>((resolve, reject) => {
      let output = '';
      setTimeout(() => reject(new Error(`${gateway} was not ready within ${READY_WITHIN_MS} ms`)), READY_WITHIN_MS).unref();
      child.once('exit', (code) => reject(new Error(`${gateway} exited with ${code} before it was ready`)));
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('GraphQL gateway ready at')) resolve(performance.now() - started);
      });
    });
    child.stdout.resume();
    await sleep(IDLE_MS);
    return { gateway, startMs, idleRssMiB: rssMiB(child.pid ?? 0) };
  } finally {
    child.removeAllListeners('exit');
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    }
  }
}

export async function runStartup(entryPoints: Record<string, string>, env: Record<string, string>): Promise<StartupRun[]> {
  const runs: StartupRun[] = [];
  for (const [gateway, entryPoint] of Object.entries(entryPoints)) {
    process.stderr.write(`bench: idle memory after a production start, ${gateway}…\n`);
    runs.push(await measureStartup(gateway, entryPoint, env));
  }
  return runs;
}

export function formatStartup(runs: readonly StartupRun[]): string {
  const ours = runs.find((run) => run.gateway === 'ours');
  const lines = runs.map((run) => {
    const ratio = ours && run !== ours ? `   ours/${run.gateway} ${(ours.idleRssMiB / run.idleRssMiB).toFixed(2)}x` : '';
    return `${run.gateway.padEnd(12)} idle RSS ${run.idleRssMiB.toFixed(1).padStart(6)} MiB   ready in ${run.startMs.toFixed(0).padStart(5)} ms${ratio}`;
  });
  return [`idle memory ${IDLE_MS / 1000} s after a production start (NODE_ENV=production, npm start's entry point, a real upstream URL)`, ...lines].join('\n');
}

/** Child processes of the benchmark: gateways under test and load generators. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadConfig, LoadResult } from './load.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export interface GatewayProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a gateway process (`bench/gatewayProcess` by default, or a script given by its path, such
 * as an earlier version's) and waits for the URL it prints.
 */
export function startGatewayProcess(env: Record<string, string>, script = './gatewayProcess.js'): Promise<GatewayProcess> {
  const path = script.startsWith('.') ? here(script) : script;
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), path], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((text) => text.startsWith('{"ready":true'));
      if (!line) return;
      const { url, pid } = JSON.parse(line) as { url: string; pid: number };
      child.removeAllListeners('exit');
      // From here on its stdout is request logs: keep reading, or a full pipe would stall it.
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve({
        url,
        pid,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Runs the load generator in a second process and returns its result. */
export function runLoad(config: LoadConfig): Promise<LoadResult> {
  // The configuration goes on stdin: with reference answers it is too large for argv.
  const child = spawn(process.execPath, [here('./load.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify(config));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(output) as LoadResult);
      else reject(new Error(`load generator exited with ${code}`));
    });
  });
}

/** Linux: forget a process's peak RSS so that the next reading covers only what follows. */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux, or not allowed: the peak then covers the process's whole life.
  }
}

/** Peak resident memory of a process in MiB (Linux VmHWM), or NaN where unknown. */
export function peakRssMiB(pid: number): number {
  return statusMiB(pid, 'VmHWM');
}

/** Resident memory of a process now, in MiB (Linux VmRSS), or NaN where unknown. */
export function rssMiB(pid: number): number {
  return statusMiB(pid, 'VmRSS');
}

function statusMiB(pid: number, field: string): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

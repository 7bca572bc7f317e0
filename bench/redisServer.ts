/**
 * A real Redis (Debian's `redis-server`, which .ci/run installs) on a free loopback port, without
 * persistence, for one test file; `stop` ends that process, by its pid, and it dies with the process
 * that started it.
 */
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnTied } from './tiedProcess.js';

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A port nothing listens on now: taken from the system, then given back. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

export async function startRedis(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  const child: ChildProcess = spawnTied('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let failure = '';
  child.stderr?.on('data', (chunk: Buffer) => (failure += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => (failure += error.message));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await answersPing(chosen)) {
      return {
        url: `redis://127.0.0.1:${chosen}`,
        port: chosen,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null || failure.includes('ENOENT')) break;
    await sleep(50);
  }
  if (child.exitCode === null) child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${chosen} (is Debian's redis-server installed? .ci/run installs it): ${failure}`);
}

/**
 * The built entry point as `npm start` runs it (npm test builds first): demo mode on the emulator,
 * said in the first log line; a query; SIGTERM drains and exits 0. A start that cannot serve says
 * why in words: a port in use, an upstream that does not answer or refuses the key.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../bench/redisServer.js';
import { startGatewayProcess } from '../helpers/gatewayProcess.js';
import { graphql } from '../helpers/graphql.js';
import { startScriptedUpstream } from '../helpers/scriptedUpstream.js';

const ENTRY = fileURLToPath(new URL('../../dist/src/index.js', import.meta.url));

it('starts on the emulator without configuration, answers, and stops cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<{ msg: string; [key: string]: unknown }> = [];
  let buffered = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', () => reject(new Error(`exited early:\n${buffered}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) {
        const entry = JSON.parse(line) as { msg: string };
        lines.push(entry);
        const ready = /(?:ready|listening) at (http:\/\/\S+\/graphql)/.exec(entry.msg);
        if (ready) resolve(ready[1]!);
      }
    });
  });
  expect(lines[0]?.msg).toMatch(/^Acquire upstream: the built-in emulator at http:\/\/127\.0\.0\.1:\d+\/api\/v1 \(demo mode/);

  const result = await graphql(url, '{ cases(first: 3) { totalCount nodes { id title contact { id name } messages { text } } } }');
  expect(result.errors).toBeUndefined();
  expect(result.data.cases.totalCount).toBeGreaterThanOrEqual(200);

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const messages = lines.map((line) => line.msg);
  expect(messages).toContain('stopped');
  expect(messages.some((message) => message.includes('again'))).toBe(false);
}, 30_000);

/** The entry point run with `env` until it exits (a start that must fail): its exit code, log messages and stderr. */
async function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; messages: string[]; stderr: string }> {
  const child = spawn(process.execPath, [ENTRY], { env: { PATH: process.env.PATH, LOG_FORMAT: 'json', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  const messages = stdout.trim().split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg);
  return { code, messages, stderr };
}

it('a port in use is one line naming the port and the setting, exit 1, no stack trace', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as net.AddressInfo;
  try {
    const { code, messages, stderr } = await runUntilExit({ PORT: String(port), HOST: '127.0.0.1' });
    expect(code).toBe(1);
    expect(messages.at(-1)).toBe(`Cannot listen on port ${port} of 127.0.0.1: another process already does (a gateway still running?). Stop it, or set PORT to a free port (PORT=0 picks one).`);
    expect(stderr).toBe('');
  } finally {
    holder.close();
  }
}, 30_000);

it('a HOST this machine does not have is one line naming HOST, exit 1, no stack trace', async () => {
  // 192.0.2.1 is TEST-NET-1 (RFC 5737): documentation only, on no machine.
  const { code, messages, stderr } = await runUntilExit({ PORT: '0', HOST: '192.0.2.1', DEMO_ACTIVITY: 'false' });
  expect(code).toBe(1);
  expect(messages.at(-1)).toMatch(/^Cannot listen on 192\.0\.2\.1: this machine has no such address\. Set HOST/);
  expect(stderr).toBe('');
}, 30_000);

it('an upstream that does not answer: "listening … NOT ready" with the reason and the settings to check, never "ready"; /readyz agrees', async () => {
  const baseUrl = `http://127.0.0.1:${await freePort()}/api/v1`;
  const gateway = await startGatewayProcess({ ACQUIRE_BASE_URL: baseUrl, ACQUIRE_API_KEY: 'server-key-0123456789' });
  try {
    const line = gateway.lines.find((entry) => entry.msg.startsWith('GraphQL gateway listening at'))!;
    expect(line.msg).toContain(`NOT ready: Acquire at ${baseUrl} did not answer (`);
    expect(line.msg).toContain('Check ACQUIRE_ACCOUNT_ID or ACQUIRE_BASE_URL');
    expect(line.level).toBe('error');
    expect(gateway.lines.some((entry) => entry.msg.includes('gateway ready'))).toBe(false);
    const readyz = await fetch(new URL('/readyz', gateway.url));
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ ready: false, upstream: 'unavailable' });
  } finally {
    expect(await gateway.stop()).toBe(0);
  }
}, 60_000);

it('a key Acquire refuses: "NOT ready" naming ACQUIRE_API_KEY; a key it accepts: "ready"', async () => {
  const upstream = await startScriptedUpstream((call) =>
    call.authorization === 'Bearer good-key-0123456789' ? { body: { data: [] } } : { status: 401, body: { error: 'Unauthorized' } },
  );
  try {
    const refused = await startGatewayProcess({ ACQUIRE_BASE_URL: upstream.url, ACQUIRE_API_KEY: 'wrong-key-0123456789' });
    try {
      const line = refused.lines.find((entry) => entry.msg.startsWith('GraphQL gateway listening at'))!;
      expect(line.msg).toContain(`NOT ready: Acquire at ${upstream.url} refused ACQUIRE_API_KEY`);
      expect((await fetch(new URL('/readyz', refused.url))).status).toBe(503);
    } finally {
      expect(await refused.stop()).toBe(0);
    }
    const accepted = await startGatewayProcess({ ACQUIRE_BASE_URL: upstream.url, ACQUIRE_API_KEY: 'good-key-0123456789' });
    try {
      expect(accepted.lines.some((entry) => entry.msg.startsWith('GraphQL gateway ready at'))).toBe(true);
      expect((await fetch(new URL('/readyz', accepted.url))).status).toBe(200);
    } finally {
      expect(await accepted.stop()).toBe(0);
    }
  } finally {
    await upstream.stop();
  }
}, 60_000);

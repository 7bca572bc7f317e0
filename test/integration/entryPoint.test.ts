/**
 * The built entry point as `npm start` runs it (npm test builds first): demo mode on the emulator,
 * said in the first log line; a query; SIGTERM drains and exits 0.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { graphql } from '../helpers/graphql.js';

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
        const ready = /ready at (http:\/\/\S+\/graphql)/.exec(entry.msg);
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

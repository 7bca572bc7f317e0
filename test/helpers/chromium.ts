/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol, with nothing but `ws`:
 * open a page, evaluate in it, wait for what a person would see, record every request it makes,
 * take a screenshot. Every host but loopback resolves to nowhere, so a page that tried to reach
 * the internet would fail visibly, and the requests are recorded either way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export interface BrowserPage {
  /** Every URL the page requested (documents, scripts, styles, fetches, WebSockets), in order. */
  readonly requests: string[];
  /** Console messages and uncaught exceptions, for a failure's message. */
  readonly console: string[];
  navigate(url: string): Promise<void>;
  evaluate<T>(expression: string): Promise<T>;
  /** Evaluates `expression` every 100 ms until it is truthy; fails with `what` after `timeoutMs`. */
  waitFor(what: string, expression: string, timeoutMs?: number): Promise<void>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export async function openPage(): Promise<BrowserPage> {
  if (!CHROMIUM) throw new Error('Chromium is not installed');
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      '--window-size=1400,900',
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      'about:blank',
    ],
    // A process group of its own: its helper processes (renderer, GPU, crash handler) go with it.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const browserUrl = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${text}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const found = /DevTools listening on (ws:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', () => reject(new Error(`Chromium exited:\n${text}`)));
  });
  const port = new URL(browserUrl).port;
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ type: string; webSocketDebuggerUrl: string }>;
  const target = targets.find((candidate) => candidate.type === 'page');
  if (!target) throw new Error('Chromium shows no page');
  const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Array<(params: any) => void>>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: unknown };
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params);
    }
  });
  const send = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const on = (method: string, listener: (params: any) => void): void => {
    listeners.set(method, [...(listeners.get(method) ?? []), listener]);
  };
  const requests: string[] = [];
  const consoleLines: string[] = [];
  on('Network.requestWillBeSent', (params) => requests.push(params.request.url));
  on('Network.webSocketCreated', (params) => requests.push(params.url));
  on('Runtime.consoleAPICalled', (params) => consoleLines.push(`${params.type}: ${params.args.map((arg: { value?: unknown; description?: string }) => arg.value ?? arg.description).join(' ')}`));
  on('Runtime.exceptionThrown', (params) => consoleLines.push(`exception: ${params.exceptionDetails.exception?.description ?? params.exceptionDetails.text}`));
  on('Log.entryAdded', (params) => consoleLines.push(`${params.entry.level}: ${params.entry.text}`));
  await Promise.all([send('Network.enable'), send('Page.enable'), send('Runtime.enable'), send('Log.enable')]);

  const evaluate = async <T>(expression: string): Promise<T> => {
    const result = await send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`${expression}: ${result.exceptionDetails.text}`);
    return result.result.value;
  };
  return {
    requests,
    console: consoleLines,
    async navigate(url) {
      const loaded = new Promise<void>((resolve) => on('Page.loadEventFired', () => resolve()));
      await send('Page.navigate', { url });
      await loaded;
    },
    evaluate,
    async waitFor(what, expression, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await evaluate<boolean>(`Boolean(${expression})`))) {
        if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}\nconsole:\n${consoleLines.join('\n')}`);
        await sleep(100);
      }
    },
    async screenshot() {
      const { data } = await send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      return Buffer.from(data, 'base64');
    },
    async close() {
      socket.close();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // Asked to close, Chromium ends its helper processes and lets go of the profile itself.
        const browser = new WebSocket(browserUrl, { perMessageDeflate: false });
        browser.once('open', () => browser.send(JSON.stringify({ id: 1, method: 'Browser.close' })));
        browser.once('error', () => {});
        const forced = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(forced);
        browser.terminate();
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

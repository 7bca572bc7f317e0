/**
 * The emulator's HTTP server: the Acquire REST API under /api/v1 (auth, latency, call log, routing)
 * and a few unauthenticated admin routes under /__emulator for tests and benchmarks in other processes.
 */
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ACCOUNTS } from './accounts.js';
import { ApiError, invalidInput } from './errors.js';
import { DIALECT_NAMES, DIALECTS, type Dialect, type DialectName } from './dialect.js';
import { Faults, type FaultRule } from './faults.js';
import { grantOf, type ApiKeyGrant } from './keys.js';
import { createLive } from './live.js';
import { isObject } from './query.js';
import { Router } from './router.js';
import { ROUTES } from './routes/index.js';
import { seedAccount } from './seed.js';
import { validDataOptions, type DataOptions, type DataProfile } from './seedThreads.js';
import { AccountStore } from './store.js';
import type { ActivityOptions, Activity } from './activity.js';
import type { WebhookConfig } from './webhooks.js';

export { DEMO_API_KEY, NO_CASE_ACCESS_API_KEY, OTHER_ACCOUNT_API_KEY } from './keys.js';
export type { FaultRule } from './faults.js';

export interface EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0. */
  latencyMs?: number;
  /** Keep the call log (default true); the gateway's demo mode, which runs for days, turns it off. */
  recordCalls?: boolean;
  /**
   * The data: 'default' (what the tests pin) or 'long-threads' (100 to 1,500 messages a case, about
   * 2% of cases 2,000 to 6,000), with realistic text sizes; see seedThreads.ts.
   */
  profile?: DataProfile;
  /** Every case gets exactly this many messages (at least 2), for like-for-like comparisons. */
  messagesPerCase?: number;
  /** How it answers where the docs allow two readings: `default` (what the tests pin) or `docs` (dialect.ts). */
  dialect?: DialectName;
  /** Send signed outbound webhooks for the account's changes (webhooks.ts). */
  webhook?: WebhookConfig;
  /** A busy demo account (activity.ts): `true` for the defaults, or the intervals; off when absent. */
  activity?: boolean | ActivityOptions;
}

export interface EmulatorCall {
  method: string;
  /** e.g. '/crm/objects/case/1003': without the /api/v1 prefix and without the query. */
  path: string;
  /** The raw query string without '?', '' if none. */
  query: string;
  /** The account of the key; null when unauthenticated. */
  account: string | null;
  /** 0 until the answer is sent, and for a connection reset by an injected fault. */
  status: number;
  /** Bytes of the answer's body; 0 until it is sent. */
  bytes: number;
  /** The caller's `x-request-id` header, so a caller can tell which of its requests made the call. */
  requestId: string | null;
  /** When the request arrived and when its answer was sent, in epoch milliseconds (sub-ms precision). */
  startedAt: number;
  finishedAt: number;
}

export interface Emulator {
  /** The base URL of the API, e.g. 'http://127.0.0.1:40123/api/v1'. */
  url: string;
  /** Every API request received, in arrival order. */
  calls: EmulatorCall[];
  resetCalls(): void;
  /** Re-seeds every account to its initial state and clears the calls. */
  reset(): void;
  setLatencyMs(ms: number): void;
  /** Faults to inject from now on, replacing earlier ones (see faults.ts); `[]` clears them. */
  setFaults(rules: readonly FaultRule[]): void;
  /** The demo activity: `tick()` runs one step of each kind; `start()`/`stop()` its timers. */
  activity: Activity;
  /** Resolves once every webhook delivery so far, retries included, is done. */
  webhooksIdle(): Promise<void>;
  /** Closes the server and its idle keep-alive sockets, stops the activity and abandons pending webhooks. */
  stop(): Promise<void>;
}

const API_PREFIX = '/api/v1';
const ADMIN_PREFIX = '/__emulator/';
const JSON_TYPE = 'application/json; charset=utf-8';
/** Routes behind Acquire's "case access" permission; snoozes too, since they hide conversations. */
const CASE_ACCESS_PATH = /^\/(crm\/objects\/case|crm\/messenger\/|crm\/follow-up\/|mail\/|voip\/)/;
const BEARER = /^Bearer (.+)$/;
const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const now = (): number => performance.timeOrigin + performance.now();

const routeNotFound = (method: string, path: string): ApiError =>
  new ApiError('ERROR_ROUTE_NOT_FOUND', `No route for ${method} ${path}`);

function serialise(payload: unknown): Buffer {
  return Buffer.from(JSON.stringify(payload), 'utf8');
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const body = serialise(payload);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': body.length });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidInput('The request body is not valid JSON');
  }
}

function isJsonType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function validLatency(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new RangeError('latencyMs must be a non-negative number');
  return ms;
}

function seedStores(data: DataOptions, dialect: Dialect): Map<string, AccountStore> {
  return new Map(ACCOUNTS.map((profile) => [profile.name, new AccountStore(seedAccount(profile, data), dialect)]));
}

function dialectOf(name: DialectName | undefined): Dialect {
  const dialect = DIALECTS[name ?? 'default'];
  if (!dialect) throw new RangeError(`dialect must be one of ${DIALECT_NAMES.join(', ')}`);
  return dialect;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  let latencyMs = validLatency(options.latencyMs ?? 0);
  const data = validDataOptions({
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.messagesPerCase === undefined ? {} : { messagesPerCase: options.messagesPerCase }),
  });
  const dialect = dialectOf(options.dialect);
  let stores = seedStores(data, dialect);
  const live = createLive({ webhook: options.webhook, activity: options.activity }, (account) => stores.get(account));
  live.connect(stores);
  const calls: EmulatorCall[] = [];
  const router = new Router(ROUTES);

  const resetCalls = (): void => {
    calls.length = 0;
  };
  const faults = new Faults();
  // Ends the waits of delayed calls when the emulator stops, so that stopping is prompt.
  const shuttingDown = new AbortController();
  // Every delayed call listens for it; hundreds at once are normal under load.
  setMaxListeners(0, shuttingDown.signal);
  const reset = (): void => {
    stores = seedStores(data, dialect);
    live.connect(stores);
    faults.clear();
    resetCalls();
  };

  /** The route's answer (status and serialised body), or the error it raised. */
  async function route(req: IncomingMessage, method: string, call: EmulatorCall, grant: ApiKeyGrant | undefined): Promise<[number, Buffer]> {
    try {
      if (!grant) throw new ApiError('ERROR_UNAUTHORIZED', 'Missing, incorrect or invalid API key');
      const path = call.path.length > 1 && call.path.endsWith('/') ? call.path.slice(0, -1) : call.path;
      if (!grant.caseAccess && CASE_ACCESS_PATH.test(path)) {
        throw new ApiError('ERROR_UNAUTHORIZED_ACCESS', 'This API key has no case access permission');
      }
      const match = router.match(method, path);
      if (!match) throw routeNotFound(method, path);
      const store = stores.get(grant.account);
      if (!store) throw new ApiError('ERROR_SERVER_ERROR', `No data for account ${grant.account}`);
      const body = BODY_METHODS.has(method) ? await readJson(req) : undefined;
      const data = match.handler({ store, query: new URLSearchParams(call.query), body, id: match.id });
      return [200, serialise({ data })];
    } catch (error) {
      if (error instanceof ApiError) return [error.status, serialise(error.toBody())];
      console.error('Acquire emulator: unexpected error', error);
      return [500, serialise(new ApiError('ERROR_SERVER_ERROR', 'Internal server error').toBody())];
    }
  }

  /**
   * The latency is the time to answer, as a client sees it: the work is done on arrival (writes
   * happen then), and the answer goes out `latencyMs` (plus any injected delay) after arrival,
   * however long the work took.
   */
  async function answerApi(req: IncomingMessage, res: ServerResponse, call: EmulatorCall): Promise<void> {
    const arrived = performance.now();
    const method = req.method ?? 'GET';
    const grant = grantOf(BEARER.exec(req.headers.authorization ?? '')?.[1] ?? '');
    call.account = grant?.account ?? null;
    const fault = faults.match(method, call.path);
    // A fault before the route leaves the state alone; `afterHandler` runs the route first, like
    // an upstream that did the work and then lost the answer.
    const skipRoute = fault && !fault.afterHandler && (fault.reset || fault.status !== undefined);
    const [status, body] = skipRoute ? [0, Buffer.alloc(0)] : await route(req, method, call, grant);
    const remaining = latencyMs + (fault?.delayMs ?? 0) - (performance.now() - arrived);
    if (remaining > 0) {
      try {
        await sleep(remaining, undefined, { signal: shuttingDown.signal });
      } catch {
        return;
      }
    }
    call.finishedAt = now();
    if (fault?.reset) {
      res.socket?.destroy();
      return;
    }
    if (fault?.status !== undefined) {
      call.status = fault.status;
      res.writeHead(fault.status, { 'content-type': fault.contentType ?? JSON_TYPE, ...fault.headers });
      res.end(fault.body ?? JSON.stringify(new ApiError('ERROR_SERVER_ERROR', 'Injected fault').toBody()));
      return;
    }
    call.status = status;
    call.bytes = body.length;
    res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': body.length });
    res.end(body);
  }

  async function answerAdmin(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const route = `${req.method ?? 'GET'} ${path}`;
    // Any web page can send a simple request (a form's POST, text/plain) to this machine's ports;
    // a JSON content type makes a browser ask first, and no origin is ever granted here, so no
    // page can reset the demo or inject faults.
    if (req.method !== 'GET' && req.method !== 'HEAD' && !isJsonType(req.headers['content-type'])) {
      return send(res, 415, invalidInput('Admin routes that change state take only JSON requests (content-type: application/json)').toBody());
    }
    try {
      switch (route) {
        case 'GET /__emulator/calls':
          return send(res, 200, calls);
        case 'DELETE /__emulator/calls': {
          const deleted = calls.length;
          resetCalls();
          return send(res, 200, { deleted });
        }
        case 'POST /__emulator/reset':
          reset();
          return send(res, 200, { reset: true });
        case 'PUT /__emulator/faults': {
          const body = await readJson(req);
          if (!Array.isArray(body)) throw invalidInput('Send a JSON array of fault rules');
          try {
            faults.set(body as FaultRule[]);
          } catch (error) {
            throw invalidInput(error instanceof Error ? error.message : 'Invalid fault rules');
          }
          return send(res, 200, { rules: body.length });
        }
        case 'DELETE /__emulator/faults':
          faults.clear();
          return send(res, 200, { rules: 0 });
        case 'PUT /__emulator/latency': {
          const body = await readJson(req);
          const ms = isObject(body) ? body['ms'] : undefined;
          if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw invalidInput('Send {"ms": <non-negative number>}');
          latencyMs = ms;
          return send(res, 200, { ms });
        }
        default:
          throw routeNotFound(req.method ?? 'GET', path);
      }
    } catch (error) {
      if (error instanceof ApiError) return send(res, error.status, error.toBody());
      throw error;
    }
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
    if (pathname.startsWith(ADMIN_PREFIX)) {
      answerAdmin(req, res, pathname).catch((error: unknown) => {
        console.error('Acquire emulator: admin route failed', error);
        send(res, 500, new ApiError('ERROR_SERVER_ERROR', 'Internal server error').toBody());
      });
      return;
    }
    if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) {
      send(res, 404, routeNotFound(req.method ?? 'GET', pathname).toBody());
      return;
    }
    const call: EmulatorCall = {
      method: req.method ?? 'GET',
      path: pathname.slice(API_PREFIX.length) || '/',
      query: queryStart === -1 ? '' : url.slice(queryStart + 1),
      account: null,
      status: 0,
      requestId: typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : null,
      startedAt: now(),
      finishedAt: 0,
      bytes: 0,
    };
    if (options.recordCalls !== false) calls.push(call);
    void answerApi(req, res, call);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let stopping: Promise<void> | null = null;
  live.start();

  return {
    url: `http://${urlHost}:${port}${API_PREFIX}`,
    calls,
    resetCalls,
    reset,
    setLatencyMs(ms: number): void {
      latencyMs = validLatency(ms);
    },
    setFaults(rules: readonly FaultRule[]): void {
      faults.set(rules);
    },
    activity: live.activity,
    webhooksIdle: live.idle,
    stop(): Promise<void> {
      stopping ??= new Promise<void>((resolve, reject) => {
        live.stop();
        server.close((error) => (error ? reject(error) : resolve()));
        shuttingDown.abort();
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

/** A small HTTP client for the emulator, over real sockets with global fetch. */
import { DEMO_API_KEY, startEmulator, type Emulator, type EmulatorOptions } from '../../../emulator/server.js';

/** Answers are explored freely in tests, so their JSON is untyped. */
export type Json = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Json;
}

export interface RequestOptions {
  /** The API key; null sends no Authorization header. */
  key?: string | null;
  method?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function request(baseUrl: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
  const { key = DEMO_API_KEY, method = options.json === undefined && options.rawBody === undefined ? 'GET' : 'POST' } = options;
  const headers: Record<string, string> = { ...options.headers };
  if (key !== null) headers['authorization'] = `Bearer ${key}`;
  let body: string | undefined;
  if (options.json !== undefined || options.rawBody !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.rawBody ?? JSON.stringify(options.json);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as Json) };
}

export interface TestEmulator {
  emulator: Emulator;
  /** GET (or POST with `json`) a path relative to /api/v1. */
  api(path: string, options?: RequestOptions): Promise<ApiResponse>;
  /** The `data` of a 200 answer; fails the test on any other status. */
  data(path: string, options?: RequestOptions): Promise<Json>;
  /** The emulator's origin, for the admin routes. */
  origin: string;
}

export async function startTestEmulator(options?: EmulatorOptions): Promise<TestEmulator> {
  const emulator = await startEmulator(options);
  const api = (path: string, requestOptions?: RequestOptions): Promise<ApiResponse> => request(emulator.url, path, requestOptions);
  return {
    emulator,
    api,
    async data(path, requestOptions) {
      const response = await api(path, requestOptions);
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body.data;
    },
    origin: new URL(emulator.url).origin,
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedCall {
  method: string;
  /** Without the /api/v1 prefix and the query. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  requestId: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface Reply {
  status?: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, instead of `body`. */
  raw?: string;
  contentType?: string;
  /** More response headers, e.g. `retry-after`. */
  headers?: Record<string, string>;
  delayMs?: number;
}

export type Script = (call: ScriptedCall) => Reply;

export interface ScriptedUpstream {
  /** Base URL, as ACQUIRE_BASE_URL would be. */
  url: string;
  calls: ScriptedCall[];
  /** What the next requests get. */
  script: Script;
  stop(): Promise<void>;
}

/**
 * A loopback stand-in for the Acquire API that answers whatever a test scripts and records
 * every call, for cases the emulator never produces (odd bodies, 5xx, unknown enum values).
 */
export async function startScriptedUpstream(script: Script): Promise<ScriptedUpstream> {
  const upstream: ScriptedUpstream = { url: '', calls: [], script, stop: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://upstream');
      const text = Buffer.concat(chunks).toString('utf8');
      const call: ScriptedCall = {
        method: req.method ?? 'GET',
        path: url.pathname.replace(/^\/api\/v1/, ''),
        query: url.searchParams,
        authorization: req.headers.authorization,
        requestId: req.headers['x-request-id'] as string | undefined,
        headers: req.headers,
        body: text === '' ? undefined : JSON.parse(text),
      };
      upstream.calls.push(call);
      const reply = upstream.script(call);
      const send = (): void => {
        const payload = reply.raw ?? JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json', ...reply.headers });
        res.end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  upstream.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return upstream;
}

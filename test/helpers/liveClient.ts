/**
 * A subscriber as a client app is one: a graphql-ws client over a real WebSocket, with the key
 * in `connectionParams` (as Apollo Sandbox sends its headers).
 */
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLErrorShape } from './graphql.js';

// Test subscriptions have many shapes; a test reads the fields it asserts on.
type Loose = any;

export type LiveResult = ExecutionResult<Loose, Loose> & { errors?: GraphQLErrorShape[] };

export interface LiveSubscription {
  /** The next payload, waiting up to `timeoutMs` for it. */
  next(timeoutMs?: number): Promise<LiveResult>;
  /** Resolves when the server ends the subscription (with its error, if it sent one). */
  readonly ended: Promise<{ error?: unknown }>;
  /** Every payload received so far, in order, whether or not `next` took it. */
  readonly received: readonly LiveResult[];
  unsubscribe(): void;
}

export interface LiveClient {
  subscribe(query: string, variables?: Record<string, unknown>): LiveSubscription;
  /** The close event of the socket, once it closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

export function wsUrl(graphqlUrl: string): string {
  return graphqlUrl.replace(/^http/, 'ws');
}

export function connectLive(graphqlUrl: string, key: string | null, options: { retry?: boolean; connectionParams?: Record<string, unknown> } = {}): LiveClient {
  let onClosed: (event: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client: Client = createClient({
    url: wsUrl(graphqlUrl),
    webSocketImpl: WebSocket,
    connectionParams: options.connectionParams ?? (key === null ? {} : { Authorization: `Bearer ${key}` }),
    retryAttempts: options.retry ? 5 : 0,
    lazy: false,
    // A connection the server drops (a killed replica) is reported through `closed`, not the console.
    onNonLazyError: () => {},
    on: {
      closed: (event) => {
        const close = event as { code: number; reason: string };
        onClosed({ code: close.code, reason: String(close.reason) });
      },
    },
  });
  return {
    closed,
    subscribe(query, variables) {
      const queued: LiveResult[] = [];
      const received: LiveResult[] = [];
      const waiting: Array<(result: LiveResult) => void> = [];
      let finish: (outcome: { error?: unknown }) => void = () => {};
      const ended = new Promise<{ error?: unknown }>((resolve) => (finish = resolve));
      const stop = client.subscribe<Loose>(
        { query, ...(variables ? { variables } : {}) },
        {
          next: (result) => {
            received.push(result as LiveResult);
            const wake = waiting.shift();
            if (wake) wake(result as LiveResult);
            else queued.push(result as LiveResult);
          },
          error: (error) => finish({ error }),
          complete: () => finish({}),
        },
      );
      return {
        ended,
        received,
        unsubscribe: stop,
        next(timeoutMs = 10_000) {
          const ready = queued.shift();
          if (ready) return Promise.resolve(ready);
          return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
              const at = waiting.indexOf(deliver);
              if (at !== -1) waiting.splice(at, 1);
              reject(new Error(`no event within ${timeoutMs} ms`));
            }, timeoutMs);
            const deliver = (result: LiveResult): void => {
              clearTimeout(timer);
              resolve(result);
            };
            waiting.push(deliver);
          });
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

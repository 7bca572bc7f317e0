/** A webhook receiver on loopback that records what it is sent and answers as a test tells it. */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json } from './api.js';

export interface Received {
  headers: IncomingHttpHeaders;
  /** The body exactly as sent. */
  raw: string;
  body: Json;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses to answer with, one per request, then 200; `'hold'` keeps the request open until `release()`. */
  answers: (number | 'hold')[];
  release(): void;
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number): Promise<Received[]>;
  stop(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver: Receiver = {
    url: '',
    received,
    answers: [],
    release() {
      for (const res of held.splice(0)) res.writeHead(200).end();
    },
    waitFor(count) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve) => waiters.push({ count, resolve: () => resolve(received) }));
    },
    stop: () => new Promise<void>((resolve) => {
      receiver.release();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) as Json });
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const answer = receiver.answers.shift() ?? 200;
      if (answer === 'hold') held.push(res);
      else res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/acquire`;
  return receiver;
}

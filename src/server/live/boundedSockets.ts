/**
 * graphql-ws over `ws`, in place of graphql-ws's own `useServer`, so that no client can make a
 * connection cost more than a bounded amount of memory, whatever it sends and however slowly it
 * reads:
 *
 * - before the connection is acknowledged it may send only the handshake (`connection_init` and
 *   a few pings), then it is closed with 4400;
 * - it may send at most `maxMessagesPerSecond` messages a second (a burst of twice that), else it
 *   is closed with 4429;
 * - what waits to be sent to it (`bufferedAmount`: pongs, events) may not pass `maxBufferedBytes`:
 *   a client that does not read is cut off there, since a close frame would only queue behind.
 *
 * A send to a socket that died fails quietly (logged once per connection): graphql-ws's own
 * adapter printed a stack trace for each pending send, a million lines for one flooding client.
 */
import type { IncomingMessage } from 'node:http';
import { CloseCode, DEPRECATED_GRAPHQL_WS_PROTOCOL, GRAPHQL_TRANSPORT_WS_PROTOCOL, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';

export interface SocketBounds {
  maxMessagesPerSecond: number;
  maxBufferedBytes: number;
}

export interface SocketExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

export interface BoundedServer {
  /** Closes every connection with 1001 (going away), then the server. */
  dispose(): Promise<void>;
}

/** `connection_init` and a few pings: graphql-ws clients send nothing else before the ack. */
const HANDSHAKE_MESSAGES = 4;
/** How graphql-ws writes its acknowledgement (`stringifyMessage`), with or without a payload. */
const CONNECTION_ACK = '{"type":"connection_ack"';
/**
 * Sends written but not yet flushed to the kernel. Each costs far more than its bytes (a frame
 * header, a callback, a promise), so a flood of tiny pongs is bounded by their number: a client
 * that reads has at most one event per subscription and a few pongs in flight.
 */
const MAX_PENDING_SENDS = 256;
/** How long a client closed for its behaviour has to answer the close frame before it is cut. */
const CLOSE_GRACE_MS = 1_000;
/** Server pings that keep idle connections open through proxies, and find dead peers (graphql-ws's own interval). */
const KEEP_ALIVE_MS = 12_000;

export type ClosedBecause = 'handshake' | 'message_rate' | 'slow_reader';

export function serveBounded<P extends Record<string, unknown>, E extends SocketExtra>(
  options: ServerOptions<P, E>,
  /** The state graphql-ws keeps with a connection (its context's `extra`), made when it opens. */
  extraFor: (socket: WebSocket, request: IncomingMessage) => E,
  wss: WebSocketServer,
  bounds: SocketBounds,
  logger: Logger,
  metrics: Metrics,
): BoundedServer {
  const server = makeServer(options);
  // A client of the legacy protocol (subscriptions-transport-ws, Apollo's old link) gets its own
  // subprotocol back and then 4406 from graphql-ws, which names the problem; refusing it in the
  // handshake would show it only an abrupt close.
  wss.options.handleProtocols = (protocols: Set<string>) =>
    protocols.has(GRAPHQL_TRANSPORT_WS_PROTOCOL) ? GRAPHQL_TRANSPORT_WS_PROTOCOL : protocols.has(DEPRECATED_GRAPHQL_WS_PROTOCOL) ? DEPRECATED_GRAPHQL_WS_PROTOCOL : false;
  const perSecond = bounds.maxMessagesPerSecond;

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    let acknowledged = false;
    let beforeAck = 0;
    let tokens = perSecond * 2;
    let refilledAt = Date.now();
    let sendFailed = false;
    let pendingSends = 0;
    let cut = false;

    const cutOff = (because: ClosedBecause, code: number, reason: string): void => {
      if (cut) return;
      cut = true;
      metrics.connectionsCut.inc({ reason: because });
      logger.warn({ reason: because, bufferedBytes: socket.bufferedAmount }, 'subscription connection cut off');
      if (because === 'slow_reader') return socket.terminate();
      socket.close(code, reason);
      // A client that does not read would never answer the close frame: ws would wait 30 s.
      setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
    };

    socket.on('error', (error) => {
      logger.debug({ error: error.message }, 'subscription socket error');
      socket.terminate();
    });

    let pongWait: NodeJS.Timeout | null = null;
    const keepAlive = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, KEEP_ALIVE_MS);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            if (!acknowledged && data.startsWith(CONNECTION_ACK)) acknowledged = true;
            if (pendingSends >= MAX_PENDING_SENDS || socket.bufferedAmount + data.length > bounds.maxBufferedBytes) {
              cutOff('slow_reader', 0, '');
              return resolve();
            }
            pendingSends += 1;
            socket.send(data, (error) => {
              pendingSends -= 1;
              if (error && !sendFailed) {
                sendFailed = true;
                logger.debug({ error: error.message }, 'subscription socket: a send failed; the connection is going');
              }
              resolve();
            });
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (deliver) =>
          socket.on('message', (data: Buffer) => {
            if (cut) return;
            const now = Date.now();
            tokens = Math.min(perSecond * 2, tokens + ((now - refilledAt) / 1000) * perSecond);
            refilledAt = now;
            tokens -= 1;
            if (tokens < 0) return cutOff('message_rate', CloseCode.TooManyInitialisationRequests, `TOO_MANY_MESSAGES: at most ${perSecond} a second`);
            if (!acknowledged) {
              beforeAck += 1;
              if (beforeAck > HANDSHAKE_MESSAGES) return cutOff('handshake', CloseCode.BadRequest, 'Send connection_init and wait for connection_ack first');
            }
            deliver(String(data)).catch((error: unknown) => {
              logger.error({ error: error instanceof Error ? error.stack : String(error) }, 'subscription message failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      extraFor(socket, request),
    );

    socket.once('close', (code: number, reason: Buffer) => {
      clearInterval(keepAlive);
      if (pongWait) clearTimeout(pongWait);
      void closed(code, reason.toString());
    });
  });

  return {
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners('connection');
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

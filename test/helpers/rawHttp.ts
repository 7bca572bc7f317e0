import net from 'node:net';

export interface RawAnswer {
  /** The status of the answer, or null when the connection closed without one. */
  status: number | null;
  text: string;
  /** Whether the server closed the connection (within `closeWithinMs`). */
  closed: boolean;
}

/**
 * Talks HTTP/1.1 over a bare socket, for what fetch cannot do: a chunked body that never ends,
 * a body sent slowly, a declared length larger than what is sent. `send` writes the request;
 * the answer is whatever arrives until the server closes the connection or `closeWithinMs` passes.
 */
export function rawRequest(url: string, send: (socket: net.Socket) => void, closeWithinMs = 5_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    let text = '';
    let done = false;
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : null, text, closed });
    };
    const timer = setTimeout(() => finish(false), closeWithinMs);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    // The server may reset the connection once it has answered: what came before still counts.
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      try {
        send(socket);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The JSON body of a raw answer (after the blank line), chunked or not. */
export function rawJson(answer: RawAnswer): any {
  const body = answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4);
  const start = body.indexOf('{');
  return JSON.parse(body.slice(start, body.lastIndexOf('}') + 1));
}

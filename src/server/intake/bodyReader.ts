/**
 * A request body, read up to a limit whether the client declared its length or sent it in
 * chunks. Past the limit the rest is read and dropped rather than left unread, so the 413 can
 * reach the client before the connection is closed (unread data would make the close a reset).
 */
import type { IncomingMessage } from 'node:http';
import { ClientGone, HttpError } from '../execution/httpErrors.js';

function drain(req: IncomingMessage): void {
  req.removeAllListeners('data');
  req.on('data', () => {});
  req.resume();
}

export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = (): HttpError => new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes`, true);
  // A connection reset while reading surfaces as 'close' below; an unheard 'error' would throw.
  req.on('error', () => {});
  if (Number(req.headers['content-length']) > maxBytes) {
    drain(req);
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      drain(req);
      reject(tooLarge());
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    const onClose = (): void => {
      stop();
      reject(new ClientGone('the client went away before its request was in'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}

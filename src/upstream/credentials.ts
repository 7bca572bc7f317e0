/**
 * What the gateway does with a caller's key before a call goes out with it:
 *
 * - only `Authorization: Bearer <token>` with a token of sane length and characters (RFC 6750's
 *   b64token) is forwarded; anything else is refused without calling;
 * - a key the upstream rejected (401) is refused without calling for `rejectionHoldMs`;
 * - a key the process has not seen answered yet sends its first call alone: the others wait for
 *   its outcome, so a guessed key costs at most one upstream call, however many reads it asks for;
 * - after a 401, the rest of that request's calls fail without calling (`createRejectionLatch`).
 *
 * Keys are held by hash only (credentialHash.ts), in maps of bounded size.
 */
import type { Credential } from '../domain/context.js';
import { credentialHash } from './credentialHash.js';
import { UpstreamError } from './errors.js';

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]{1,512}=*)$/i;

/** The credential of an `Authorization` header, or null when it is not `Bearer <token>` of sane length and characters. */
export function credentialFrom(header: string): Credential | null {
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) return null;
  const normalised = `Bearer ${token}`;
  return { header: normalised, hash: credentialHash(normalised) };
}

export const MALFORMED_KEY = new UpstreamError(
  'UNAUTHENTICATED',
  'The Authorization header must be "Bearer <key>", with a key of at most 512 letters, digits and -._~+/ (then = for padding)',
);

function rejectedRecently(): UpstreamError {
  return new UpstreamError('UNAUTHENTICATED', 'The Acquire API rejected this key moments ago; the gateway does not try it again for a few seconds');
}

/** A 401 from the upstream: the key itself is refused. */
export function isKeyRejection(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError && error.code === 'UNAUTHENTICATED' && error.status === 401;
}

export interface GateOptions {
  /** How long a key that got a 401 is refused without calling. */
  rejectionHoldMs: number;
  /** How many keys (hashes) each of the known and rejected sets holds; the oldest go first. */
  maxKeys: number;
  now?: () => number;
}

export const DEFAULT_GATE: GateOptions = { rejectionHoldMs: 10_000, maxKeys: 10_000 };

export interface CredentialGate {
  /**
   * Whether a call with the key of `hash` may go out: true when it goes as the key's first call
   * (report its outcome with `settle`), false when the key is known. Waits while another call
   * of an unknown key is out; throws UNAUTHENTICATED for a key rejected recently; `giveUp`'s
   * error when `deadline` fires first.
   */
  admit(hash: string, deadline: AbortSignal, giveUp: () => Error): boolean | Promise<boolean>;
  /** A call is over: `status` is the upstream's answer (undefined when there was none). */
  settle(hash: string, first: boolean, status: number | undefined): void;
  /** A key the operator configured: known from the start. */
  trust(hash: string): void;
}

/** Adds `key` to a map that keeps at most `max` entries, dropping the oldest. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as string);
}

export function createCredentialGate(options: GateOptions = DEFAULT_GATE): CredentialGate {
  const now = options.now ?? Date.now;
  const known = new Map<string, true>();
  const rejected = new Map<string, number>();
  // Keys whose first call is out, with the calls waiting for its outcome.
  const firstCalls = new Map<string, Array<() => void>>();

  function admit(hash: string, deadline: AbortSignal, giveUp: () => Error): boolean | Promise<boolean> {
    const until = rejected.get(hash);
    if (until !== undefined) {
      if (now() < until) throw rejectedRecently();
      rejected.delete(hash);
    }
    if (known.has(hash)) return false;
    const waiting = firstCalls.get(hash);
    if (!waiting) {
      firstCalls.set(hash, []);
      return true;
    }
    if (deadline.aborted) throw giveUp();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = waiting.indexOf(wake);
        if (index !== -1) waiting.splice(index, 1);
        reject(giveUp());
      };
      const wake = (): void => {
        deadline.removeEventListener('abort', onAbort);
        try {
          resolve(admit(hash, deadline, giveUp));
        } catch (error) {
          reject(error);
        }
      };
      waiting.push(wake);
      deadline.addEventListener('abort', onAbort, { once: true });
    });
  }

  return {
    admit,
    settle(hash, first, status) {
      if (status === 401) {
        known.delete(hash);
        remember(rejected, hash, now() + options.rejectionHoldMs, options.maxKeys);
        // Any other answer that is not the upstream's own trouble means the key passed.
      } else if (status !== undefined && status < 500 && status !== 408 && status !== 429 && !known.has(hash)) {
        remember(known, hash, true, options.maxKeys);
      }
      if (!first) return;
      const waiting = firstCalls.get(hash) ?? [];
      firstCalls.delete(hash);
      // Each re-asks: a known key goes, a rejected one fails, else one of them is the next first call.
      for (const wake of waiting) wake();
    },
    trust(hash) {
      remember(known, hash, true, options.maxKeys);
    },
  };
}

/** Per request: once the upstream has rejected the key, the request's remaining calls fail without calling. */
export function createRejectionLatch() {
  let rejection: UpstreamError | null = null;
  return {
    /** The rejection to fail with, if the key was rejected. */
    get refusal(): UpstreamError | null {
      return rejection;
    },
    /** For a call's failure: keeps a key rejection, and passes the error on. */
    watch(error: unknown): never {
      if (isKeyRejection(error)) rejection ??= error;
      throw error;
    },
  };
}

/**
 * Who a request or a subscription connection acts as, resolved once, at the edge: the credential
 * it gave (an `Authorization` header, or `Authorization` in a WebSocket's `connectionParams`), else
 * the gateway's own key, else none. A credential is checked and put in its one canonical form
 * here (`Bearer <token>`, src/upstream/credentials.ts), so `bearer x` and `Bearer  x` are the same
 * caller as `Bearer x` everywhere after: sessions, sharing, live feeds, polls and per-key limits
 * all key on `credential.hash`. A malformed one is refused here, before anything runs.
 */
import type { Caller, CallerSource } from '../../domain/context.js';
import { credentialFrom, MALFORMED_KEY } from '../../upstream/credentials.js';

/** Why a credential that was given is refused: the same words over HTTP and WebSocket. */
export const MALFORMED_CREDENTIAL = MALFORMED_KEY.message;

export interface Callers {
  /**
   * The caller of a credential as given (`value` undefined or blank: none given); null when what
   * was given is no well-formed `Bearer <token>`.
   */
  of(value: string | undefined, source: Exclude<CallerSource, 'server key' | 'none'>): Caller | null;
}

export function createCallers(apiKey: string | undefined): Callers {
  const serverKey = apiKey ? credentialFrom(`Bearer ${apiKey}`) : null;
  const fallback: Caller = serverKey ? { credential: serverKey, source: 'server key' } : { credential: null, source: 'none' };
  return {
    of(value, source) {
      const given = value?.trim();
      if (!given) return fallback;
      const credential = credentialFrom(given);
      return credential ? { credential, source } : null;
    },
  };
}

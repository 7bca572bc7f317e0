/**
 * Which web pages may call the gateway from a browser (CORS_ORIGINS). A request that carries an
 * `Origin` not listed is refused before anything else happens, so a page elsewhere can never act
 * with the server's key; a preflight grants only a listed origin, only the methods and headers
 * the gateway reads. Requests without `Origin` (servers, scripts, curl) are no browser's business.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Stands, in CORS_ORIGINS, for the gateway's own origins (its landing page's Sandbox runs there). */
export const SELF_ORIGINS = 'self';

/** What the gateway reads from a request; a browser may send nothing else cross-origin. */
const ALLOWED_HEADERS = 'authorization, content-type, x-request-id, apollo-require-preflight, x-apollo-operation-name';

export interface OriginPolicy {
  /** `none`: no `Origin` header; else whether that origin is listed. A refusal is reported (see `createOriginPolicy`). */
  judge(headers: IncomingHttpHeaders): 'none' | 'allowed' | 'refused';
  /** Headers for an answer to an allowed origin. */
  answerHeaders(origin: string): OutgoingHttpHeaders;
  /** Headers for an allowed origin's preflight. */
  preflightHeaders(origin: string): OutgoingHttpHeaders;
  /** Learns the gateway's own origins (`self`) once it listens. */
  listening(port: number, host: string | undefined): void;
}

const EVERY_INTERFACE = new Set(['', '0.0.0.0', '::']);

/** A refused origin, for the operator: the browser itself shows its developer only "Failed to fetch". */
export interface OriginRefusal {
  origin: string;
  /** CORS_ORIGINS as it would read with this origin added; null when no setting can list it (`null`, a path, two origins). */
  setting: string | null;
  /** Refusals of this origin not reported since its last report. */
  unreported: number;
}

/** Each origin is reported at most once a minute, and only this many are remembered, so a flood of invented origins cannot grow memory. */
const REPORT_EVERY_MS = 60_000;
const REMEMBERED_ORIGINS = 256;
/** An `Origin` is the client's text: what is reported of it is bounded. */
const REPORTED_ORIGIN_CHARS = 200;

/** The origin as CORS_ORIGINS can list it, or null: a suggestion the configuration refuses would stop the next start. */
function listableOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin.toLowerCase() === origin.toLowerCase() ? url.origin : null;
  } catch {
    return null;
  }
}

export function createOriginPolicy(listed: readonly string[], report: (refusal: OriginRefusal) => void = () => {}): OriginPolicy {
  const allowed = new Set(listed.filter((origin) => origin !== SELF_ORIGINS).map((origin) => origin.toLowerCase()));
  const withSelf = listed.includes(SELF_ORIGINS);
  const reported = new Map<string, { at: number; unreported: number }>();

  function refused(origin: string): void {
    const shown = origin.slice(0, REPORTED_ORIGIN_CHARS);
    const last = reported.get(shown);
    const now = Date.now();
    if (last && now - last.at < REPORT_EVERY_MS) {
      last.unreported += 1;
      return;
    }
    reported.delete(shown);
    if (reported.size >= REMEMBERED_ORIGINS) reported.delete(reported.keys().next().value!);
    reported.set(shown, { at: now, unreported: 0 });
    const listable = listableOrigin(origin);
    report({ origin: shown, setting: listable === null ? null : [...listed, listable].join(','), unreported: last?.unreported ?? 0 });
  }

  return {
    judge(headers) {
      const origin = headers.origin;
      if (origin === undefined) return 'none';
      if (allowed.has(origin.toLowerCase())) return 'allowed';
      refused(origin);
      return 'refused';
    },
    answerHeaders(origin) {
      return { 'access-control-allow-origin': origin, vary: 'origin', 'access-control-expose-headers': 'x-request-id' };
    },
    preflightHeaders(origin) {
      return {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': '600',
        vary: 'origin, access-control-request-method, access-control-request-headers',
      };
    },
    listening(port, host) {
      if (!withSelf) return;
      const names = ['localhost', '127.0.0.1', '[::1]'];
      if (host !== undefined && !EVERY_INTERFACE.has(host)) names.push(host.includes(':') ? `[${host}]` : host);
      for (const name of names) allowed.add(`http://${name}:${port}`.toLowerCase());
    },
  };
}

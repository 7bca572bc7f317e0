/**
 * Ids on their way into an upstream path, query string or body. Acquire's ids are positive
 * integers; the resolvers refuse anything else from clients (resolvers/inputs.ts, with this same
 * rule), and every function here that sends an id checks it again, since ids also come from the
 * upstream's own answers (a case's contactId, a message's caseId...): an id like ".." would
 * otherwise turn `crm/objects/contact/{id}` into another path. A malformed one fails that call,
 * and only that call, with UPSTREAM_ERROR; what the upstream sent is logged with it.
 */
import { clip, UpstreamError } from './errors.js';

const POSITIVE_INTEGER = /^[1-9]\d{0,15}$/;

export function isUpstreamId(value: string): boolean {
  return POSITIVE_INTEGER.test(value) && Number.isSafeInteger(Number(value));
}

/** `value` when it is an id the upstream can have; `what` names it in the error ("contact"). */
export function upstreamId(value: string, what: string): string {
  if (isUpstreamId(value)) return value;
  throw new UpstreamError('UPSTREAM_ERROR', `The Acquire API sent a malformed ${what} id`, { detail: `${what} id ${JSON.stringify(clip(value))}` });
}

/** The id as the number that request bodies carry. */
export function numericId(value: string, what: string): number {
  return Number(upstreamId(value, what));
}

/** Agent endpoints (fact sheet §8). */
import type { UpstreamCall } from './client.js';
import { pageOf, recordOf } from './envelopes.js';
import { isObject } from './normalize.js';
import { normaliseOnce } from './once.js';
import { readUser } from './readRecords.js';
import type { UserRecord } from './records.js';

/** Every agent of the account in one call: the endpoint has no paging. */
export async function listUsers(call: UpstreamCall): Promise<UserRecord[]> {
  const body = await call({ method: 'GET', path: 'account/user' });
  return normaliseOnce(body, 'users', () => pageOf(body).items.filter(isObject).map(readUser));
}

export async function getUser(call: UpstreamCall, id: string): Promise<UserRecord> {
  const body = await call({ method: 'GET', path: `account/user/${encodeURIComponent(id)}` });
  return normaliseOnce(body, 'user', () => readUser(recordOf(body)));
}

/** Agent endpoints (fact sheet §8). */
import type { UpstreamSession } from '../domain/context.js';
import type { UserRecord } from '../domain/records.js';
import { pageOf, recordOf } from './envelopes.js';
import { upstreamId } from './ids.js';
import { isObject } from './normalize.js';
import { readUser } from './readRecords.js';

/** Every agent of the account in one call: the endpoint has no paging. */
export function listUsers(session: UpstreamSession): Promise<ReadonlyArray<UserRecord>> {
  return session.read({ method: 'GET', path: 'account/user' }, 'users', (body) => pageOf(body).items.filter(isObject).map(readUser));
}

export async function getUser(session: UpstreamSession, id: string): Promise<UserRecord> {
  return session.read({ method: 'GET', path: `account/user/${upstreamId(id, 'user')}` }, 'user', (body) => readUser(recordOf(body)));
}

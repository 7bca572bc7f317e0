/** Agent endpoints (fact sheet §8). */
import type { Cacheable, UpstreamSession } from '../domain/context.js';
import type { UserRecord } from '../domain/records.js';
import { pageOf, recordOf } from './envelopes.js';
import { upstreamId } from './ids.js';
import { isObject } from './normalize.js';
import { readUser } from './readRecords.js';

export function readUserList(body: unknown): UserRecord[] {
  return pageOf(body).items.filter(isObject).map(readUser);
}

export function readUserAnswer(body: unknown): UserRecord {
  return readUser(recordOf(body));
}

const CACHED_USERS: Cacheable<ReadonlyArray<UserRecord>> = { type: 'User', holds: (users) => users.map((user) => ({ kind: 'user', id: user.id })) };
const CACHED_USER: Cacheable<UserRecord> = { type: 'User', holds: (user) => [{ kind: 'user', id: user.id }] };

/** Every agent of the account in one call: the endpoint has no paging. */
export function listUsers(session: UpstreamSession): Promise<ReadonlyArray<UserRecord>> {
  return session.read({ method: 'GET', path: 'account/user' }, 'users', readUserList, CACHED_USERS);
}

export async function getUser(session: UpstreamSession, id: string): Promise<UserRecord> {
  return session.read({ method: 'GET', path: `account/user/${upstreamId(id, 'user')}` }, 'user', readUserAnswer, CACHED_USER);
}

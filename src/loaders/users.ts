import DataLoader from 'dataloader';
import type { UpstreamSession, UserLoader } from '../domain/context.js';
import type { UserRecord } from '../domain/records.js';
import { UpstreamError } from '../upstream/errors.js';
import { getUser, listUsers } from '../upstream/users.js';
import type { Clearable } from './clearable.js';

/**
 * Agents by id. The agent list returns everyone in one call, so a batch of two or more ids is
 * served from it rather than from one read per id.
 */
export function createUserLoader(session: UpstreamSession, onBatch?: (loader: string, size: number) => void): UserLoader & Clearable {
  let everyone: Promise<ReadonlyArray<UserRecord>> | undefined;
  const all = (): Promise<ReadonlyArray<UserRecord>> => {
    everyone ??= listUsers(session).then((users) => {
      for (const user of users) byId.prime(user.id, user);
      return users;
    });
    return everyone;
  };
  const byId = new DataLoader<string, UserRecord>(async (ids) => {
    onBatch?.('users', ids.length);
    if (ids.length === 1 && everyone === undefined) {
      const [id] = ids as [string];
      return [await getUser(session, id).catch((error: Error) => error)];
    }
    const users = await all().catch((error: Error) => error);
    if (users instanceof Error) return ids.map(() => users);
    const found = new Map(users.map((user) => [user.id, user]));
    return ids.map((id) => found.get(id) ?? new UpstreamError('NOT_FOUND', `Not found in Acquire: no agent ${id}`));
  });
  return {
    load: (id) => byId.load(id),
    all,
    prime: (user) => {
      byId.prime(user.id, user);
    },
    clear: (id) => {
      byId.clear(id);
      everyone = undefined;
    },
    clearAll: () => {
      byId.clearAll();
      everyone = undefined;
    },
  };
}

import DataLoader from 'dataloader';
import type { UpstreamCall } from '../upstream/client.js';
import { UpstreamError } from '../upstream/errors.js';
import type { UserRecord } from '../upstream/records.js';
import { getUser, listUsers } from '../upstream/users.js';
import type { LoaderOptions } from './index.js';

export interface UserLoader {
  load(id: string): Promise<UserRecord>;
  /** Every agent, read once per request; it also answers later reads by id. */
  all(): Promise<UserRecord[]>;
  prime(user: UserRecord): void;
}

/**
 * Agents by id. The agent list returns everyone in one call, so a batch of two or more ids is
 * served from it rather than from one read per id.
 */
export function createUserLoader(call: UpstreamCall, options: LoaderOptions): UserLoader {
  if (!options.batch) {
    return { load: (id) => getUser(call, id), all: () => listUsers(call), prime: () => {} };
  }
  let everyone: Promise<UserRecord[]> | undefined;
  const all = (): Promise<UserRecord[]> => {
    everyone ??= listUsers(call).then((users) => {
      for (const user of users) byId.prime(user.id, user);
      return users;
    });
    return everyone;
  };
  const byId = new DataLoader<string, UserRecord>(async (ids) => {
    options.onBatch?.('users', ids.length);
    if (ids.length === 1 && everyone === undefined) {
      const [id] = ids as [string];
      return [await getUser(call, id).catch((error: Error) => error)];
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
  };
}

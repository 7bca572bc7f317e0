import type { GatewayContext } from '../domain/context.js';
import { UpstreamError } from '../upstream/errors.js';
import type { UserRecord } from '../domain/records.js';

/**
 * An agent that the agent directory does not know (the API key's pseudo-agent, a deleted user)
 * resolves to null; any other failure stays an error.
 */
export async function userOrNull(id: string, { loaders }: GatewayContext): Promise<UserRecord | null> {
  try {
    return await loaders.users.load(id);
  } catch (error) {
    if (error instanceof UpstreamError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

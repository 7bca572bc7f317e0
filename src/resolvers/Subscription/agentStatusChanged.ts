import type { SubscriptionResolvers } from '../../__generated__/resolvers-types.js';
import type { GatewayContext } from '../../domain/context.js';
import type { AgentLiveEvent } from '../../domain/events.js';
import type { UserRecord } from '../../domain/records.js';

/** The agent read with the subscriber's key, with the presence its event carried (no read returns one). */
export const agentStatusChangedSubscription: NonNullable<SubscriptionResolvers['agentStatusChanged']> = {
  subscribe: (_parent, _args, { live }) => live.agentEvents(),
  resolve: async (event: AgentLiveEvent, _args: unknown, { loaders }: GatewayContext): Promise<UserRecord> => {
    const user = await loaders.users.load(event.userId);
    return event.presence ? { ...user, presence: { ...event.presence, changedAt: event.occurredAt } } : user;
  },
};

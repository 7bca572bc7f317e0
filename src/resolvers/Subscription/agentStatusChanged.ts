import type { SubscriptionResolvers } from '../../__generated__/resolvers-types.js';
import type { GatewayContext } from '../../domain/context.js';
import type { AgentLiveEvent } from '../../domain/events.js';

export const agentStatusChangedSubscription: NonNullable<SubscriptionResolvers['agentStatusChanged']> = {
  subscribe: (_parent, _args, { live }) => live.agentEvents(),
  resolve: (event: AgentLiveEvent, _args: unknown, { loaders }: GatewayContext) => loaders.users.load(event.userId),
};

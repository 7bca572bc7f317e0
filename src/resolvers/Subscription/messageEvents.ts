import type { SubscriptionResolvers } from '../../__generated__/resolvers-types.js';
import type { MessageEventPayload } from '../../domain/events.js';
import { parseEventCursor, parseId } from '../inputs.js';

/**
 * The key must read the case to follow it: a key that cannot gets that error (`FORBIDDEN`,
 * `NOT_FOUND`) at once. The read also gives the contact and thread that the cheap poll needs.
 */
export const messageEventsSubscription: NonNullable<SubscriptionResolvers['messageEvents']> = {
  subscribe: async (_parent, args, { loaders, live }) => {
    const caseId = parseId(args.caseId, 'caseId');
    const after = parseEventCursor(args.after, 'after');
    const record = await loaders.cases.load(caseId);
    return live.messageEvents({ caseId, contactId: record.contactId, threadId: record.threadId }, after);
  },
  resolve: (event: MessageEventPayload) => event,
};

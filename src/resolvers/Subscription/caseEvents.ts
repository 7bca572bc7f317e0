import type { GraphQLResolveInfo } from 'graphql';
import type { SubscriptionCaseEventsArgs, SubscriptionResolvers } from '../../__generated__/resolvers-types.js';
import type { GatewayContext } from '../../domain/context.js';
import { EventSkipped } from '../../domain/errors.js';
import type { CaseEventPayload } from '../../domain/events.js';
import { caseOfEvent } from '../CaseEvent.js';
import { meetsConditions } from '../caseFilter.js';
import { parseEventCursor } from '../inputs.js';
import { conditionsOf } from '../Query/cases.js';

/**
 * Every case event of the account; a filter is checked against the case as the subscriber's key
 * reads it when the event arrives (the read the selection of `case` makes anyway).
 */
export const caseEventsSubscription: NonNullable<SubscriptionResolvers['caseEvents']> = {
  subscribe: (_parent, args, { live }) => {
    // Refused before anything is followed, as a query's bad filter is before any call.
    conditionsOf(args.filter);
    return live.caseEvents(parseEventCursor(args.after, 'after'));
  },
  resolve: async (event: CaseEventPayload, args: Partial<SubscriptionCaseEventsArgs>, context: GatewayContext, info: GraphQLResolveInfo) => {
    // A RESYNC concerns whatever the subscriber shows, filtered or not.
    if (!args.filter || event.kind === 'resync') return event;
    let record;
    try {
      record = await caseOfEvent(event, context, context.planner.caseRelations(info, ['case']));
    } catch {
      // Unreadable with this key: the event goes out with the error at `case`, never with data.
      return event;
    }
    if (!meetsConditions(record, conditionsOf(args.filter))) throw new EventSkipped();
    return event;
  },
};

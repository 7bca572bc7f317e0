import type { MessageEventResolvers } from '../__generated__/resolvers-types.js';
import { primeFromCase } from '../loaders/prime.js';

export const MessageEvent: MessageEventResolvers = {
  message: (event, _args, { loaders }) => (event.type === 'DELETED' ? null : loaders.messages.load(event.messageId)),
  case: async (event, _args, { loaders, planner }, info) => {
    const relations = planner.caseRelations(info);
    const record = await loaders.cases.load(event.caseId, relations);
    primeFromCase(loaders, record, relations);
    return record;
  },
};

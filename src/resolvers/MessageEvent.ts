import type { MessageEventResolvers } from '../__generated__/resolvers-types.js';
import { primeFromCase } from '../loaders/prime.js';

export const MessageEvent: MessageEventResolvers = {
  type: (event) => (event.kind === 'resync' ? 'RESYNC' : event.type),
  messageId: (event) => (event.kind === 'resync' ? null : event.messageId),
  message: (event, _args, { loaders }) => (event.kind === 'resync' || event.type === 'DELETED' ? null : loaders.messages.load(event.messageId)),
  resync: (event) => (event.kind === 'resync' ? event : null),
  case: async (event, _args, { loaders, planner }, info) => {
    if (event.caseId === undefined) return null;
    const relations = planner.caseRelations(info);
    const record = await loaders.cases.load(event.caseId, relations);
    primeFromCase(loaders, record, relations);
    return record;
  },
};

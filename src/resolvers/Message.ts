import type { MessageResolvers } from '../__generated__/resolvers-types.js';
import { contactReference } from '../upstream/readRecords.js';
import { userOrNull } from './userOrNull.js';

export const Message: MessageResolvers = {
  case: (message, _args, { loaders }) => {
    if (message.caseId === null) return null;
    return message.case ?? loaders.cases.load(message.caseId);
  },
  // Senders come from the directories, not from the copy a message read may embed, so a sender
  // resolves the same way however the message was reached.
  sender: (message, _args, context) => {
    if (message.senderId === null) return null;
    if (message.senderType === 'CONTACT') return contactReference(message.senderId);
    if (message.senderType === 'USER') return userOrNull(message.senderId, context);
    return null;
  },
};

import type { MessageResolvers } from '../__generated__/resolvers-types.js';
import { contactReference } from '../upstream/readRecords.js';
import { userOrNull } from './userOrNull.js';

export const Message: MessageResolvers = {
  case: (message, _args, { loaders }) => {
    if (message.caseId === null) return null;
    return message.case ?? loaders.cases.load(message.caseId);
  },
  // An agent embedded by the read is the sender as Acquire names it, the API key's pseudo-agent
  // included, which the directory does not list. A contact's embedded copy has a stand-in name, so
  // a contact is read by its id.
  sender: (message, _args, context) => {
    if (message.senderType === 'USER' && message.sender) return message.sender;
    if (message.senderId === null) return null;
    if (message.senderType === 'CONTACT') return contactReference(message.senderId);
    if (message.senderType === 'USER') return userOrNull(message.senderId, context);
    return null;
  },
};

import type { SenderResolvers } from '../__generated__/resolvers-types.js';

export const Sender: SenderResolvers = {
  __resolveType: (sender) => ('hasColumns' in sender ? 'Contact' : 'User'),
};

import type { QueryResolvers } from '../../__generated__/resolvers-types.js';

export const usersQuery: NonNullable<QueryResolvers['users']> = (_parent, _args, { loaders }) => loaders.users.all();

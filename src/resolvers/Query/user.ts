import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { parseId } from '../inputs.js';

export const userQuery: NonNullable<QueryResolvers['user']> = (_parent, args, { loaders }) =>
  loaders.users.load(parseId(args.id, 'id'));

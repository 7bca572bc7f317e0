import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { parseId } from '../inputs.js';

export const contactQuery: NonNullable<QueryResolvers['contact']> = (_parent, args, { loaders, planner }, info) =>
  loaders.contacts.load(parseId(args.id, 'id'), planner.contactRelations(info));

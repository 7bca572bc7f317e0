import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { contactRelationsFor } from '../../planner/relations.js';
import { parseId } from '../inputs.js';

export const contactQuery: NonNullable<QueryResolvers['contact']> = (_parent, args, { loaders }, info) =>
  loaders.contacts.load(parseId(args.id, 'id'), contactRelationsFor(info));

import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { parseId } from '../inputs.js';

export const messageQuery: NonNullable<QueryResolvers['message']> = (_parent, args, { loaders }) =>
  loaders.messages.load(parseId(args.id, 'id'));

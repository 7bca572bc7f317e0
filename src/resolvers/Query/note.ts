import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { parseId } from '../inputs.js';

export const noteQuery: NonNullable<QueryResolvers['note']> = (_parent, args, { loaders }) => loaders.notes.load(parseId(args.id, 'id'));

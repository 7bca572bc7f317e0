import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { primeFromCase } from '../../loaders/prime.js';
import { caseRelationsFor } from '../../planner/relations.js';
import { parseId } from '../inputs.js';

export const caseQuery: NonNullable<QueryResolvers['case']> = async (_parent, args, { loaders }, info) => {
  const id = parseId(args.id, 'id');
  const relations = caseRelationsFor(info);
  const record = await loaders.cases.load(id, relations);
  primeFromCase(loaders, record, relations);
  return record;
};

import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { prefetchContacts, prefetchThreads, primeFromCase } from '../../loaders/prime.js';
import { parseId } from '../inputs.js';

export const caseQuery: NonNullable<QueryResolvers['case']> = async (_parent, args, { loaders, planner }, info) => {
  const id = parseId(args.id, 'id');
  const relations = planner.caseRelations(info);
  const record = await loaders.cases.load(id, relations);
  primeFromCase(loaders, record, relations);
  prefetchContacts(loaders, [record], planner.caseContactRelations(info));
  if (planner.caseThreadReads(info)) prefetchThreads(loaders, [record]);
  return record;
};

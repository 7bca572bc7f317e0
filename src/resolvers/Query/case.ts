import type { GraphQLResolveInfo } from 'graphql';
import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import type { GatewayContext } from '../../domain/context.js';
import type { CaseRecord } from '../../domain/records.js';
import { prefetchContacts, prefetchThreads, primeFromCase } from '../../loaders/prime.js';
import { parseId } from '../inputs.js';

/** A case by its checked id, with what the selection at `info` needs embedded, primed or on its way. */
export async function readCase(id: string, { loaders, planner }: GatewayContext, info: GraphQLResolveInfo): Promise<CaseRecord> {
  const relations = planner.caseRelations(info);
  const record = await loaders.cases.load(id, relations);
  primeFromCase(loaders, record, relations);
  prefetchContacts(loaders, [record], planner.caseContactRelations(info));
  if (planner.caseThreadReads(info)) prefetchThreads(loaders, [record]);
  return record;
}

export const caseQuery: NonNullable<QueryResolvers['case']> = (_parent, args, context, info) => readCase(parseId(args.id, 'id'), context, info);

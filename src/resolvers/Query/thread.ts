import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { primeFromCase } from '../../loaders/prime.js';
import { getThread } from '../../upstream/cases.js';
import { parseId } from '../inputs.js';

export const threadQuery: NonNullable<QueryResolvers['thread']> = async (_parent, args, { upstream, loaders }) => {
  const contactId = parseId(args.contactId, 'contactId');
  const threadId = parseId(args.threadId, 'threadId');
  const cases = await getThread(upstream, contactId, threadId);
  for (const record of cases) primeFromCase(loaders, record, record.users ? ['users'] : []);
  return cases;
};

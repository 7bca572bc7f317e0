import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { CASE_RELATIONS } from '../../domain/records.js';
import { primeFromCase } from '../../loaders/prime.js';
import { joinCase } from '../../upstream/cases.js';
import { parseId } from '../inputs.js';

/** The answer is the case with its users and last message: the payload, and what it embeds is primed. */
export const joinCaseMutation: NonNullable<MutationResolvers['joinCase']> = async (_parent, { input }, { upstream, loaders, live }) => {
  const caseId = parseId(input.caseId, 'input.caseId');
  const record = await joinCase(upstream, caseId);
  live.publish({ kind: 'case', type: 'STATUS_CHANGED', caseId: record.id, contactId: record.contactId, source: 'write' });
  primeFromCase(loaders, record, CASE_RELATIONS.filter((relation) => record[relation] !== undefined));
  return { case: record };
};

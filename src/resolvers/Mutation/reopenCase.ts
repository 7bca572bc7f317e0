import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { primeFromCase } from '../../loaders/prime.js';
import { createCase } from '../../upstream/cases.js';
import { parseId, requireText } from '../inputs.js';
import { MAX_MESSAGE_LENGTH } from '../textLimits.js';

export const reopenCaseMutation: NonNullable<MutationResolvers['reopenCase']> = async (_parent, { input }, { upstream, loaders, live }) => {
  const contactId = parseId(input.contactId, 'input.contactId');
  const threadId = parseId(input.threadId, 'input.threadId');
  const message =
    input.message === null || input.message === undefined
      ? undefined
      : requireText(input.message, 'input.message', MAX_MESSAGE_LENGTH);
  const record = await createCase(upstream, { contactId, threadId, ...(message === undefined ? {} : { message }) });
  live.publish({ kind: 'case', type: 'CREATED', caseId: record.id, contactId: record.contactId ?? contactId, source: 'write' });
  primeFromCase(loaders, record, []);
  return { case: record };
};

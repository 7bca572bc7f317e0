import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { primeFromCase } from '../../loaders/prime.js';
import { createCase } from '../../upstream/cases.js';
import { boundedText, knownChannel, parseId, requireText } from '../inputs.js';
import { MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH } from '../textLimits.js';

export const createCaseMutation: NonNullable<MutationResolvers['createCase']> = async (_parent, { input }, { upstream, loaders, live }) => {
  const contactId = parseId(input.contactId, 'input.contactId');
  const channel = knownChannel(input.channel ?? 'CHAT', 'input.channel');
  const title = input.title === null || input.title === undefined ? undefined : boundedText(input.title, 'input.title', MAX_TITLE_LENGTH);
  const message =
    input.message === null || input.message === undefined
      ? undefined
      : requireText(input.message, 'input.message', MAX_MESSAGE_LENGTH);
  const record = await createCase(upstream, {
    contactId,
    channel,
    ...(title === undefined ? {} : { title }),
    ...(message === undefined ? {} : { message }),
  });
  live.publish({ kind: 'case', type: 'CREATED', caseId: record.id, contactId: record.contactId ?? contactId, source: 'write' });
  primeFromCase(loaders, record, []);
  return { case: record };
};

import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { primeFromCase } from '../../loaders/prime.js';
import { snoozeCase } from '../../upstream/snoozes.js';
import { boundedText, futureDate, parseId } from '../inputs.js';
import { MAX_TITLE_LENGTH } from '../textLimits.js';

/** The snooze answer carries no case, so the payload's case is a read of it after the write. */
export const snoozeCaseMutation: NonNullable<MutationResolvers['snoozeCase']> = async (_parent, { input }, { upstream, loaders, planner }, info) => {
  const caseId = parseId(input.caseId, 'input.caseId');
  const until = futureDate(input.until, 'input.until');
  const message = input.message === null || input.message === undefined ? undefined : boundedText(input.message, 'input.message', MAX_TITLE_LENGTH);
  const snooze = await snoozeCase(upstream, { caseId, until, ...(message === undefined ? {} : { message }) });
  const relations = planner.caseRelations(info, ['case']);
  const record = await loaders.cases.load(caseId, relations);
  primeFromCase(loaders, record, relations);
  return { snooze, case: record };
};

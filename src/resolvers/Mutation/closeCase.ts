import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { primeFromCase } from '../../loaders/prime.js';
import { closeCase } from '../../upstream/cases.js';
import { boundedText, parseId } from '../inputs.js';
import { MAX_TITLE_LENGTH } from '../textLimits.js';

/** The close answer says almost nothing about the case, so the payload is a fresh read of it. */
export const closeCaseMutation: NonNullable<MutationResolvers['closeCase']> = async (_parent, { input }, { upstream, loaders, planner, live }, info) => {
  const caseId = parseId(input.caseId, 'input.caseId');
  const closingState =
    input.closingState === null || input.closingState === undefined
      ? undefined
      : boundedText(input.closingState, 'input.closingState', MAX_TITLE_LENGTH);
  await closeCase(upstream, {
    caseId,
    ...(closingState === undefined ? {} : { closingState }),
    ...(input.askFeedback === null || input.askFeedback === undefined ? {} : { askFeedback: input.askFeedback }),
  });
  live.publish({ kind: 'case', type: 'STATUS_CHANGED', caseId, contactId: null, status: 'CLOSED', source: 'write' });
  const relations = planner.caseRelations(info, ['case']);
  const record = await loaders.cases.load(caseId, relations);
  primeFromCase(loaders, record, relations);
  return { case: record };
};

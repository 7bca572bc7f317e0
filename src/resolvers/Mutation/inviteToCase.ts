import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { badUserInput } from '../../domain/errors.js';
import { inviteToCase } from '../../upstream/cases.js';
import { parseId, parseIds } from '../inputs.js';

export const inviteToCaseMutation: NonNullable<MutationResolvers['inviteToCase']> = async (_parent, { input }, { upstream, live }) => {
  const caseId = parseId(input.caseId, 'input.caseId');
  const agentIds = parseIds(input.agentIds ?? [], 'input.agentIds');
  const departmentIds = parseIds(input.departmentIds ?? [], 'input.departmentIds');
  if (agentIds.length === 0 && departmentIds.length === 0) {
    throw badUserInput('Give at least one of input.agentIds and input.departmentIds', 'input.agentIds');
  }
  const invitations = await inviteToCase(upstream, { caseId, agentIds, departmentIds });
  live.publish({ kind: 'case', type: 'UPDATED', caseId, contactId: null, source: 'write' });
  return { invitations };
};

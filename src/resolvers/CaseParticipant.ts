import type { CaseParticipantResolvers } from '../__generated__/resolvers-types.js';
import { contactReference } from '../upstream/readRecords.js';
import { userOrNull } from './userOrNull.js';

export const CaseParticipant: CaseParticipantResolvers = {
  user: (participant, _args, context) => {
    if (participant.type !== 'USER' || participant.userId === null) return null;
    return participant.user ?? userOrNull(participant.userId, context);
  },
  contact: (participant) =>
    participant.type === 'CONTACT' && participant.userId !== null ? contactReference(participant.userId) : null,
};

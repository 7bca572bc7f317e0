import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { deleteSnooze } from '../../upstream/snoozes.js';
import { parseId } from '../inputs.js';

export const unsnoozeCaseMutation: NonNullable<MutationResolvers['unsnoozeCase']> = async (_parent, { input }, { upstream }) => {
  const id = parseId(input.snoozeId, 'input.snoozeId');
  await deleteSnooze(upstream, id);
  return { deletedSnoozeId: id };
};

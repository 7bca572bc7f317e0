import { badUserInput } from '../domain/errors.js';
import { parseIds } from './inputs.js';

const MAX_MENTIONS = 50;

/** Agents a note or note message mentions: user ids, each notified upstream. */
export function mentionedUsers(values: readonly string[] | null | undefined): string[] {
  const ids = parseIds(values ?? [], 'input.mentionedUserIds');
  if (ids.length > MAX_MENTIONS) throw badUserInput(`input.mentionedUserIds has more than ${MAX_MENTIONS} agents`, 'input.mentionedUserIds');
  return ids;
}

/** What a write to a case or its messages may change, for the read path to forget. */
import type { Touched } from '../domain/context.js';

/**
 * A case, and every contact: a contact read with its `cases` relation embeds the case, and which
 * contact it is cannot be known before the answer.
 */
export function caseTouched(caseId: string): Touched[] {
  return [{ kind: 'case', id: caseId }, { kind: 'contact' }];
}

/** A message and whatever case held it, which is not known before the answer: every case. */
export function messageTouched(messageId: string): Touched[] {
  return [{ kind: 'message', id: messageId }, { kind: 'case' }, { kind: 'contact' }];
}

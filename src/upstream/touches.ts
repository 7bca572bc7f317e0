/** What a write to a case or its messages may change, for the read path to forget. */
import type { Touched } from '../domain/touches.js';

/**
 * A case. What embeds cases (a contact read with its `cases`) is forgotten by whoever holds it
 * (the loaders): which contact it is cannot be known before the answer, and naming every contact
 * here would empty the record cache of contacts, which never hold cases, at every message sent.
 */
export function caseTouched(caseId: string): Touched[] {
  return [{ kind: 'case', id: caseId }];
}

/** A message and whatever case held it, which is not known before the answer: every case. */
export function messageTouched(messageId: string): Touched[] {
  return [{ kind: 'message', id: messageId }, { kind: 'case' }];
}

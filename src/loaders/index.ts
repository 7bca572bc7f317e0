/**
 * The loaders of one request, over its upstream session. Writes tell the session what they
 * touched; the session tells the loaders here, which forget exactly that: the one mechanism of
 * invalidation, whichever resolver or request wrote.
 */
import type { Loaders, UpstreamSession } from '../domain/context.js';
import type { RecordKind, Touched } from '../domain/touches.js';
import { createCaseLoader } from './cases.js';
import type { Clearable } from './clearable.js';
import { createContactLoader } from './contacts.js';
import { createMessageLoader } from './messages.js';
import { createNoteLoader } from './notes.js';
import { createThreadLoader } from './threads.js';
import { createUserLoader } from './users.js';

export function createLoaders(session: UpstreamSession, onBatch?: (loader: string, size: number) => void): Loaders {
  const cases = createCaseLoader(session, onBatch);
  const contacts = createContactLoader(session, onBatch);
  const messages = createMessageLoader(session, onBatch);
  const notes = createNoteLoader(session, onBatch);
  const users = createUserLoader(session, onBatch);
  const threads = createThreadLoader(session, onBatch);
  // A thread's read holds its cases too; it is keyed by contact and thread, not by case id. A
  // contact read with its `cases` embeds them, and which contact held a case is not known here.
  const casesAndWhatEmbedsThem: Clearable = {
    clear: (id) => {
      cases.clear(id);
      threads.clearAll();
      contacts.clearAll();
    },
    clearAll: () => {
      cases.clearAll();
      threads.clearAll();
      contacts.clearAll();
    },
  };
  const byKind: Record<RecordKind, Clearable> = { case: casesAndWhatEmbedsThem, contact: contacts, message: messages, user: users, note: notes };
  session.onInvalidate((touched: ReadonlyArray<Touched>) => {
    for (const { kind, id } of touched) {
      if (id === undefined) byKind[kind].clearAll();
      else byKind[kind].clear(id);
    }
  });
  return { cases, threads, contacts, messages, notes, users };
}

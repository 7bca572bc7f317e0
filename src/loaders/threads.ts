import DataLoader from 'dataloader';
import type { ThreadLoader, UpstreamSession } from '../domain/context.js';
import type { CaseRecord } from '../domain/records.js';
import { getThread } from '../upstream/cases.js';
import type { Clearable } from './clearable.js';
import { flushableSchedule } from './schedule.js';

const SEPARATOR = '\n';

/**
 * Threads by contact and thread id: `GET /crm/messenger/chat/messages`, one call per thread
 * however many of its cases a page holds. Cleared whole on any case write (src/loaders/index.ts):
 * a thread's key is not the case id that writes name.
 */
export function createThreadLoader(session: UpstreamSession, onBatch?: (loader: string, size: number) => void): ThreadLoader & Pick<Clearable, 'clearAll'> {
  const schedule = flushableSchedule();
  const loader = new DataLoader<string, ReadonlyArray<CaseRecord>>(
    (keys) => {
      onBatch?.('threads', keys.length);
      return Promise.all(
        keys.map((key) => {
          const at = key.indexOf(SEPARATOR);
          return getThread(session, key.slice(0, at), key.slice(at + 1)).catch((error: Error) => error);
        }),
      );
    },
    { batchScheduleFn: schedule.batchScheduleFn },
  );
  return {
    load: (contactId, threadId) => loader.load(`${contactId}${SEPARATOR}${threadId}`),
    flush: schedule.flush,
    clearAll: () => {
      loader.clearAll();
    },
  };
}

import DataLoader from 'dataloader';
import type { MessageLoader, UpstreamSession } from '../domain/context.js';
import type { MessageRecord } from '../domain/records.js';
import { getMessage } from '../upstream/messages.js';
import type { Clearable } from './clearable.js';

/** Messages by id. The API has no batch read, so a batch is parallel single reads. */
export function createMessageLoader(session: UpstreamSession, onBatch?: (loader: string, size: number) => void): MessageLoader & Clearable {
  const loader = new DataLoader<string, MessageRecord>((ids) => {
    onBatch?.('messages', ids.length);
    return Promise.all(ids.map((id) => getMessage(session, id).catch((error: Error) => error)));
  });
  return {
    load: (id) => loader.load(id),
    prime: (message) => {
      loader.clear(message.id).prime(message.id, message);
    },
    clear: (id) => {
      loader.clear(id);
    },
    clearAll: () => {
      loader.clearAll();
    },
  };
}

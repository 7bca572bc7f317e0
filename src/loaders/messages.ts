import DataLoader from 'dataloader';
import type { UpstreamCall } from '../upstream/client.js';
import { getMessage } from '../upstream/messages.js';
import type { MessageRecord } from '../upstream/records.js';
import type { LoaderOptions } from './index.js';

export type MessageLoader = DataLoader<string, MessageRecord>;

/** Messages by id. The API has no batch read, so a batch is parallel single reads. */
export function createMessageLoader(call: UpstreamCall, options: LoaderOptions): MessageLoader {
  return new DataLoader<string, MessageRecord>(
    (ids) => {
      options.onBatch?.('messages', ids.length);
      return Promise.all(ids.map((id) => getMessage(call, id).catch((error: Error) => error)));
    },
    options.batch ? {} : { batch: false, cache: false },
  );
}

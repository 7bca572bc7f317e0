import DataLoader from 'dataloader';
import type { NoteLoader, UpstreamSession } from '../domain/context.js';
import type { NoteRecord } from '../domain/records.js';
import { getNote } from '../upstream/notes.js';
import type { Clearable } from './clearable.js';

/** Notes by id. The API has no batch read, so a batch is parallel single reads. */
export function createNoteLoader(session: UpstreamSession, onBatch?: (loader: string, size: number) => void): NoteLoader & Clearable {
  const loader = new DataLoader<string, NoteRecord>((ids) => {
    onBatch?.('notes', ids.length);
    return Promise.all(ids.map((id) => getNote(session, id).catch((error: Error) => error)));
  });
  return {
    load: (id) => loader.load(id),
    clear: (id) => {
      loader.clear(id);
    },
    clearAll: () => {
      loader.clearAll();
    },
  };
}

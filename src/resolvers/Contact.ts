import type { ContactResolvers } from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../domain/context.js';
import { pagedConnectionOf } from '../pagination/connection.js';
import { planSlice } from '../pagination/slice.js';
import { listNotes } from '../upstream/notes.js';
import { toStr } from '../upstream/normalize.js';
import type { ContactRecord } from '../domain/records.js';
import { map } from './maybeAsync.js';

const NOTE_PAGE_SIZES = { maxPageSize: 100, defaultPageSize: 20 };

/** Columns of a bare reference are read on first use; name, email and phone need the contact's fields. */
function withColumns(record: ContactRecord, { loaders }: GatewayContext): Promise<ContactRecord> | ContactRecord {
  return record.hasColumns ? record : loaders.contacts.load(record.id);
}

function fieldsOf(record: ContactRecord, { loaders }: GatewayContext): Record<string, unknown> | Promise<Record<string, unknown>> {
  return record.fields ?? loaders.contacts.load(record.id, ['fields']).then((read) => read.fields ?? {});
}

type Column = Exclude<keyof ContactRecord, 'id' | 'hasColumns' | 'fields' | 'cases' | 'company' | 'tags'>;

function column<K extends Column>(key: K) {
  return (record: ContactRecord, _args: unknown, context: GatewayContext): ContactRecord[K] | Promise<ContactRecord[K]> =>
    map(withColumns(record, context), (ready) => ready[key]);
}

function field(key: string) {
  return (record: ContactRecord, _args: unknown, context: GatewayContext): string | null | Promise<string | null> =>
    map(fieldsOf(record, context), (fields) => toStr(fields[key]));
}

export const Contact: ContactResolvers = {
  name: field('name'),
  email: field('email'),
  phone: field('phone'),
  fields: (record, _args, context) => fieldsOf(record, context),
  clientType: column('clientType'),
  clientName: column('clientName'),
  clientVersion: column('clientVersion'),
  clientOsName: column('clientOsName'),
  clientOsVersion: column('clientOsVersion'),
  clientDeviceType: column('clientDeviceType'),
  clientDetails: column('clientDetails'),
  archived: column('archived'),
  companyId: column('companyId'),
  dateCreated: column('dateCreated'),
  dateUpdated: column('dateUpdated'),
  cases: (record, _args, { loaders }) => record.cases ?? loaders.contacts.load(record.id, ['cases']).then((read) => read.cases ?? []),
  company: (record, _args, { loaders }) =>
    record.company !== undefined ? record.company : loaders.contacts.load(record.id, ['company']).then((read) => read.company ?? null),
  tags: (record, _args, { loaders }) => record.tags ?? loaders.contacts.load(record.id, ['tags']).then((read) => read.tags ?? []),
  notes: async (record, args, { upstream }) => {
    const range = planSlice({ first: args.first ?? null, after: args.after ?? null }, 'ASC', NOTE_PAGE_SIZES).range(null);
    const { items, total } = await listNotes(upstream, record.id, range.start, range.count);
    // An account whose notes pages start at 1 answers page 0 and page 1 alike (ACQUIRE_NOTES_FIRST_PAGE).
    return pagedConnectionOf(items, range.start, total, args.after, () =>
      upstream.notice(`Acquire answered the notes of contact ${record.id} after offset ${range.start - 1} with the page before again: the list ends there (see ACQUIRE_NOTES_FIRST_PAGE; npm run doctor tells)`),
    );
  },
};

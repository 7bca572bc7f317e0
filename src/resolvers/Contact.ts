import type { ContactResolvers } from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../server/context.js';
import { toStr } from '../upstream/normalize.js';
import type { ContactRecord } from '../upstream/records.js';

/** Columns of a bare reference are read on first use; name, email and phone need the contact's fields. */
function withColumns(record: ContactRecord, { loaders }: GatewayContext): Promise<ContactRecord> | ContactRecord {
  return record.hasColumns ? record : loaders.contacts.load(record.id);
}

async function fieldsOf(record: ContactRecord, { loaders }: GatewayContext): Promise<Record<string, unknown>> {
  return record.fields ?? (await loaders.contacts.load(record.id, ['fields'])).fields ?? {};
}

type Column = Exclude<keyof ContactRecord, 'id' | 'hasColumns' | 'fields' | 'cases'>;

function column<K extends Column>(key: K) {
  return async (record: ContactRecord, _args: unknown, context: GatewayContext): Promise<ContactRecord[K]> =>
    (await withColumns(record, context))[key];
}

export const Contact: ContactResolvers = {
  name: async (record, _args, context) => toStr((await fieldsOf(record, context)).name),
  email: async (record, _args, context) => toStr((await fieldsOf(record, context)).email),
  phone: async (record, _args, context) => toStr((await fieldsOf(record, context)).phone),
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
  cases: async (record, _args, { loaders }) => record.cases ?? (await loaders.contacts.load(record.id, ['cases'])).cases ?? [],
};

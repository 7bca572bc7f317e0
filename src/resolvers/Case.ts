import type { CaseResolvers } from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../server/context.js';
import { contactReference, newestOf } from '../upstream/readRecords.js';
import type { CaseRecord, CaseRelation } from '../upstream/records.js';

/** The case with `relation` embedded: itself when the read that produced it asked for it. */
function withRelation(record: CaseRecord, relation: CaseRelation, { loaders }: GatewayContext): Promise<CaseRecord> | CaseRecord {
  return record[relation] === undefined ? loaders.cases.load(record.id, [relation]) : record;
}

export const Case: CaseResolvers = {
  contact: (record) => {
    if (record.contact) return record.contact;
    return record.contactId === null ? null : contactReference(record.contactId);
  },
  messages: async (record, _args, context) => (await withRelation(record, 'messages', context)).messages ?? [],
  users: async (record, _args, context) => (await withRelation(record, 'users', context)).users ?? [],
  timeline: async (record, _args, context) => (await withRelation(record, 'timeline', context)).timeline ?? [],
  feedbacks: async (record, _args, context) => (await withRelation(record, 'feedbacks', context)).feedbacks ?? [],
  fields: async (record, _args, context) => (await withRelation(record, 'fields', context)).fields ?? null,
  parent: (record, _args, { loaders }) => {
    if (record.parent !== undefined) return record.parent;
    return record.parentId === null ? null : loaders.cases.load(record.parentId);
  },
  lastMessage: async (record, _args, context) => {
    if (record.lastMessage !== undefined) return record.lastMessage;
    return newestOf((await withRelation(record, 'messages', context)).messages ?? []);
  },
};

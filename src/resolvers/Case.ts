import type { CaseResolvers } from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../domain/context.js';
import { contactReference, newestOf } from '../upstream/readRecords.js';
import type { CaseRecord, CaseRelation } from '../domain/records.js';
import { map } from './maybeAsync.js';
import { userOrNull } from './userOrNull.js';

/** The case with `relation` embedded: itself when the read that produced it asked for it. */
function withRelation(record: CaseRecord, relation: CaseRelation, { loaders }: GatewayContext): Promise<CaseRecord> | CaseRecord {
  return record[relation] === undefined ? loaders.cases.load(record.id, [relation]) : record;
}

export const Case: CaseResolvers = {
  contact: (record) => {
    if (record.contact) return record.contact;
    return record.contactId === null ? null : contactReference(record.contactId);
  },
  messages: (record, _args, context) => map(withRelation(record, 'messages', context), (ready) => ready.messages ?? []),
  users: (record, _args, context) => map(withRelation(record, 'users', context), (ready) => ready.users ?? []),
  timeline: (record, _args, context) => map(withRelation(record, 'timeline', context), (ready) => ready.timeline ?? []),
  feedbacks: (record, _args, context) => map(withRelation(record, 'feedbacks', context), (ready) => ready.feedbacks ?? []),
  tags: (record, _args, context) => map(withRelation(record, 'tags', context), (ready) => ready.tags ?? []),
  closedBy: (record, _args, context) => (record.closedById === null ? null : userOrNull(record.closedById, context)),
  fields: (record, _args, context) => map(withRelation(record, 'fields', context), (ready) => ready.fields ?? null),
  // Not embedded when the parent's own relations are selected: it is read by id, with them.
  parent: (record, _args, { loaders, planner }, info) => {
    if (record.parent !== undefined) return record.parent;
    return record.parentId === null ? null : loaders.cases.load(record.parentId, planner.caseRelations(info));
  },
  /**
   * From the messages when they were embedded; otherwise from the read of the case's thread, whose
   * size does not grow with the conversation; the whole relation only when the thread cannot be read.
   */
  lastMessage: (record, _args, context) => {
    if (record.lastMessage !== undefined) return record.lastMessage;
    const newestEmbedded = (ready: CaseRecord) => newestOf(ready.messages ?? []);
    if (record.messages !== undefined) return newestEmbedded(record);
    const contactId = record.contact?.id ?? record.contactId;
    if (contactId === null || record.threadId === null) return map(withRelation(record, 'messages', context), newestEmbedded);
    return context.loaders.threads.load(contactId, record.threadId).then((cases) => {
      const own = cases.find((item) => item.id === record.id);
      return own?.lastMessage !== undefined ? own.lastMessage : map(withRelation(record, 'messages', context), newestEmbedded);
    });
  },
};

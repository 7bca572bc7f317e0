/**
 * Which `relations=` a case read needs for the fields a query selects on the case. Asking for
 * them in the list or single-case call embeds them, instead of one more call per case later.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { CaseRelation, ContactRelation } from '../upstream/records.js';
import { fieldNodesAt, subfields } from './selections.js';

const RELATION_OF_FIELD: Readonly<Record<string, CaseRelation>> = {
  users: 'users',
  messages: 'messages',
  // The newest of the embedded messages, unless the upstream sent `lastMessage` itself.
  lastMessage: 'messages',
  timeline: 'timeline',
  feedbacks: 'feedbacks',
  fields: 'fields',
  parent: 'parent',
};

/**
 * Contact fields that an embedded contact carries. Name, email and phone live in the contact's
 * fields, which only a contact read returns: for those, embedding the contact gains nothing.
 */
const CONTACT_COLUMN_FIELDS = new Set([
  'clientType',
  'clientName',
  'clientVersion',
  'clientOsName',
  'clientOsVersion',
  'clientDeviceType',
  'clientDetails',
  'archived',
  'companyId',
  'dateCreated',
  'dateUpdated',
]);

/** Relations for the cases selected at `path` below the resolver's field (`[]` for the field itself). */
export function caseRelationsFor(info: GraphQLResolveInfo, ...paths: ReadonlyArray<readonly string[]>): CaseRelation[] {
  const nodes: FieldNode[] = (paths.length === 0 ? [[]] : paths).flatMap((path) => fieldNodesAt(info, path));
  const relations = new Set<CaseRelation>();
  for (const [name, fieldNodes] of subfields(info, nodes)) {
    const relation = RELATION_OF_FIELD[name];
    if (relation) relations.add(relation);
    if (name === 'contact' && [...subfields(info, fieldNodes).keys()].some((field) => CONTACT_COLUMN_FIELDS.has(field))) {
      relations.add('contact');
    }
  }
  return [...relations].sort();
}

const CONTACT_FIELDS_OF_FIELDS = new Set(['name', 'email', 'phone', 'fields']);

/** Relations for a contact read, from the fields selected on the contact. */
export function contactRelationsFor(info: GraphQLResolveInfo): ContactRelation[] {
  const selected = [...subfields(info, info.fieldNodes).keys()];
  const relations: ContactRelation[] = [];
  if (selected.includes('cases')) relations.push('cases');
  if (selected.some((field) => CONTACT_FIELDS_OF_FIELDS.has(field))) relations.push('fields');
  return relations.sort();
}

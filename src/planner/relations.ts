/**
 * Which `relations=` a case read needs for the fields a query selects on the case. Asking for
 * them in the list or single-case call embeds them, instead of one more call per case later.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Planner } from '../domain/context.js';
import type { CaseRelation, ContactRelation } from '../domain/records.js';
import { fieldNodesAt, sameCallNodes, subfields } from './selections.js';

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

function caseNodes(info: GraphQLResolveInfo, paths: ReadonlyArray<readonly string[]>): FieldNode[] {
  return (paths.length === 0 ? [[]] : paths).flatMap((path) => fieldNodesAt(info, path));
}

/** Relations for the cases selected at `path` below the resolver's field (`[]` for the field itself). */
export function caseRelationsFor(info: GraphQLResolveInfo, ...paths: ReadonlyArray<readonly string[]>): CaseRelation[] {
  const nodes = caseNodes(info, paths);
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

/** The upstream column each Case field reads; relation fields need only the id, always sent. */
const COLUMN_OF_FIELD: Readonly<Record<string, string | null>> = {
  id: 'id',
  __typename: null,
  // Sent with every row, selected or not.
  threadId: null,
  title: 'title',
  description: 'description',
  channel: 'channel',
  status: 'status',
  closingState: 'closingState',
  dateQueue: 'dateQueue',
  datePending: 'datePending',
  dateActive: 'dateActive',
  dateClosed: 'dateClosed',
  userId: 'userId',
  waitTime: 'waitTime',
  dateCreated: 'dateCreated',
  dateUpdated: 'dateUpdated',
  contactId: 'contactId',
  contact: 'contactId',
  parent: 'parentId',
  users: null,
  messages: null,
  lastMessage: null,
  timeline: null,
  feedbacks: null,
  fields: null,
};

/**
 * The columns (`select=`) a case list needs for the selected fields: a page of 100 cases asking
 * only for contact names is a twelfth of the bytes. Null when a field is not known here, so that
 * nothing is left out by mistake.
 */
export function caseColumnsFor(info: GraphQLResolveInfo, ...paths: ReadonlyArray<readonly string[]>): string[] | null {
  const columns = new Set<string>(['id']);
  for (const name of subfields(info, caseNodes(info, paths)).keys()) {
    if (!(name in COLUMN_OF_FIELD)) return null;
    const column = COLUMN_OF_FIELD[name];
    if (column) columns.add(column);
  }
  return [...columns].sort();
}

const CONTACT_FIELDS_OF_FIELDS = new Set(['name', 'email', 'phone', 'fields']);

function contactRelationsOf(selected: Iterable<string>): ContactRelation[] {
  const fields = [...selected];
  const relations: ContactRelation[] = [];
  if (fields.includes('cases')) relations.push('cases');
  if (fields.some((field) => CONTACT_FIELDS_OF_FIELDS.has(field))) relations.push('fields');
  return relations.sort();
}

/** Relations for a contact read, from the fields selected on the contact. */
export function contactRelationsFor(info: GraphQLResolveInfo): ContactRelation[] {
  return contactRelationsOf(subfields(info, sameCallNodes(info)).keys());
}

/**
 * The contact read each selected case will need (for its contact's name, email, phone or cases),
 * known as soon as the cases arrive: starting those reads then, instead of when execution reaches
 * them, takes the rest of the page's execution off the critical path.
 */
export function caseContactRelationsFor(info: GraphQLResolveInfo, ...paths: ReadonlyArray<readonly string[]>): ContactRelation[] {
  const contactNodes = subfields(info, caseNodes(info, paths)).get('contact') ?? [];
  return contactRelationsOf(subfields(info, contactNodes).keys());
}

export const selectionPlanner: Planner = {
  caseRelations: caseRelationsFor,
  caseColumns: caseColumnsFor,
  caseContactRelations: caseContactRelationsFor,
  contactRelations: contactRelationsFor,
};

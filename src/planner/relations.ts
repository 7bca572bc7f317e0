/**
 * What a case or contact read must ask the upstream for, from the fields a query selects and the
 * `@upstream` directives of the schema: the relations to embed (`relations=`) and, for case lists,
 * the columns (`select=`). Asking for them in the one read of a record (or of a page of records)
 * saves a call per record later.
 */
import { getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import type { Planner, SelectionPath } from '../domain/context.js';
import { CASE_RELATIONS, CONTACT_RELATIONS, type CaseRelation, type ContactRelation } from '../domain/records.js';
import { fieldPlan } from './directives.js';
import { fieldNodesAt, subfields } from './selections.js';

function nodesAt(info: GraphQLResolveInfo, paths: readonly SelectionPath[]): FieldNode[] {
  return (paths.length === 0 ? [[]] : paths).flatMap((path) => fieldNodesAt(info, path));
}

/**
 * The relations that a read of `typeName` records needs for the fields selected in `nodes`. A
 * field with both a `column` (its record's id) and a `relation` is embedded only when what the
 * query selects of that record is its columns (or only what it is, `__typename`): an embedded
 * record carries its columns, not its own relations, so when those are selected too (a contact's
 * name, from its fields; a parent's messages) the record's own read is needed anyway, made by id
 * with exactly them.
 */
function relationsOf(info: GraphQLResolveInfo, typeName: string, nodes: readonly FieldNode[]): Set<string> {
  const relations = new Set<string>();
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return relations;
  for (const [name, fieldNodes] of subfields(info, nodes)) {
    const plan = fieldPlan(info.schema, typeName, name);
    // Served by the thread's read instead, unless another field embeds the relation anyway.
    if (plan.relation === null || plan.thread) continue;
    const field = type.getFields()[name];
    if (plan.column === null || !field) {
      relations.add(plan.relation);
      continue;
    }
    const child = getNamedType(field.type).name;
    if (relationsOf(info, child, fieldNodes).size > 0) continue;
    const selected = [...subfields(info, fieldNodes).keys()];
    const onlyWhatItIs = selected.length > 0 && selected.every((childField) => childField === '__typename');
    if (onlyWhatItIs || selected.some((childField) => fieldPlan(info.schema, child, childField).column !== null)) relations.add(plan.relation);
  }
  return relations;
}

function only<R extends string>(known: readonly R[], relations: Iterable<string>): R[] {
  return [...relations].filter((relation): relation is R => (known as readonly string[]).includes(relation)).sort();
}

/** Relations for the cases selected at `paths` below the resolver's field (none: the field itself). */
export function caseRelationsFor(info: GraphQLResolveInfo, ...paths: SelectionPath[]): CaseRelation[] {
  return only(CASE_RELATIONS, relationsOf(info, 'Case', nodesAt(info, paths)));
}

/**
 * Whether the selected cases need the read of their thread: a field the thread's read carries
 * (a case's last message) is selected, and no other field embeds its relation. The thread's read
 * is one call per thread, whatever the length of its conversations; the relation holds them whole.
 */
export function caseThreadReadsFor(info: GraphQLResolveInfo, ...paths: SelectionPath[]): boolean {
  const names = [...subfields(info, nodesAt(info, paths)).keys()];
  const embedded = caseRelationsFor(info, ...paths) as string[];
  return names.some((name) => {
    const plan = fieldPlan(info.schema, 'Case', name);
    return plan.thread && plan.relation !== null && !embedded.includes(plan.relation);
  });
}

/**
 * The columns (`select=`) a case list needs for the selected fields: a page of 100 cases asking
 * only for contact names is a twelfth of the bytes. Null (whole rows) when a selected field
 * declares no upstream source, so that nothing is left out by mistake, or reads a column that
 * rows read with `select=` lack.
 */
export function caseColumnsFor(info: GraphQLResolveInfo, ...paths: SelectionPath[]): string[] | null {
  const columns = new Set<string>(['id']);
  for (const name of subfields(info, nodesAt(info, paths)).keys()) {
    if (name === '__typename') continue;
    const plan = fieldPlan(info.schema, 'Case', name);
    if (plan.column === null && plan.relation === null) return null;
    if (plan.column !== null && !plan.selectable && !plan.sentWithSelect) return null;
    if (plan.column !== null && plan.selectable) columns.add(plan.column);
  }
  // A thread is read by its contact and its id (the id comes with every row).
  if (caseThreadReadsFor(info, ...paths)) columns.add('contactId');
  return [...columns].sort();
}

/** Relations for a contact read, from the fields selected on the contacts at `paths` (none: the field itself). */
export function contactRelationsFor(info: GraphQLResolveInfo, ...paths: SelectionPath[]): ContactRelation[] {
  return only(CONTACT_RELATIONS, relationsOf(info, 'Contact', nodesAt(info, paths)));
}

/**
 * The contact read each selected case will need (for its contact's name, email, phone or cases),
 * known as soon as the cases arrive: starting those reads then, instead of when execution reaches
 * them, takes the rest of the page's execution off the critical path.
 */
export function caseContactRelationsFor(info: GraphQLResolveInfo, ...paths: SelectionPath[]): ContactRelation[] {
  const contactNodes = subfields(info, nodesAt(info, paths)).get('contact') ?? [];
  return only(CONTACT_RELATIONS, relationsOf(info, 'Contact', contactNodes));
}

export const selectionPlanner: Planner = {
  caseRelations: caseRelationsFor,
  caseColumns: caseColumnsFor,
  caseThreadReads: caseThreadReadsFor,
  caseContactRelations: caseContactRelationsFor,
  contactRelations: contactRelationsFor,
};

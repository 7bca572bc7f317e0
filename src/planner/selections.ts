/**
 * Reads a resolver's selection set ahead of execution: which fields a query asks for below a
 * field, through aliases, fragments and @skip/@include, so a resolver can ask the upstream for
 * exactly the relations the query will need.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

type Info = Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>;

function included(info: Info, node: SelectionNode): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.if !== false;
}

function collect(info: Info, set: SelectionSetNode | undefined, into: Map<string, FieldNode[]>, seen: Set<string>): void {
  for (const selection of set?.selections ?? []) {
    if (!included(info, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const nodes = into.get(name);
      if (nodes) nodes.push(selection);
      else into.set(name, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(info, selection.selectionSet, into, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(info, info.fragments[selection.name.value]?.selectionSet, into, seen);
    }
  }
}

/** The fields selected directly below `nodes`, by field name (aliases merged). */
export function subfields(info: Info, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const into = new Map<string, FieldNode[]>();
  for (const node of nodes) collect(info, node.selectionSet, into, new Set());
  return into;
}

/**
 * The resolver's field nodes and, for a root field, those of its aliases with the same
 * arguments: they make the same upstream call, so its plan must serve them all.
 */
function sameCallNodes(info: GraphQLResolveInfo): readonly FieldNode[] {
  if (info.parentType !== info.schema.getRootType(info.operation.operation)) return info.fieldNodes;
  const definition = info.parentType.getFields()[info.fieldName];
  const [own] = info.fieldNodes;
  if (!definition || !own) return info.fieldNodes;
  const argumentsOf = (node: FieldNode): string => JSON.stringify(getArgumentValues(definition, node, info.variableValues));
  const mine = argumentsOf(own);
  const everyRootField = new Map<string, FieldNode[]>();
  collect(info, info.operation.selectionSet, everyRootField, new Set());
  return (everyRootField.get(info.fieldName) ?? []).filter((node) => argumentsOf(node) === mine);
}

/** The field nodes at `path` below the resolver's own field (and its same-call aliases), e.g. `['edges', 'node']`. */
export function fieldNodesAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = sameCallNodes(info);
  for (const name of path) nodes = subfields(info, nodes).get(name) ?? [];
  return [...nodes];
}

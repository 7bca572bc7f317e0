/**
 * Limits on what one operation may ask, checked after validation and before execution, so an
 * abusive query costs no upstream call: nesting depth, aliases (introspection included), and a
 * cost that estimates how many upstream calls the query could cause, from the costs and list
 * sizes the schema declares.
 */
import type { ErrorCode } from '../../domain/errorCodes.js';
import { gatewayError } from '../../domain/errors.js';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldPlan, type ListSize } from '../../planner/directives.js';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  /** Tokens a document may have; graphql-js stops parsing past it. */
  maxTokens: number;
  /** Bracket nesting of the request's JSON and document text, checked before parsing (server/intake/intake.ts). */
  maxNesting: number;
}


const DEFAULT_LIST_SIZE = 10;

interface OperationMeasure {
  depth: number;
  cost: number;
  aliases: number;
}

/** A field of `type` by name, the introspection fields included, so that nothing escapes measuring. */
function fieldOf(schema: GraphQLSchema, type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name && type === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && type === schema.getQueryType()) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** The items a list field is assumed to hold: its slicing arguments (`first`), else its declared assumed size. */
function sizeOf(listSize: ListSize | null, args: Record<string, unknown>): number {
  if (!listSize) return DEFAULT_LIST_SIZE;
  const sliced = listSize.slicingArguments.map((name) => args[name]).filter((value): value is number => typeof value === 'number');
  // A negative page size is refused later; counting it negative would offset other fields.
  if (sliced.length > 0) return Math.max(0, ...sliced);
  return listSize.assumedSize ?? DEFAULT_LIST_SIZE;
}

/** How many representations a federation subgraph's `_entities` field is given; null for any other field. */
function representationsOf(fieldName: string, args: Record<string, unknown>): number | null {
  if (fieldName !== '_entities') return null;
  return Array.isArray(args.representations) ? args.representations.length : 0;
}

/**
 * Measures one operation against the schema, with the request's variables. The cost is the sum of
 * each selected field's declared `@cost`, times the sizes (`@listSize`) of the lists above it: an
 * upper bound of the upstream calls, as if nothing could be embedded or shared, so nesting lists
 * in lists (cases > messages > case > messages...) runs into the limit at once.
 *
 * A selection set is measured at multiplier 1 and its cost scaled where it is used, so a fragment
 * is measured once for each connection it is spread below, however often it is spread: fragments
 * that spread the one before twice (F1 { ...F0 ...F0 }, F2 { ...F1 ...F1 }...) describe 2^n fields
 * in a few hundred bytes, and walking them out would hold the event loop for minutes.
 */
function measureOperation(
  schema: GraphQLSchema,
  root: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Record<string, unknown>,
): OperationMeasure {
  const measured = new Map<string, OperationMeasure>();
  /**
   * `depth`: the levels of fields in `set` and below (its own fields are 1); `cost` at multiplier 1.
   * `sized`: the fields of `type` that hold the items of the connection above, and how many.
   */
  const measureSet = (type: GraphQLNamedType, set: SelectionSetNode, sized: { fields: readonly string[]; size: number } | null, seen: ReadonlySet<string>): OperationMeasure => {
    const measure: OperationMeasure = { depth: 0, cost: 0, aliases: 0 };
    const add = (inner: OperationMeasure, levels: number, multiplier: number): void => {
      if (inner.depth > 0) measure.depth = Math.max(measure.depth, inner.depth + levels);
      measure.cost += inner.cost * multiplier;
      measure.aliases += inner.aliases;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        add(measureSet(condition ?? type, selection.selectionSet, sized, seen), 0, 1);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value) ?? type;
        const key = `${fragment.name.value} ${condition.name} ${sized ? `${sized.fields.join(',')}:${sized.size}` : ''}`;
        let inner = measured.get(key);
        if (!inner) {
          inner = measureSet(condition, fragment.selectionSet, sized, new Set([...seen, fragment.name.value]));
          measured.set(key, inner);
        }
        add(inner, 0, 1);
        continue;
      }
      if (selection.alias) measure.aliases += 1;
      measure.depth = Math.max(measure.depth, 1);
      const field = fieldOf(schema, type, selection.name.value);
      if (!field) continue;
      const plan = fieldPlan(schema, type.name, field.name);
      const sizedHere = sized !== null && sized.fields.includes(field.name);
      const own = sizedHere ? sized.size : 1;
      const args = field.args.length > 0 ? getArgumentValues(field, selection, variables) : {};
      const entities = type === schema.getQueryType() ? representationsOf(field.name, args) : null;
      // A router's `_entities` (GRAPHQL_SUBGRAPH) reads one record per representation.
      measure.cost += (entities ?? plan.cost ?? 0) * own;
      if (!selection.selectionSet) continue;
      const isList = isListType(getNullableType(field.type));
      const connection = plan.listSize && plan.listSize.sizedFields.length > 0 ? { fields: plan.listSize.sizedFields, size: sizeOf(plan.listSize, args) } : null;
      const below = entities !== null ? own * entities : connection || sizedHere || !isList ? own : own * sizeOf(plan.listSize, args);
      // `__Type.ofType` follows a type's wrappers (at most three here: [X!]!), so its chain says
      // nothing of an answer's size; counted, it would refuse every standard introspection query.
      const levels = type.name === '__Type' && field.name === 'ofType' ? 0 : 1;
      add(measureSet(getNamedType(field.type), selection.selectionSet, connection, seen), levels, below);
    }
    return measure;
  };
  return measureSet(root, selectionSet, null, new Set());
}

function rejection(message: string, code: ErrorCode): GraphQLError {
  return gatewayError(message, code, { http: { status: 400 } });
}

/** The first limit an operation passes, as the error that refuses it; null when it passes none (server/execution/admission.ts). */
export interface LimitVerdict {
  /** Why the operation is refused; null when it may run. */
  refusal: GraphQLError | null;
  /** Its estimate of upstream calls: the budget it runs with (upstream/budget.ts). */
  cost: number;
}

export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  /** Coerced (server/execution/admission.ts): measured as execution will see them, their defaults included. */
  variables: Record<string, unknown>,
  limits: QueryLimits,
): LimitVerdict {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return { refusal: null, cost: 0 };
  const measured = measureOperation(schema, root, operation.selectionSet, fragments, variables);
  const verdict = (refusal: GraphQLError | null): LimitVerdict => ({ refusal, cost: measured.cost });
  if (measured.depth > limits.maxDepth) {
    return verdict(rejection(`The operation is nested ${measured.depth} levels deep; the limit is ${limits.maxDepth}`, 'QUERY_TOO_DEEP'));
  }
  if (measured.aliases > limits.maxAliases) {
    return verdict(rejection(`The operation has ${measured.aliases} aliases; the limit is ${limits.maxAliases}`, 'TOO_MANY_ALIASES'));
  }
  if (measured.cost > limits.maxCost) {
    return verdict(
      rejection(
        `The operation could cost up to ${measured.cost} upstream calls; the limit is ${limits.maxCost}. Ask for fewer items or fewer nested relations.`,
        'QUERY_TOO_COSTLY',
      ),
    );
  }
  return verdict(null);
}

/**
 * What the SDL declares about each field's upstream side (schema/base.graphql): its cost and list
 * size (`@cost`, `@listSize`, as in the GraphQL cost specification) and where it is read from
 * (`@upstream`); and about each type, how long its records stay fresh (Apollo's `@cacheControl`).
 * The planner, the limits and the record cache read these, and nothing else, so a field's price
 * and embedding, and a type's freshness, live in one place. Read once per schema and field.
 */
import { getDirectiveValues, type GraphQLDirective, type GraphQLField, type GraphQLSchema } from 'graphql';

export interface ListSize {
  readonly assumedSize: number | null;
  readonly slicingArguments: readonly string[];
  readonly sizedFields: readonly string[];
}

export interface FieldPlan {
  /** Upstream calls each resolution may cost; null when the field declares none. */
  readonly cost: number | null;
  readonly listSize: ListSize | null;
  /** The column of the parent's upstream record, when the field reads one. */
  readonly column: string | null;
  /** Whether `select=` may name the column. */
  readonly selectable: boolean;
  /** Whether rows read with `select=` carry the column even when `select=` cannot name it. */
  readonly sentWithSelect: boolean;
  /** The relation the parent's read embeds for the field. */
  readonly relation: string | null;
  /** Whether the read of the case's thread carries the field too. */
  readonly thread: boolean;
}

const NONE: FieldPlan = { cost: null, listSize: null, column: null, selectable: false, sentWithSelect: true, relation: null, thread: false };

const plans = new WeakMap<GraphQLSchema, Map<string, FieldPlan>>();

function read(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): FieldPlan {
  const node = field.astNode;
  if (!node) return NONE;
  const values = (name: string): Record<string, unknown> | undefined => {
    const directive: GraphQLDirective | null | undefined = schema.getDirective(name);
    return directive ? getDirectiveValues(directive, node) : undefined;
  };
  const cost = values('cost');
  const listSize = values('listSize');
  const upstream = values('upstream');
  return {
    cost: typeof cost?.weight === 'number' ? cost.weight : null,
    listSize: listSize
      ? {
          assumedSize: typeof listSize.assumedSize === 'number' ? listSize.assumedSize : null,
          slicingArguments: (listSize.slicingArguments as string[] | undefined) ?? [],
          sizedFields: (listSize.sizedFields as string[] | undefined) ?? [],
        }
      : null,
    column: typeof upstream?.column === 'string' ? upstream.column : null,
    selectable: upstream?.selectable !== false,
    sentWithSelect: upstream?.sentWithSelect !== false,
    relation: typeof upstream?.relation === 'string' ? upstream.relation : null,
    thread: upstream?.thread === true,
  };
}

/** The declared plan of `typeName.fieldName`; an empty plan for a field the schema lacks. */
export function fieldPlan(schema: GraphQLSchema, typeName: string, fieldName: string): FieldPlan {
  let byField = plans.get(schema);
  if (!byField) plans.set(schema, (byField = new Map()));
  const key = `${typeName}.${fieldName}`;
  let plan = byField.get(key);
  if (!plan) {
    const type = schema.getType(typeName);
    const field = type && 'getFields' in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[fieldName] : undefined;
    plan = field ? read(schema, field) : NONE;
    byField.set(key, plan);
  }
  return plan;
}

/** A type's `@cacheControl` (Apollo's directive), as the record cache and the Cache-Control header read it. */
export interface TypeFreshness {
  /** Seconds its records stay fresh; null when the type declares none. */
  readonly maxAge: number | null;
  readonly scope: 'PUBLIC' | 'PRIVATE' | null;
}

/** The declared freshness of `typeName`; nothing declared for a type the schema lacks. */
export function typeFreshness(schema: GraphQLSchema, typeName: string): TypeFreshness {
  const node = schema.getType(typeName)?.astNode;
  const directive = schema.getDirective('cacheControl');
  const values = node && directive ? getDirectiveValues(directive, node) : undefined;
  const scope = values?.scope;
  return {
    maxAge: typeof values?.maxAge === 'number' ? values.maxAge : null,
    scope: scope === 'PUBLIC' || scope === 'PRIVATE' ? scope : null,
  };
}

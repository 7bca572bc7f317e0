/**
 * Limits on what one operation may ask, checked after validation and before execution, so an
 * abusive query costs no upstream call: nesting depth, aliases, and a cost that estimates how
 * many upstream calls the query could cause, list fan-out included.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 10, maxCost: 5000, maxAliases: 30 };

/**
 * Fields that may cost an upstream call each time they resolve, counted as if the planner could
 * embed nothing and the loaders could share nothing: an upper bound, so the default limit is
 * generous (a page of 100 cases with every message's sender is about 3,100) while nesting lists
 * in lists (cases > messages > case > messages...) runs into it at once. Scalars and the
 * connection's own fields cost nothing.
 */
const CALLING_FIELDS = new Set([
  'Query.case',
  'Query.cases',
  'Query.thread',
  'Query.message',
  'Query.contact',
  'Query.user',
  'Query.users',
  'Case.contact',
  'Case.messages',
  'Case.users',
  'Case.timeline',
  'Case.feedbacks',
  'Case.fields',
  'Case.parent',
  'Case.lastMessage',
  'CaseParticipant.user',
  'CaseParticipant.contact',
  'Message.case',
  'Message.sender',
  'Contact.cases',
]);

/** How many items a list field is assumed to hold; connections use their `first` argument. */
const LIST_SIZES: Readonly<Record<string, number>> = {
  'Query.thread': 10,
  'Query.users': 1,
  'Case.messages': 30,
  'Case.users': 5,
  'Case.timeline': 5,
  'Case.feedbacks': 1,
  'Contact.cases': 20,
  'InviteToCasePayload.invitations': 1,
};
const DEFAULT_LIST_SIZE = 10;
const DEFAULT_PAGE_SIZE = 20;

interface OperationMeasure {
  depth: number;
  cost: number;
  aliases: number;
}

/** Measures one operation's selection set against the schema, with the request's variables. */
function measureOperation(
  schema: GraphQLSchema,
  root: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Record<string, unknown>,
): OperationMeasure {
  const measure: OperationMeasure = { depth: 0, cost: 0, aliases: 0 };
  const walk = (type: GraphQLNamedType, set: SelectionSetNode, depth: number, multiplier: number, pageSize: number, seen: Set<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        walk(condition ?? type, selection.selectionSet, depth, multiplier, pageSize, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value) ?? type;
        walk(condition, fragment.selectionSet, depth, multiplier, pageSize, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.alias) measure.aliases += 1;
      measure.depth = Math.max(measure.depth, depth);
      if (!isObjectType(type)) continue;
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      const key = `${type.name}.${field.name}`;
      if (CALLING_FIELDS.has(key)) measure.cost += multiplier;
      if (!selection.selectionSet) continue;
      const args = field.args.length > 0 ? getArgumentValues(field, selection, variables) : {};
      // A negative page size is refused later; counting it negative would offset other fields.
      const first = typeof args.first === 'number' ? Math.max(0, args.first) : pageSize;
      const childPage = getNamedType(field.type).name.endsWith('Connection') ? first : pageSize;
      const isList = isListType(getNullableType(field.type));
      const fanOut = isList ? (type.name.endsWith('Connection') ? pageSize : (LIST_SIZES[key] ?? DEFAULT_LIST_SIZE)) : 1;
      walk(getNamedType(field.type), selection.selectionSet, depth + 1, multiplier * fanOut, childPage, seen);
    }
  };
  walk(root, selectionSet, 1, 1, DEFAULT_PAGE_SIZE, new Set());
  return measure;
}

function rejection(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

export function createLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const root = operation && schema.getRootType(operation.operation);
          if (!operation || !root) return;
          // Measured with the variables as execution will see them, their defaults included.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          const variables = coerced.coerced ?? request.variables ?? {};
          const measured = measureOperation(schema, root, operation.selectionSet, fragments, variables);
          if (measured.depth > limits.maxDepth) {
            throw rejection(`The operation is nested ${measured.depth} levels deep; the limit is ${limits.maxDepth}`, 'QUERY_TOO_DEEP');
          }
          if (measured.aliases > limits.maxAliases) {
            throw rejection(`The operation has ${measured.aliases} aliases; the limit is ${limits.maxAliases}`, 'TOO_MANY_ALIASES');
          }
          if (measured.cost > limits.maxCost) {
            throw rejection(
              `The operation could cost up to ${measured.cost} upstream calls; the limit is ${limits.maxCost}. Ask for fewer items or fewer nested relations.`,
              'QUERY_TOO_COSTLY',
            );
          }
        },
      };
    },
  };
}

/**
 * The schema as a Federation 2 subgraph (GRAPHQL_SUBGRAPH=true), for Apollo Router, Cosmo, Hive or
 * `@apollo/gateway` to compose: the same SDL with `@key(fields: "id")` on the entity types and
 * `_entities` resolved through the request's loaders (resolvers/entityReferences.ts). Subscriptions
 * stay outside: a router's subgraph endpoint is plain HTTP, so the subgraph leaves out the
 * Subscription type and what only it uses, and clients subscribe at this gateway's own WebSocket
 * endpoint, which keeps serving the whole schema.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { Kind, parse, visit, type ConstDirectiveNode, type DefinitionNode, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import { badUserInput } from '../../domain/errors.js';
import { ENTITY_TYPES, entityReferences } from '../../resolvers/entityReferences.js';

const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const KEY_BY_ID: ConstDirectiveNode = {
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'key' },
  arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: { kind: Kind.STRING, value: 'id' } }],
};

const nameOf = (definition: DefinitionNode): string | null => ('name' in definition && definition.name ? definition.name.value : null);

/** Named types each type definition refers to (fields, arguments, unions, interfaces). */
function referencesOf(definition: DefinitionNode): Set<string> {
  const names = new Set<string>();
  visit(definition, {
    NamedType(node) {
      names.add(node.name.value);
    },
  });
  names.delete(nameOf(definition) ?? '');
  return names;
}

/** The Subscription type and the types only it reaches. */
function subscriptionOnly(definitions: readonly DefinitionNode[]): Set<string> {
  const uses = new Map<string, Set<string>>();
  for (const definition of definitions) {
    const name = nameOf(definition);
    if (name) uses.set(name, new Set([...(uses.get(name) ?? []), ...referencesOf(definition)]));
  }
  const reach = (roots: string[]): Set<string> => {
    const seen = new Set<string>();
    const queue = [...roots];
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      if (seen.has(name)) continue;
      seen.add(name);
      queue.push(...(uses.get(name) ?? []));
    }
    return seen;
  };
  const live = reach(['Subscription']);
  const elsewhere = reach([...uses.keys()].filter((name) => !live.has(name)));
  return new Set([...live].filter((name) => !elsewhere.has(name)));
}

/** Why a representation cannot name one of our entities; null when it can (its id is checked where it is read). */
function problemOf(representation: unknown): GraphQLError | null {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    return badUserInput('A representation is an object with __typename and id', 'representations');
  }
  const typename = (representation as Record<string, unknown>).__typename;
  if (typeof typename !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(typename)) {
    return badUserInput(`A representation's __typename is one of ${ENTITY_TYPES.join(', ')}`, 'representations');
  }
  return null;
}

/**
 * Representations come from outside like any argument: one this subgraph has no entity for is
 * BAD_USER_INPUT at its own place in the list, and never reaches @apollo/subgraph (which would
 * fail it as an unexpected error).
 */
function checkRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error('buildSubgraphSchema made no _entities field');
  field.resolve = async (source, args: { representations: unknown[] }, context, info) => {
    const problems = args.representations.map(problemOf);
    const resolved = (await resolve(source, { ...args, representations: args.representations.filter((_, at) => problems[at] === null) }, context, info)) as unknown[];
    let next = 0;
    return problems.map((problem) => problem ?? resolved[next++]);
  };
}

/** The SDL as a subgraph's: the federation link, keys on the entity types, no subscriptions. */
export function subgraphTypeDefs(typeDefs: readonly string[]): DocumentNode {
  const document = parse(typeDefs.join('\n'), { noLocation: true });
  const dropped = subscriptionOnly(document.definitions);
  const keyed = new Set<string>(ENTITY_TYPES);
  const definitions = document.definitions
    .filter((definition) => !dropped.has(nameOf(definition) ?? ''))
    .map((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && keyed.has(definition.name.value)
        ? { ...definition, directives: [...(definition.directives ?? []), KEY_BY_ID] }
        : definition,
    );
  return { ...document, definitions: [...parse(FEDERATION_LINK, { noLocation: true }).definitions, ...definitions] };
}

export function buildSubgraph(typeDefs: readonly string[], resolvers: Resolvers): GraphQLSchema {
  const document = subgraphTypeDefs(typeDefs);
  const kept = new Set(document.definitions.map(nameOf));
  const served: Record<string, object> = Object.fromEntries(Object.entries(resolvers).filter(([type]) => kept.has(type)));
  for (const [type, reference] of Object.entries(entityReferences)) served[type] = { ...served[type], ...reference };
  const schema = buildSubgraphSchema({ typeDefs: document, resolvers: served as GraphQLResolverMap<unknown> });
  checkRepresentations(schema);
  return schema;
}

import { buildASTSchema, getNamedType, Kind, visit, getNullableType, isEnumType, isListType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, parse, type GraphQLSchema } from 'graphql';
import * as domainEnums from '../../src/domain/enums.js';
import { CASE_RELATIONS, CONTACT_RELATIONS } from '../../src/domain/records.js';
import { CACHED_TYPES } from '../../src/domain/context.js';
import { fieldPlan, typeFreshness } from '../../src/planner/directives.js';
import { resolvers } from '../../src/resolvers/index.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema: GraphQLSchema = buildASTSchema(parse(loadTypeDefs().join('\n')));

function userTypes() {
  return Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name));
}

describe('schema', () => {
  it('has the same enumerations as the domain types below the resolvers', () => {
    const inDomain: Record<string, readonly string[]> = {
      CaseStatus: domainEnums.CASE_STATUSES,
      Channel: domainEnums.CHANNELS,
      MessageType: domainEnums.MESSAGE_TYPES,
      SenderType: domainEnums.SENDER_TYPES,
      ParticipantType: domainEnums.PARTICIPANT_TYPES,
      UserStatus: domainEnums.USER_STATUSES,
      DepartmentStatus: domainEnums.DEPARTMENT_STATUSES,
      AgentAvailability: domainEnums.AGENT_AVAILABILITIES,
    };
    for (const [name, values] of Object.entries(inDomain)) {
      const type = schema.getType(name);
      if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
      expect({ name, values: type.getValues().map((value) => value.name).sort() }).toEqual({ name, values: [...values].sort() });
    }
  });

  it('has a resolver for every root field', () => {
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      const map = resolvers[root!.name as 'Query' | 'Mutation'] as Record<string, unknown>;
      for (const field of Object.keys(root!.getFields())) expect({ field, resolver: typeof map[field] }).toEqual({ field, resolver: 'function' });
    }
    const subscriptions = resolvers.Subscription as Record<string, { subscribe?: unknown; resolve?: unknown }>;
    for (const field of Object.keys(schema.getSubscriptionType()!.getFields())) {
      expect({ field, subscribe: typeof subscriptions[field]?.subscribe, resolve: typeof subscriptions[field]?.resolve }).toEqual({ field, subscribe: 'function', resolve: 'function' });
    }
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of userTypes()) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  describe('declared upstream costs and sources', () => {
    const objectTypes = () => userTypes().filter(isObjectType);

    it('prices every field that has a resolver of its own (those are the ones that can call upstream)', () => {
      const unpriced: string[] = [];
      for (const type of objectTypes()) {
        const own = (resolvers as Record<string, Record<string, unknown> | undefined>)[type.name] ?? {};
        for (const name of Object.keys(type.getFields())) {
          if (typeof own[name] === 'function' && fieldPlan(schema, type.name, name).cost === null) unpriced.push(`${type.name}.${name}`);
        }
      }
      expect(unpriced).toEqual([]);
    });

    it('sizes every list of objects, so nothing is priced with a guessed length', () => {
      const unsized: string[] = [];
      for (const type of objectTypes()) {
        for (const field of Object.values(type.getFields())) {
          const named = getNamedType(field.type);
          const list = isListType(getNullableType(field.type));
          const sizedByParent = type.name.endsWith('Connection');
          if (list && isObjectType(named) && !sizedByParent && fieldPlan(schema, type.name, field.name).listSize === null) unsized.push(`${type.name}.${field.name}`);
        }
      }
      expect(unsized).toEqual([]);
    });

    it('sizes every connection by its slicing arguments, down to its edges and nodes', () => {
      const unsized: string[] = [];
      for (const type of objectTypes()) {
        for (const field of Object.values(type.getFields())) {
          if (!getNamedType(field.type).name.endsWith('Connection')) continue;
          const size = fieldPlan(schema, type.name, field.name).listSize;
          const sliced = size !== null && size.slicingArguments.length > 0 && size.slicingArguments.every((name) => field.args.some((arg) => arg.name === name));
          if (!sliced || !['edges', 'nodes'].every((name) => size?.sizedFields.includes(name))) unsized.push(`${type.name}.${field.name}`);
        }
      }
      expect(unsized).toEqual([]);
    });

    it('finds @cost on fields only, where the estimate reads it', () => {
      const misplaced: string[] = [];
      visit(parse(loadTypeDefs().join('\n')), {
        Directive(node, _key, _parent, _path, ancestors) {
          const owner = ancestors.at(-1);
          if (node.name.value === 'cost' && !(owner && 'kind' in owner && owner.kind === Kind.FIELD_DEFINITION)) {
            misplaced.push(owner && 'name' in owner && owner.name ? String(owner.name.value) : '?');
          }
        },
      });
      expect(misplaced).toEqual([]);
    });

    it('declares how long each type the record cache keeps stays fresh, for its caller only; no other type has a maxAge', () => {
      for (const type of CACHED_TYPES) expect({ type, ...typeFreshness(schema, type) }).toEqual({ type, maxAge: expect.any(Number), scope: 'PRIVATE' });
      for (const type of CACHED_TYPES) expect(typeFreshness(schema, type).maxAge).toBeGreaterThan(0);
      const others = objectTypes().filter((type) => !(CACHED_TYPES as readonly string[]).includes(type.name) && typeFreshness(schema, type.name).maxAge !== null);
      expect(others.map((type) => type.name)).toEqual([]);
    });

    it('names only relations the upstream embeds', () => {
      const known: Record<string, readonly string[]> = { Case: CASE_RELATIONS, Contact: CONTACT_RELATIONS };
      for (const type of objectTypes()) {
        for (const name of Object.keys(type.getFields())) {
          const { relation } = fieldPlan(schema, type.name, name);
          if (relation !== null) expect({ field: `${type.name}.${name}`, relation, known: known[type.name]?.includes(relation) ?? false }).toEqual({ field: `${type.name}.${name}`, relation, known: true });
        }
      }
    });

    it('gives every Case field an upstream source, so a case list can always ask for only the columns it needs', () => {
      const caseType = schema.getType('Case');
      if (!isObjectType(caseType)) throw new Error('no Case type');
      const unknown = Object.keys(caseType.getFields()).filter((name) => {
        const plan = fieldPlan(schema, 'Case', name);
        return plan.column === null && plan.relation === null;
      });
      expect(unknown).toEqual([]);
    });
  });
});

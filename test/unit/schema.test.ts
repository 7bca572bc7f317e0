import { buildASTSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, parse, type GraphQLSchema } from 'graphql';
import * as domainEnums from '../../src/domain/enums.js';
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
});

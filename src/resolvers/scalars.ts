import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

const config = DateTimeResolver.toConfig();

/**
 * graphql-scalars' DateTime, with two changes. Output values pass straight through: the upstream
 * layer already made every date an ISO-8601 UTC string, and re-parsing thousands of them per page
 * showed up in profiles. Input values arrive as that same ISO string, not as a `Date`, so that
 * resolvers get what the generated types promise them.
 */
const DateTime = new GraphQLScalarType({
  ...config,
  serialize: (value) => (typeof value === 'string' ? value : DateTimeResolver.serialize(value)),
  parseValue: (value) => (DateTimeResolver.parseValue(value) as Date).toISOString(),
  parseLiteral: (ast, variables) => (DateTimeResolver.parseLiteral(ast, variables) as Date).toISOString(),
});

export const scalars = { DateTime, JSON: JSONResolver };

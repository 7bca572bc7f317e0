import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/**
 * graphql-scalars' DateTime, except that output values pass straight through: the upstream layer
 * already made every date an ISO-8601 UTC string, and re-parsing thousands of them per page
 * showed up in profiles.
 */
const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize: (value) => (typeof value === 'string' ? value : DateTimeResolver.serialize(value)),
});

export const scalars = { DateTime, JSON: JSONResolver };

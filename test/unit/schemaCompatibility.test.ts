import { compare, printCurrentSchema, readBaseline } from '../../scripts/schemaCompatibility.js';

describe('the schema against its committed baseline', () => {
  it('breaks nothing clients rely on', () => {
    const { breaking } = compare(readBaseline(), printCurrentSchema());
    expect({ breaking, fix: 'restore the schema, or if intended: npm run schema:accept -- --allow-breaking' }).toEqual({
      breaking: [],
      fix: expect.any(String),
    });
  });

  it('is recorded: every change to the SDL is accepted into the baseline on purpose', () => {
    expect(printCurrentSchema() === readBaseline() ? 'recorded' : 'changed: run npm run schema:accept').toBe('recorded');
  });

  it('tells a removed field or a new required argument from an added field', () => {
    const base = 'type Query { a: String b(x: Int): String }';
    expect(compare(base, 'type Query { a: String b(x: Int): String c: Int }').breaking).toEqual([]);
    expect(compare(base, 'type Query { a: String x: Int }').breaking).toEqual(['FIELD_REMOVED: Query.b was removed.']);
    expect(compare(base, 'type Query { a: String b(x: Int, y: Int!): String }').breaking).toHaveLength(1);
  });
});

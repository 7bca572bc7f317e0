import { shapeMismatches } from './helpers/shape.js';

/** The comparator behind the documented-example tests must be able to fail. */
describe('shapeMismatches', () => {
  const doc = { data: { id: 1, seen: 'no', meta: { additionalProp1: {} }, users: [{ type: 'user', id: 1 }, { type: 'contact', name: '#1' }], closedBy: null } };

  it('accepts extra keys, other values of the same types, and anything where the docs have null', () => {
    const actual = { data: { id: 7, seen: 'yes', extra: true, meta: {}, users: [{ type: 'contact', name: '#7' }, { type: 'user', id: 3 }], closedBy: 12 } };
    expect(shapeMismatches(doc, actual)).toEqual([]);
  });

  it('reports missing keys, other types, null for a documented value and empty arrays', () => {
    const actual = { data: { id: '7', meta: {}, users: [], closedBy: null } };
    expect(shapeMismatches(doc, actual)).toEqual([
      'data.id: docs have number, emulator has string',
      'data.seen: missing',
      'data.users: docs have items, emulator has none',
    ]);
    expect(shapeMismatches({ a: { b: 1 } }, { a: { b: null } })).toEqual(['a.b: docs have number, emulator has null']);
  });

  it('compares array items with the answered item of the same type', () => {
    const actual = { data: { ...doc.data, users: [{ type: 'user', id: 2 }, { type: 'contact' }] } };
    expect(shapeMismatches(doc, actual)).toEqual(['data.users[].name: missing']);
  });

  it('skips the listed exceptions', () => {
    expect(shapeMismatches({ a: 1, b: 2 }, { a: 'x' }, { a: 'a string here', b: 'not sent' })).toEqual([]);
  });
});

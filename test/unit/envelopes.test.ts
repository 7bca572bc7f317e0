import { dataOf, keyedEntriesOf, pageOf, recordOf } from '../../src/upstream/envelopes.js';
import { UpstreamError } from '../../src/upstream/errors.js';

describe('pageOf reads every documented list envelope', () => {
  it('case list {page, offset, limit, count, data}', () => {
    expect(pageOf({ data: { page: 0, offset: 0, limit: 2, count: 72, data: [{ id: 1 }, { id: 2 }] } })).toEqual({
      items: [{ id: 1 }, { id: 2 }],
      total: 72,
    });
  });

  it('users {count, data}', () => {
    expect(pageOf({ data: { count: 3, data: [{ id: 1 }] } }).total).toBe(3);
  });

  it('notes {count, rows}', () => {
    expect(pageOf({ data: { count: 5, rows: [{ id: 9 }] } })).toEqual({ items: [{ id: 9 }], total: 5 });
  });

  it('contacts {list, counts: {total}} and {list, counts: {filteredCount}}', () => {
    expect(pageOf({ data: { list: [{ id: 1 }], counts: { total: 40, records: 1 } } }).total).toBe(40);
    expect(pageOf({ data: { list: [], counts: { filteredCount: '7' } } }).total).toBe(7);
  });

  it('a bare array (the thread endpoint)', () => {
    expect(pageOf({ data: [{ id: 854 }] })).toEqual({ items: [{ id: 854 }], total: 1 });
  });

  it('a list without a count', () => {
    expect(pageOf({ data: { data: [] } }).total).toBeNull();
  });

  it('rejects what is not a list with an UPSTREAM_ERROR', () => {
    for (const body of [{ data: { nothing: true } }, { data: 'x' }, { items: [] }, null, 'text']) {
      expect(() => pageOf(body)).toThrow(UpstreamError);
    }
  });
});

describe('single records and maps', () => {
  it('unwraps {data: {...}}', () => {
    expect(recordOf({ data: { id: 30 } })).toEqual({ id: 30 });
    expect(dataOf({ data: true })).toBe(true);
  });

  it('rejects a record that is not an object', () => {
    expect(() => recordOf({ data: [1] })).toThrow(UpstreamError);
    expect(() => recordOf({ data: null })).toThrow(UpstreamError);
  });

  it('takes the numeric-key entries of the close-case map and leaves its scalars', () => {
    const body = { data: { '0': { foreverClosed: true, caseId: 5, contactId: 6 }, userId: 1, userType: 'user' } };
    expect(keyedEntriesOf(body)).toEqual([{ foreverClosed: true, caseId: 5, contactId: 6 }]);
  });

  it('orders the invite-agent map by user id', () => {
    const body = {
      data: {
        '26': { userId: 26, online: false, sent: false },
        '1': { userId: 1, online: true, sent: true },
        '11': { userId: 11, online: false, sent: false },
      },
    };
    expect(keyedEntriesOf(body).map((entry) => entry.userId)).toEqual([1, 11, 26]);
  });
});

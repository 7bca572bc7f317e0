import type { Cacheable, CachedType } from '../../src/domain/context.js';
import type { Touched } from '../../src/domain/touches.js';
import { createRecordCache, type RecordCache, type RecordCacheOptions } from '../../src/upstream/recordCache.js';

interface Contact {
  id: string;
  name: string;
}

const CONTACT: Cacheable<Contact> = { type: 'Contact', holds: (contact) => [{ kind: 'contact', id: contact.id }] };
const MAX_AGES: Record<CachedType, number> = { Contact: 10, User: 10, Department: 10, Note: 10, NoteMessage: 0 };

let clock = 0;
const caches: RecordCache[] = [];
function cache(options: Partial<RecordCacheOptions> = {}): RecordCache {
  const created = createRecordCache({ maxAgeS: MAX_AGES, maxEntries: 100, maxBytes: 1_000_000, now: () => clock, ...options });
  caches.push(created);
  return created;
}

beforeEach(() => {
  clock = 1_000_000;
});
afterEach(() => {
  for (const created of caches.splice(0)) created.stop();
});

const keep = (into: RecordCache, hash: string, id: string, name = `Contact ${id}`): void => into.store(hash, `contact ${id}`, { id, name }, CONTACT, into.ticket());

describe('the record cache', () => {
  it('answers within maxAge only, and asks for one refresh in its last quarter', () => {
    const kept = cache();
    keep(kept, 'a', '1');
    expect(kept.lookup('a', 'contact 1', 'Contact')).toEqual({ value: { id: '1', name: 'Contact 1' }, refresh: false });
    clock += 7_600;
    expect(kept.lookup('a', 'contact 1', 'Contact')?.refresh).toBe(true);
    expect(kept.lookup('a', 'contact 1', 'Contact')?.refresh).toBe(false);
    clock += 2_400;
    expect(kept.lookup('a', 'contact 1', 'Contact')).toBeUndefined();
    expect(kept.size().entries).toBe(0);
  });

  it('keeps nothing of a type whose maxAge is 0, and nothing that holds a case or a message', () => {
    const kept = cache();
    kept.store('a', 'messages', [], { type: 'NoteMessage', holds: () => [{ kind: 'note', id: '1' }] }, kept.ticket());
    kept.store('a', 'with cases', { id: '1' }, { type: 'Contact', holds: () => [{ kind: 'contact', id: '1' }, { kind: 'case', id: '9' }] }, kept.ticket());
    expect(kept.size().entries).toBe(0);
  });

  it('answers a credential with its own entries only', () => {
    const kept = cache();
    keep(kept, 'a', '1');
    expect(kept.lookup('b', 'contact 1', 'Contact')).toBeUndefined();
  });

  it('drops what a change names, for every credential; a whole kind when no id is named', () => {
    const kept = cache();
    for (const hash of ['a', 'b']) for (const id of ['1', '2']) keep(kept, hash, id);
    kept.drop([{ kind: 'contact', id: '1' }], 'webhook');
    expect(kept.lookup('a', 'contact 1', 'Contact')).toBeUndefined();
    expect(kept.lookup('b', 'contact 1', 'Contact')).toBeUndefined();
    expect(kept.lookup('b', 'contact 2', 'Contact')).toBeDefined();
    kept.drop([{ kind: 'user' }], 'webhook');
    expect(kept.size().entries).toBe(2);
    kept.drop([{ kind: 'contact' }], 'write');
    expect(kept.size()).toEqual({ entries: 0, bytes: 0 });
  });

  it('does not keep a read that a change of a kind it holds overlapped, nor one that a clear overlapped', () => {
    const kept = cache();
    const ticket = kept.ticket();
    kept.drop([{ kind: 'user', id: '5' }], 'webhook');
    kept.store('a', 'contact 1', { id: '1', name: 'x' }, CONTACT, ticket);
    expect(kept.size().entries).toBe(1);
    const late = kept.ticket();
    kept.drop([{ kind: 'contact', id: '2' }], 'webhook');
    kept.store('a', 'contact 3', { id: '3', name: 'x' }, CONTACT, late);
    expect(kept.lookup('a', 'contact 3', 'Contact')).toBeUndefined();
    const beforeClear = kept.ticket();
    kept.clear('events-lost');
    kept.store('a', 'contact 4', { id: '4', name: 'x' }, CONTACT, beforeClear);
    expect(kept.size().entries).toBe(0);
  });

  it('passes the changes made here to its relays, without cases and messages; drops from elsewhere go nowhere', async () => {
    const kept = cache();
    const relayed: Array<[ReadonlyArray<Touched>, string]> = [];
    kept.relay(async (touched, cause) => {
      relayed.push([touched, cause]);
    });
    await kept.invalidate([{ kind: 'case', id: '1' }, { kind: 'contact', id: '2' }], 'write');
    await kept.invalidate([{ kind: 'message', id: '3' }], 'write');
    kept.drop([{ kind: 'contact', id: '4' }], 'webhook');
    expect(relayed).toEqual([[[{ kind: 'contact', id: '2' }], 'write']]);
  });

  it('stays within its bounds, letting go of the least recently used entry of the credential that holds the most', () => {
    const evicted: number[] = [];
    const kept = cache({ maxEntries: 4, observer: { hit() {}, miss() {}, invalidated() {}, evicted: (count) => evicted.push(count) } });
    keep(kept, 'quiet', '1');
    for (const id of ['10', '11', '12']) keep(kept, 'busy', id);
    kept.lookup('busy', 'contact 10', 'Contact');
    keep(kept, 'busy', '13');
    expect(kept.size().entries).toBe(4);
    expect(kept.lookup('quiet', 'contact 1', 'Contact')).toBeDefined();
    expect(kept.lookup('busy', 'contact 11', 'Contact')).toBeUndefined();
    expect(kept.lookup('busy', 'contact 10', 'Contact')).toBeDefined();
    expect(evicted).toEqual([1]);

    const small = cache({ maxBytes: 2_000 });
    keep(small, 'a', '1', 'x'.repeat(5_000));
    expect(small.size().entries).toBe(0);
    for (const id of ['1', '2', '3', '4', '5']) keep(small, 'a', id);
    expect(small.size().bytes).toBeLessThanOrEqual(2_000);
    expect(small.lookup('a', 'contact 5', 'Contact')).toBeDefined();
  });
});

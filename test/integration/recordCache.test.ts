/**
 * The record cache as its users notice it, over real HTTP against the emulator: pages that read
 * their contacts once, writes and webhooks seen at once, a change behind the gateway's back seen
 * within the capped maxAge, keys that never share, the bounds, the header, the log and metrics.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_API_KEY, OTHER_ACCOUNT_API_KEY, type Emulator } from '../../emulator/server.js';
import { createLogger } from '../../src/server/ops/logger.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { eventually } from '../helpers/eventually.js';
import { codes, graphql } from '../helpers/graphql.js';
import { sample, startGateway, testSettings, type RunningGateway } from '../helpers/startGateway.js';
import { postWebhook } from '../helpers/webhooks.js';

const SECRET = 'record-cache-test-secret';
const CAP_S = 2;
const AHEAD_CAP_S = 4;
const PAGE = '{ cases(first: 20) { nodes { id contactId contact { id name email } } } }';
const CONTACT = 'query ($id: ID!) { contact(id: $id) { id name } }';

let emulator: Emulator;
const lines: string[] = [];
const gateways: Record<'cached' | 'capped' | 'ahead' | 'uncached' | 'small', RunningGateway> = {} as never;

interface PageNode {
  id: string;
  contactId: string;
  contact: { id: string; name: string | null; email: string | null };
}

const defaults = testSettings({}).recordCache;

beforeAll(async () => {
  emulator = await startDialectEmulator();
  const common = { baseUrl: emulator.url, apiKey: DEMO_API_KEY };
  gateways.cached = await startGateway({
    ...common,
    live: { webhookSecret: SECRET },
    logger: createLogger({ destination: { write: (line: string) => lines.push(line) } }),
  });
  gateways.capped = await startGateway({ ...common, recordCache: { ...defaults, maxAgeCapS: CAP_S } });
  gateways.ahead = await startGateway({ ...common, recordCache: { ...defaults, maxAgeCapS: AHEAD_CAP_S } });
  gateways.uncached = await startGateway({ ...common, recordCache: { ...defaults, enabled: false } });
  gateways.small = await startGateway({ ...common, recordCache: { ...defaults, maxEntries: 5 } });
});

afterAll(async () => {
  for (const gateway of Object.values(gateways)) await gateway.stop();
  await emulator.stop();
});

beforeEach(() => {
  emulator.reset();
  for (const gateway of Object.values(gateways)) gateway.forgetRecords();
  lines.length = 0;
});

const contactReads = (): string[] => emulator.calls.filter((call) => call.path.startsWith('/crm/objects/contact/')).map((call) => call.path);

async function page(gateway: RunningGateway, headers: Record<string, string> = {}): Promise<[PageNode, ...PageNode[]]> {
  const result = await graphql(gateway.url, PAGE, undefined, headers);
  expect(result.errors).toBeUndefined();
  expect(result.data.cases.nodes.length).toBeGreaterThan(0);
  return result.data.cases.nodes as [PageNode, ...PageNode[]];
}

/** Renames a contact in Acquire itself (the emulator's REST API), as an agent in Acquire's app would. */
async function renameBehindTheBack(contactId: string, name: string): Promise<void> {
  const response = await fetch(`${emulator.url}/crm/objects/contact/${contactId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEY}` },
    body: JSON.stringify({ fields: { name } }),
  });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

const nameIn = (nodes: readonly PageNode[], contactId: string): string | null | undefined => nodes.find((node) => node.contactId === contactId)?.contact.name;

describe('an inbox page read again', () => {
  it('reads its contacts once: the second read is the case list alone, and its log line says how many reads the cache answered', async () => {
    const first = await page(gateways.cached);
    const contacts = new Set(first.map((node) => node.contactId)).size;
    expect(contactReads()).toHaveLength(contacts);
    emulator.resetCalls();
    lines.length = 0;
    const second = await page(gateways.cached, { 'x-request-id': 'warm-page' });
    expect(second).toEqual(first);
    expect(emulator.calls.map((call) => call.path)).toEqual(['/crm/objects/case']);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.requestId === 'warm-page');
    expect(logged).toMatchObject({ msg: 'graphql request', upstreamCalls: 1, cachedReads: contacts });
    const metrics = await gateways.cached.metrics();
    expect(sample(metrics, 'record_cache_hits_total{type="Contact"}')).toBe(contacts);
    expect(sample(metrics, 'record_cache_misses_total{type="Contact"}')).toBeGreaterThanOrEqual(contacts);
  });

  it('with RECORD_CACHE=off, reads them again', async () => {
    const first = await page(gateways.uncached);
    const contacts = new Set(first.map((node) => node.contactId)).size;
    emulator.resetCalls();
    await page(gateways.uncached);
    expect(contactReads()).toHaveLength(contacts);
  });
});

describe('kept fresh', () => {
  it('shows a contact changed with updateContact at once, on the next page, reading that contact alone again', async () => {
    const [{ contactId }] = await page(gateways.cached);
    const updated = await graphql(gateways.cached.url, 'mutation ($id: ID!) { updateContact(input: { id: $id, name: "Renamed Through Us" }) { contact { id name } } }', { id: contactId });
    expect(updated.errors).toBeUndefined();
    emulator.resetCalls();
    const after = await page(gateways.cached);
    expect(nameIn(after, contactId)).toBe('Renamed Through Us');
    expect(contactReads()).toEqual([`/crm/objects/contact/${contactId}`]);
    expect(sample(await gateways.cached.metrics(), 'record_cache_invalidations_total{cause="write"}')).toBeGreaterThanOrEqual(1);
  });

  it('shows a contact renamed behind its back within the capped maxAge, and keeps the old name until then', async () => {
    const [{ contactId, contact }] = await page(gateways.capped);
    await renameBehindTheBack(contactId, 'Renamed In Acquire');
    const edited = Date.now();
    expect(nameIn(await page(gateways.capped), contactId)).toBe(contact.name);
    let seenAfter = Number.POSITIVE_INFINITY;
    await eventually('the new name', async () => {
      const seen = nameIn(await page(gateways.capped), contactId) === 'Renamed In Acquire';
      if (seen) seenAfter = Date.now() - edited;
      return seen;
    });
    // The entry was made before the edit, so it is gone within the cap of the edit (plus one page read).
    expect(seenAfter).toBeLessThan(CAP_S * 1000 + 1_000);
  });

  it('reads a busy page\'s contacts again in the background in the last quarter of maxAge, so the page does not wait when they expire', async () => {
    const warmed = Date.now();
    const first = await page(gateways.ahead);
    const contacts = new Set(first.map((node) => node.contactId)).size;
    await sleep(warmed + AHEAD_CAP_S * 800 - Date.now());
    emulator.resetCalls();
    expect(await page(gateways.ahead, { 'x-request-id': 'late-in-life' })).toEqual(first);
    await eventually('the contacts read again in the background', () => contactReads().length === contacts, 5_000);
    expect(emulator.calls.filter((call) => call.path.startsWith('/crm/objects/contact/')).every((call) => call.requestId === 'late-in-life')).toBe(true);
    await sleep(warmed + AHEAD_CAP_S * 1100 - Date.now());
    emulator.resetCalls();
    expect(await page(gateways.ahead)).toEqual(first);
    expect(contactReads()).toEqual([]);
  });

  it('shows a contact renamed behind its back at once when a webhook names one of its cases', async () => {
    const [{ id: caseId, contactId }] = await page(gateways.cached);
    await renameBehindTheBack(contactId, 'Renamed And Announced');
    expect(nameIn(await page(gateways.cached), contactId)).not.toBe('Renamed And Announced');
    const status = await postWebhook(gateways.cached.url, SECRET, { event: 'CASE_STATUS_PENDING', data: { case: { id: Number(caseId), contactId: Number(contactId), status: 'pending' } } });
    expect(status).toBe(202);
    await eventually('the announced name', async () => nameIn(await page(gateways.cached), contactId) === 'Renamed And Announced', 5_000);
    expect(sample(await gateways.cached.metrics(), 'record_cache_invalidations_total{cause="webhook"}')).toBeGreaterThanOrEqual(1);
  });

  it("reads the agent directory again after an agent's status change, and not before", async () => {
    const USERS = '{ users { id name status } }';
    expect((await graphql(gateways.cached.url, USERS)).errors).toBeUndefined();
    emulator.resetCalls();
    expect((await graphql(gateways.cached.url, USERS)).errors).toBeUndefined();
    expect(emulator.calls).toEqual([]);
    expect(await postWebhook(gateways.cached.url, SECRET, { event: 'Agent Status Change', data: { user: { id: 12, availability: 'unavailable' } } })).toBe(202);
    await eventually('the directory read again', async () => {
      emulator.resetCalls();
      expect((await graphql(gateways.cached.url, USERS)).errors).toBeUndefined();
      return emulator.calls.some((call) => call.path === '/account/user');
    }, 5_000);
  });

  it("shows a new note among its contact's notes at once, and a note deleted gone", async () => {
    const NOTES = 'query ($id: ID!) { contact(id: $id) { notes(first: 50) { totalCount nodes { id title } } } }';
    const [{ contactId }] = await page(gateways.cached);
    const before = (await graphql(gateways.cached.url, NOTES, { id: contactId })).data.contact.notes;
    const created = await graphql(gateways.cached.url, 'mutation ($id: ID!) { createNote(input: { contactId: $id, title: "Kept fresh", text: "New" }) { note { id } } }', { id: contactId });
    expect(created.errors).toBeUndefined();
    const noteId = created.data.createNote.note.id as string;
    const after = (await graphql(gateways.cached.url, NOTES, { id: contactId })).data.contact.notes;
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.nodes.map((node: { id: string }) => node.id)).toContain(noteId);
    expect((await graphql(gateways.cached.url, 'mutation ($id: ID!) { deleteNote(input: { id: $id }) { deletedNoteId } }', { id: noteId })).errors).toBeUndefined();
    const gone = (await graphql(gateways.cached.url, NOTES, { id: contactId })).data.contact.notes;
    expect(gone.totalCount).toBe(before.totalCount);
    expect(codes(await graphql(gateways.cached.url, 'query ($id: ID!) { note(id: $id) { id } }', { id: noteId }))).toEqual(['NOT_FOUND']);
  });
});

describe('keys', () => {
  it('never share a cached record: another key of the account reads its own, another account its own, a bad key nothing', async () => {
    const [{ contactId, contact }] = await page(gateways.cached);
    emulator.resetCalls();
    const sibling = await graphql(gateways.cached.url, CONTACT, { id: contactId }, { authorization: `Bearer ${DEMO_API_KEY}-sibling`, 'x-request-id': 'sibling' });
    expect(sibling.data.contact.name).toBe(contact.name);
    expect(emulator.calls.filter((call) => call.requestId === 'sibling').map((call) => call.path)).toEqual([`/crm/objects/contact/${contactId}`]);

    const direct = await fetch(`${emulator.url}/crm/objects/contact/${contactId}?relations=fields`, { headers: { authorization: `Bearer ${OTHER_ACCOUNT_API_KEY}` } });
    const other = await graphql(gateways.cached.url, CONTACT, { id: contactId }, { authorization: `Bearer ${OTHER_ACCOUNT_API_KEY}` });
    if (direct.status === 404) expect(codes(other)).toEqual(['NOT_FOUND']);
    else expect(other.data.contact.name).not.toBe(contact.name);
    await direct.arrayBuffer();

    expect(codes(await graphql(gateways.cached.url, CONTACT, { id: contactId }, { authorization: 'Bearer not-a-key-of-anyone' }))).toEqual(['UNAUTHENTICATED']);
  });
  it("drops a key's records once Acquire refuses the key: a revoked key reads nothing it was given before", async () => {
    const key = { authorization: `Bearer ${DEMO_API_KEY}-revoked` };
    const [{ contactId }] = await page(gateways.cached, key);
    expect((await graphql(gateways.cached.url, CONTACT, { id: contactId }, key)).data.contact.id).toBe(contactId);
    emulator.setFaults([{ method: 'GET', path: '^/crm/objects/case$', status: 401 }]);
    expect(codes(await graphql(gateways.cached.url, PAGE, undefined, key))).toContain('UNAUTHENTICATED');
    emulator.setFaults([]);
    expect(codes(await graphql(gateways.cached.url, CONTACT, { id: contactId }, key))).toEqual(['UNAUTHENTICATED']);
    expect(sample(await gateways.cached.metrics(), 'record_cache_invalidations_total{cause="key-rejected"}')).toBeGreaterThanOrEqual(1);
    // Another key of the account keeps its own.
    expect((await graphql(gateways.cached.url, CONTACT, { id: contactId })).data.contact.id).toBe(contactId);
  });
});

describe('bounds', () => {
  it('holds no more entries than RECORD_CACHE_MAX_ENTRIES, and counts what it let go', async () => {
    const nodes = await page(gateways.small);
    const contacts = new Set(nodes.map((node) => node.contactId)).size;
    expect(contacts).toBeGreaterThan(5);
    const metrics = await gateways.small.metrics();
    expect(sample(metrics, 'record_cache_entries')).toBe(5);
    expect(sample(metrics, 'record_cache_evictions_total')).toBe(contacts - 5);
    expect(sample(metrics, 'record_cache_bytes')).toBeGreaterThan(0);
  });
});

describe('Cache-Control', () => {
  it("tells the client how long an answer of cached types stays fresh (private: it is the key's), capped; no-store for cases and mutations", async () => {
    const [{ contactId }] = await page(gateways.cached);
    const contact = await graphql(gateways.cached.url, CONTACT, { id: contactId });
    expect(contact.headers.get('cache-control')).toBe('max-age=60, private');
    const withNotes = await graphql(gateways.cached.url, 'query ($id: ID!) { contact(id: $id) { name company { name } notes(first: 1) { nodes { title author { name } } pageInfo { hasNextPage } } } }', { id: contactId });
    expect(withNotes.errors).toBeUndefined();
    expect(withNotes.headers.get('cache-control')).toBe('max-age=60, private');
    expect((await graphql(gateways.cached.url, '{ users { id name departments { name } } }')).headers.get('cache-control')).toBe('max-age=300, private');
    expect((await graphql(gateways.capped.url, CONTACT, { id: contactId })).headers.get('cache-control')).toBe(`max-age=${CAP_S}, private`);
    expect((await graphql(gateways.cached.url, PAGE)).headers.get('cache-control')).toBe('no-store');
    const mutation = await graphql(gateways.cached.url, 'mutation ($id: ID!) { updateContact(input: { id: $id, name: "Header" }) { contact { id name } } }', { id: contactId });
    expect(mutation.headers.get('cache-control')).toBe('no-store');
  });
});

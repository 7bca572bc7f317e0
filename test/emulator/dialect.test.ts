/**
 * The docs dialect (EMULATOR_DIALECT=docs): each reading where the pages and the default dialect
 * differ, seen over HTTP, against the same data in the default dialect.
 */
import { emulatorOptionsFromEnv } from '../../emulator/envOptions.js';
import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';

let docs: TestEmulator;
let plain: TestEmulator;

beforeAll(async () => {
  docs = await startTestEmulator({ dialect: 'docs' });
  plain = await startTestEmulator();
});
beforeEach(() => {
  docs.emulator.reset();
  plain.emulator.reset();
});
afterAll(async () => {
  await docs.emulator.stop();
  await plain.emulator.stop();
});

const ids = (rows: Json[]): number[] => rows.map((row) => row.id);

describe('the docs dialect', () => {
  it('writes a queued case as pending with its queue id and no active date, and has no `queue` status', async () => {
    const queued = await plain.data('/crm/objects/case?where=status|eq|queue&limit=50');
    expect(queued.count).toBe(3);
    expect(await docs.data('/crm/objects/case?where=status|eq|queue')).toMatchObject({ count: 0, data: [] });
    for (const id of ids(queued.data)) {
      const read = await docs.data(`/crm/objects/case/${id}`);
      expect(read).toMatchObject({ status: 'pending', queueId: 15, dateActive: null });
      expect(read.datePending).toBe(read.dateQueue);
    }
    const pending = await docs.data('/crm/objects/case?where=status|eq|pending&limit=200');
    const plainPending = await plain.data('/crm/objects/case?where=status|eq|pending&limit=200');
    expect(pending.count).toBe(plainPending.count + 3);
  });

  it('names the e-mail channel `email`: in rows, in where, in create, and on the mail route', async () => {
    const mail = await plain.data('/crm/objects/case?where=channel|eq|mail&limit=200');
    expect(mail.count).toBeGreaterThan(0);
    expect((await docs.data('/crm/objects/case?where=channel|eq|mail')).count).toBe(0);
    const email = await docs.data('/crm/objects/case?where=channel|eq|email&limit=200&relations=messages');
    expect(email.count).toBe(mail.count);
    expect(email.data.flatMap((row: Json) => row.messages.map((message: Json) => message.channel))).toEqual(expect.arrayContaining(['email']));
    expect(email.data.flatMap((row: Json) => row.messages.map((message: Json) => message.channel))).not.toContain('mail');

    const refused = await docs.api('/crm/messenger/chat/create?contactId=750901', { json: { channel: 'mail', title: 'Hello' } });
    expect(refused.status).toBe(400);
    const created = await docs.data('/crm/messenger/chat/create?contactId=750901', { json: { channel: 'email', title: 'Hello' } });
    expect(created.channel).toBe('email');
    const sent = await docs.api('/mail/add-message', {
      json: { data: { caseId: created.id, contactId: 750901, type: 'message', from: 'support@demo-support.example', to: ['a@example.org'], htmlBody: 'Hi' } },
    });
    expect(sent.status).toBe(200);
    expect((await plain.api('/crm/messenger/chat/create?contactId=750901', { json: { channel: 'email' } })).status).toBe(400);
  });

  it('answers every page of the contact list with the first, and pages the filter list', async () => {
    const first = await docs.data('/crm/objects/contact?limit=5&page=0');
    const second = await docs.data('/crm/objects/contact?limit=5&page=1');
    expect(ids(second.list)).toEqual(ids(first.list));
    expect(ids((await plain.data('/crm/objects/contact?limit=5&page=1')).list)).not.toEqual(ids(first.list));
    const filtered = async (page: number) => ids((await docs.data('/crm/contact/list', { json: { payload: {}, page, limit: 5, search: '' } })).list);
    expect(await filtered(1)).not.toEqual(await filtered(0));
  });

  it('numbers the notes pages from 1, reading page 0 as the first', async () => {
    const rows = async (server: TestEmulator, page: number) => ids((await server.data(`/crm/note?contact_id=750901&limit=1&page=${page}`)).rows);
    const all = ids((await docs.data('/crm/note?contact_id=750901&limit=100')).rows);
    expect(all.length).toBeGreaterThan(1);
    expect(await rows(docs, 0)).toEqual([all[0]]);
    expect(await rows(docs, 1)).toEqual([all[0]]);
    expect(await rows(docs, 2)).toEqual([all[1]]);
    expect(await rows(plain, 1)).toEqual([all[1]]);
  });

  it('takes `select` and `relations` of the case endpoints as one string: the last of repeated ones, or values joined with |', async () => {
    const repeated = await docs.data('/crm/objects/case/1001?relations=contact&relations=users');
    expect(repeated.contact).toBeUndefined();
    expect(repeated.users).toBeDefined();
    const joined = await docs.data('/crm/objects/case/1001?relations=contact|users');
    expect(joined.contact).toBeDefined();
    expect(joined.users).toBeDefined();
    const listed = await docs.data('/crm/objects/case?limit=1&select=id&select=status&select=title');
    expect(Object.keys(listed.data[0]).sort()).toEqual(['id', 'threadId', 'title']);
    const both = await plain.data('/crm/objects/case/1001?relations=contact&relations=users');
    expect(both.contact).toBeDefined();
  });

  it('embeds a case’s timeline as its one entry, and leaves timelineId out of the single case only', async () => {
    const read = await docs.data('/crm/objects/case/1001?relations=timeline');
    expect(read.timelineId).toBeUndefined();
    expect(read.timeline).toMatchObject({ id: expect.any(Number), objectType: 'case', caseId: 1001 });
    expect((await docs.data('/crm/objects/case?limit=1')).data[0].timelineId).toEqual(expect.any(Number));
    const plainRead = await plain.data('/crm/objects/case/1001?relations=timeline');
    expect(plainRead.timelineId).toBe(read.timeline.id);
    expect(Array.isArray(plainRead.timeline)).toBe(true);
  });
});

describe('the docs dialect, departments', () => {
  it('has the last department disabled, a status the department page documents', async () => {
    const statuses = (await docs.data('/account/department')).data.map((department: Json) => department.status);
    expect(statuses).toEqual(['active', 'active', 'disabled']);
    expect((await plain.data('/account/department')).data.map((department: Json) => department.status)).toEqual(['active', 'active', 'active']);
  });
});

describe('EMULATOR_DIALECT', () => {
  it('selects the dialect, and refuses an unknown one', () => {
    expect(emulatorOptionsFromEnv({ EMULATOR_DIALECT: 'docs' }).dialect).toBe('docs');
    expect(emulatorOptionsFromEnv({}).dialect).toBeUndefined();
    expect(() => emulatorOptionsFromEnv({ EMULATOR_DIALECT: 'php' })).toThrow(/EMULATOR_DIALECT must be one of default, docs/);
  });
});

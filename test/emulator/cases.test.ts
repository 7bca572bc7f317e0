import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';
import { fixture } from './helpers/fixtures.js';
import { shapeMismatches } from './helpers/shape.js';

let server: TestEmulator;
let all: Json[];

beforeAll(async () => {
  server = await startTestEmulator();
  all = (await server.data('/crm/objects/case?limit=500')).data;
});
afterAll(() => server.emulator.stop());

const CASE_COLUMNS = [
  'dateCreated', 'dateUpdated', 'id', 'contactId', 'closedBy', 'visitId', 'title', 'description', 'channel', 'status',
  'closingState', 'dateQueue', 'datePending', 'dateActive', 'dateClosed', 'queueId', 'queueOrder', 'meta', 'parentId',
  'userId', 'waitTime', 'threadId', 'timelineId',
].sort();
const RELATIONS = ['contact', 'messages', 'users', 'timeline', 'feedbacks', 'fields', 'parent', 'cases', 'tags'];

describe('GET /crm/objects/case', () => {
  it('answers the page envelope, 20 cases by default, in id order', async () => {
    const page = await server.data('/crm/objects/case');
    expect(page).toEqual({ page: 0, offset: 0, limit: 20, count: all.length, data: expect.any(Array) });
    expect(page.data.map((c: Json) => c.id)).toEqual(all.slice(0, 20).map((c) => c.id));
    expect(Object.keys(page.data[0]).sort()).toEqual(CASE_COLUMNS);
  });

  it('pages from 0 with limit, offset = page * limit', async () => {
    const page = await server.data('/crm/objects/case?limit=7&page=3');
    expect(page).toMatchObject({ page: 3, offset: 21, limit: 7, count: all.length });
    expect(page.data.map((c: Json) => c.id)).toEqual(all.slice(21, 28).map((c) => c.id));
    const last = await server.data(`/crm/objects/case?limit=100&page=${Math.floor(all.length / 100)}`);
    expect(last.data).toHaveLength(all.length % 100);
    const beyond = await server.data('/crm/objects/case?limit=100&page=50');
    expect(beyond).toMatchObject({ count: all.length, data: [] });
  });

  it('caps limit at 500 and accepts 0 for a count only', async () => {
    expect((await server.data('/crm/objects/case?limit=100000')).limit).toBe(500);
    expect(await server.data('/crm/objects/case?limit=0')).toEqual({ page: 0, offset: 0, limit: 0, count: all.length, data: [] });
  });

  it.each(['limit=ten', 'limit=-1', 'limit=2.5', 'page=first', 'page=-1'])('answers 400 for %s', async (query) => {
    const response = await server.api(`/crm/objects/case?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('ERROR_INVALID_INPUT');
  });

  it('filters with where column|eq|value and counts the matches', async () => {
    const page = await server.data('/crm/objects/case?where=status|eq|active&limit=500');
    const active = all.filter((c) => c.status === 'active');
    expect(page.count).toBe(active.length);
    expect(page.data.map((c: Json) => c.id)).toEqual(active.map((c) => c.id));
  });

  it('combines repeated where conditions, and conditions chained in one value, with AND', async () => {
    const expected = all.filter((c) => c.status === 'closed' && c.channel === 'mail').map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    const repeated = await server.data('/crm/objects/case?where=status|eq|closed&where=channel|eq|mail&limit=500');
    const chained = await server.data('/crm/objects/case?where=status|eq|closed|channel|eq|mail&limit=500');
    expect(repeated.data.map((c: Json) => c.id)).toEqual(expected);
    expect(chained.data.map((c: Json) => c.id)).toEqual(expected);
  });

  it('compares as strings: numbers, and null for absent values', async () => {
    const contactId = all[5].contactId;
    const byContact = await server.data(`/crm/objects/case?where=contactId|eq|${contactId}&limit=500`);
    expect(byContact.data.map((c: Json) => c.id)).toEqual(all.filter((c) => c.contactId === contactId).map((c) => c.id));
    const roots = await server.data('/crm/objects/case?where=parentId|eq|null&limit=0');
    expect(roots.count).toBe(all.filter((c) => c.parentId === null).length);
    const reopen = all.find((c) => c.parentId !== null);
    const reopens = await server.data(`/crm/objects/case?where=parentId|eq|${reopen.parentId}&limit=500`);
    expect(reopens.data.map((c: Json) => c.id)).toContain(reopen.id);
    expect(reopens.data.every((c: Json) => c.parentId === reopen.parentId)).toBe(true);
    const agent = all.find((c) => c.closedBy !== null && c.closedBy !== 99).closedBy;
    const closedByAgent = await server.data(`/crm/objects/case?where=closedBy|eq|${agent}&limit=500`);
    expect(closedByAgent.count).toBe(all.filter((c) => c.closedBy === agent).length);
  });

  it('finds nothing for a value no case has', async () => {
    expect(await server.data('/crm/objects/case?where=status|eq|archived')).toMatchObject({ count: 0, data: [] });
  });

  it("filters on the columns the case page lists and the list page does not, channel among them", async () => {
    const all = (await server.data('/crm/objects/case?limit=500')).data as { channel: string; waitTime: number }[];
    const mail = await server.data('/crm/objects/case?where=channel|eq|mail&limit=500');
    expect(mail.count).toBe(all.filter((c) => c.channel === 'mail').length);
    expect(mail.count).toBeGreaterThan(0);
    const waited = await server.data('/crm/objects/case?where=waitTime|eq|0&limit=500');
    expect(waited.count).toBe(all.filter((c) => c.waitTime === 0).length);
  });

  it.each([
    ['another operator', 'status|ne|active'],
    ['an unknown column', 'colour|eq|blue'],
    ['a column neither case page lists', 'threadId|eq|1'],
    ['a malformed condition', 'status|active'],
  ])('answers 400 ERROR_INVALID_INPUT for %s', async (_, where) => {
    const response = await server.api(`/crm/objects/case?where=${where}`);
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('ERROR_INVALID_INPUT');
  });

  it('returns only id, threadId and the selected columns with select', async () => {
    const repeated = await server.data('/crm/objects/case?limit=3&select=status&select=channel');
    const piped = await server.data('/crm/objects/case?limit=3&select=status|channel');
    expect(repeated).toEqual(piped);
    for (const [index, c] of repeated.data.entries()) {
      expect(Object.keys(c).sort()).toEqual(['channel', 'id', 'status', 'threadId']);
      expect(c).toEqual({ id: all[index].id, status: all[index].status, channel: all[index].channel, threadId: all[index].threadId });
    }
  });

  it('answers 400 for an unknown select column', async () => {
    const response = await server.api('/crm/objects/case?select=colour');
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('ERROR_INVALID_INPUT');
  });

  it('embeds relations only when asked, repeated or |-separated, ignoring unknown ones', async () => {
    const bare = await server.data('/crm/objects/case?limit=5');
    for (const c of bare.data) for (const relation of RELATIONS) expect(c).not.toHaveProperty(relation);
    const repeated = await server.data('/crm/objects/case?limit=5&relations=contact&relations=users&relations=nonsense');
    const piped = await server.data('/crm/objects/case?limit=5&relations=contact|users|nonsense');
    expect(repeated).toEqual(piped);
    for (const c of repeated.data) {
      expect(Object.keys(c).sort()).toEqual([...CASE_COLUMNS, 'contact', 'users'].sort());
      expect(c.contact.id).toBe(c.contactId);
    }
  });

  it('matches the documented example of ?limit=2&relations=contact&select=channel', async () => {
    const doc = fixture('case-list');
    const response = await server.api('/crm/objects/case?limit=2&relations=contact&select=channel');
    expect(shapeMismatches(doc, response.body)).toEqual([]);
    for (const c of response.body.data.data) expect(Object.keys(c).sort()).toEqual(Object.keys(doc.data.data[0]).sort());
  });
});

describe('GET /crm/objects/case/{id}', () => {
  const withRelations = (id: number, relations: string): Promise<Json> => server.data(`/crm/objects/case/${id}?relations=${relations}`);

  it('answers the case columns by default', async () => {
    const c = await server.data('/crm/objects/case/1001');
    expect(c).toEqual(all[0]);
    expect(Object.keys(c).sort()).toEqual(CASE_COLUMNS);
  });

  it('matches the documented example of ?relations=contact&select=status|channel', async () => {
    const doc = fixture('case-get');
    const response = await server.api('/crm/objects/case/1001?relations=contact&select=channel|status');
    expect(shapeMismatches(doc, response.body)).toEqual([]);
    expect(Object.keys(response.body.data).sort()).toEqual(Object.keys(doc.data).sort());
  });

  it('embeds the contact columns without fields', async () => {
    const c = await withRelations(1001, 'contact');
    expect(c.contact.id).toBe(c.contactId);
    expect(Object.keys(c.contact).sort()).toEqual([
      'archive', 'clientDetails', 'clientDeviceModel', 'clientDeviceType', 'clientDeviceVendor', 'clientName', 'clientOsName',
      'clientOsVersion', 'clientType', 'clientVersion', 'companyId', 'dateCreated', 'dateUpdated', 'id',
    ]);
    expect(['web', 'sdk', 'client']).toContain(c.contact.clientType);
    expect(['yes', 'no']).toContain(c.contact.archive);
  });

  it('embeds messages oldest first with yes/no seen', async () => {
    const c = await withRelations(1001, 'messages');
    expect(c.messages.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(c.messages[0]).sort()).toEqual(
      ['caseId', 'channel', 'dateCreated', 'dateUpdated', 'id', 'message', 'meta', 'seen', 'senderId', 'senderType', 'type'],
    );
    expect(c.messages.map((m: Json) => m.id)).toEqual([...c.messages.map((m: Json) => m.id)].sort((a, b) => a - b));
    for (const m of c.messages) expect(['yes', 'no']).toContain(m.seen);
  });

  it('embeds participants with their user: an agent shape or the contact pseudo-user', async () => {
    const c = await withRelations(all.find((other) => other.status === 'active').id, 'users');
    const agent = c.users.find((u: Json) => u.type === 'user');
    const contact = c.users.find((u: Json) => u.type === 'contact');
    expect(Object.keys(agent).sort()).toEqual(['caseId', 'closed', 'dateCreated', 'dateLastAssigned', 'id', 'meta', 'role', 'status', 'type', 'user', 'userId']);
    expect(agent.user).toEqual({
      roles: [], id: agent.userId, name: expect.any(String), firstName: expect.any(String), lastName: expect.any(String),
      photo: expect.any(String), email: expect.any(String), clientId: '', parentId: 0, type: 'user', accessLevel: null,
    });
    expect(contact.user).toEqual({ type: 'contact', id: c.contactId, name: `#${c.contactId}`, photo: null });
    expect(contact.closed).toBe('no');
  });

  it('embeds timeline, feedbacks, fields and tags', async () => {
    const rated = (await server.data('/crm/objects/case?where=status|eq|closed&relations=feedbacks&limit=500')).data.find(
      (c: Json) => c.feedbacks.length > 0,
    );
    const c = await withRelations(rated.id, 'timeline|feedbacks|fields|tags');
    expect(c.timeline[0]).toEqual({
      id: c.timelineId, objectType: 'case', caseId: c.id, viewId: null, noteId: null, threadId: c.threadId,
      contactId: String(c.contactId), archive: 'no', meta: {}, dateCreated: c.dateCreated, dateUpdated: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    expect(c.feedbacks[0]).toEqual({
      id: expect.any(Number), caseId: c.id, contactId: c.contactId, questionId: expect.any(Number), question: 'How would you rate our support?',
      type: 'rating', value: expect.stringMatching(/^[1-5]$/), label: expect.any(String), comment: c.feedbacks[0].comment, dateCreated: expect.any(String),
    });
    expect(c.fields === null || typeof c.fields === 'object').toBe(true);
    expect(c.tags).toEqual([]);
    const open = await withRelations(all.find((other) => other.status === 'pending').id, 'feedbacks');
    expect(open.feedbacks).toEqual([]);
  });

  it('embeds the parent case of a reopen and the reopens of a thread root', async () => {
    const reopen = all.find((c) => c.parentId !== null);
    const child = await withRelations(reopen.id, 'parent|cases');
    expect(child.parent).toEqual(all.find((c) => c.id === reopen.parentId));
    expect(child.cases).toEqual([]);
    const root = await withRelations(reopen.parentId, 'parent|cases');
    expect(root.parent).toBeNull();
    expect(root.cases).toEqual(all.filter((c) => c.parentId === reopen.parentId));
  });

  it('applies select to a single case too', async () => {
    expect(await server.data('/crm/objects/case/1002?select=title')).toEqual({ id: 1002, title: all[1].title, threadId: all[1].threadId });
  });
});

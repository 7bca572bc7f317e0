import { OTHER_ACCOUNT_API_KEY } from '../../emulator/server.js';
import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';
import { fixture } from './helpers/fixtures.js';
import { shapeMismatches } from './helpers/shape.js';

let server: TestEmulator;
let cases: Json[];

beforeAll(async () => {
  server = await startTestEmulator();
});
beforeEach(async () => {
  server.emulator.reset();
  cases = (await server.data('/crm/objects/case?limit=500&relations=users|timeline|messages')).data;
});
afterAll(() => server.emulator.stop());

const expectError = (response: Json, type: string, status = 400): void => {
  expect(response.status).toBe(status);
  expect(response.body.error.type).toBe(type);
};

const ZONELESS = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

/** The case the contact list summarises: changed last, the newer on a tie. */
const latestOf = (contactId: number): Json =>
  cases
    .filter((c) => c.contactId === contactId)
    .sort((a, b) => (a.dateUpdated === b.dateUpdated ? b.id - a.id : b.dateUpdated.localeCompare(a.dateUpdated)))[0];

async function everyListed(query = ''): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 0; ; page++) {
    const { list } = await server.data(`/crm/objects/contact?limit=20&page=${page}${query}`);
    items.push(...list);
    if (list.length < 20) return items;
  }
}

describe('GET /crm/objects/contact', () => {
  it('matches the documented example: list items with the latest case summarised, and counts', async () => {
    const listed = await everyListed();
    const documented = fixture('contact-list');
    // The example's first item is a contact whose latest object is a case, with a company, an agent and visits.
    const like = listed.find((item) => item.companyId !== null && item.agentList.length > 0 && item.lastVisit !== null && item.clientDeviceType !== null);
    const response = await server.api(`/crm/objects/contact?where=id|eq|${like.id}`);
    expect(shapeMismatches({ data: { list: [documented.data.list[0]], counts: documented.data.counts } }, response.body)).toEqual([]);
  });

  it('lists every contact once, the one whose timeline changed last first, 20 a page', async () => {
    const first = await server.data('/crm/objects/contact');
    expect(first.list).toHaveLength(20);
    const listed = await everyListed();
    expect(listed.map((item) => item.id).sort()).toEqual(Array.from({ length: 50 }, (_, index) => 750901 + index));
    const order = listed.map((item) => item.lastDateUpdated);
    expect(order).toEqual([...order].sort().reverse());
    expect(first.list.map((item: Json) => item.id)).toEqual(listed.slice(0, 20).map((item) => item.id));
  });

  it('counts every contact, the matching ones, and those whose latest case is pending or active', async () => {
    const { counts } = await server.data('/crm/objects/contact?limit=0');
    const latest = Array.from({ length: 50 }, (_, index) => latestOf(750901 + index));
    expect(counts).toEqual({
      total: 50,
      records: 50,
      pending: latest.filter((c) => c.status === 'pending').length,
      active: latest.filter((c) => c.status === 'active').length,
    });
    expect(counts.active).toBeGreaterThan(0);
    const one = await server.data('/crm/objects/contact?where=id|eq|750903');
    expect(one.counts).toMatchObject({ total: 50, records: 1 });
  });

  it('summarises the latest case with string ids, zone-less dates and the case\'s agents', async () => {
    for (const item of await everyListed()) {
      const latest = latestOf(item.id);
      const own = cases.filter((c) => c.contactId === item.id);
      expect(item).toMatchObject({
        caseId: String(latest.id), latestTimelineId: String(latest.timelineId), latestObjectType: 'case', title: latest.title,
        description: latest.description, channel: latest.channel, status: latest.status, caseDateUpdated: latest.dateUpdated,
        totalCase: own.length, totalTimeline: own.reduce((sum, c) => sum + c.timeline.length, 0), channels: [latest.channel],
        lastInteractionType: latest.channel, isBlocked: 'NO', tags: [], departmentList: [], interaction: [], snoozeInContact: false,
        lastDateUpdated: latest.timeline[0].dateUpdated,
        msgUnread: latest.messages.filter((m: Json) => m.senderType === 'contact' && m.seen === 'no').length,
      });
      expect(item.lastDateUpdated).toMatch(ZONELESS);
      expect(item.agentList.map((agent: Json) => agent.id)).toEqual(latest.users.filter((u: Json) => u.type === 'user').map((u: Json) => u.userId));
      for (const agent of item.agentList) expect(agent).toMatchObject({ title: agent.name, alt: agent.name, url: '', departments: [], roles: [] });
      expect(item.company).toEqual(item.companyId === null ? { fields: {} } : expect.objectContaining({ id: item.companyId }));
    }
  });

  it('counts the contact\'s notes', async () => {
    const listed = await everyListed();
    const noted = listed.filter((item) => item.totalNotes > 0);
    expect(noted.length).toBeGreaterThan(5);
    for (const item of noted.slice(0, 5)) {
      expect((await server.data(`/crm/note?contact_id=${item.id}&limit=100`)).count).toBe(item.totalNotes);
    }
  });

  it('filters with where on contact columns, selects columns and embeds cases, visits and timeline', async () => {
    const withCompany = await server.data('/crm/objects/contact?where=companyId|eq|2&limit=100');
    expect(withCompany.list.length).toBeGreaterThan(0);
    expect(withCompany.list.every((item: Json) => item.companyId === 2)).toBe(true);
    expect(withCompany.counts.records).toBe(withCompany.list.length);

    const selected = await server.data('/crm/objects/contact?where=id|eq|750901&select=dateCreate|clientName|parent');
    const [item] = selected.list;
    expect(item).toMatchObject({ id: 750901, dateCreated: expect.any(String), clientName: expect.any(String), fields: expect.any(Object), caseId: expect.any(String) });
    expect(item).not.toHaveProperty('clientOsName');

    const related = (await server.data('/crm/objects/contact?where=id|eq|750901&relations=cases|visits|timeline')).list[0];
    const get = await server.data('/crm/objects/contact/750901?relations=cases|visits|timeline');
    expect(related.cases).toEqual(get.cases);
    expect(related.visits).toEqual(get.visits);
    expect(related.timeline).toEqual(get.timeline);
    expect(get.timeline.map((entry: Json) => entry.caseId).every((id: number) => get.cases.some((c: Json) => c.id === id))).toBe(true);
  });

  it.each([
    ['an unknown where column', 'where=fields|eq|x'],
    ['an operator other than eq', 'where=id|gt|3'],
    ['an unknown select column', 'select=email'],
    ['a bad limit', 'limit=-1'],
    ['a bad page', 'page=x'],
  ])('answers 400 ERROR_INVALID_INPUT for %s', async (_, query) => {
    expectError(await server.api(`/crm/objects/contact?${query}`), 'ERROR_INVALID_INPUT');
  });

  it('keeps the accounts apart', async () => {
    const demo = await server.data('/crm/objects/contact?where=id|eq|750901');
    const acme = await server.data('/crm/objects/contact?where=id|eq|750901', { key: OTHER_ACCOUNT_API_KEY });
    expect(acme.list[0].fields).not.toEqual(demo.list[0].fields);
  });
});

describe('POST /crm/contact/list (filter)', () => {
  it('matches the documented example, with zone-less dates and the matched field', async () => {
    const contacts = (await everyListed()).filter((item) => item.companyId !== null && item.fields.email && item.clientDetails);
    const { email } = contacts[0].fields;
    const response = await server.api('/crm/contact/list', { json: { payload: {}, page: 0, limit: 0, search: email } });
    expect(shapeMismatches(fixture('contact-filter'), response.body, { 'data.list[].company.fields.employees': 'the seeded companies have no head count' })).toEqual([]);
    const [row] = response.body.data.list;
    expect(response.body.data.counts).toEqual({ filteredCount: 1 });
    expect(row).toMatchObject({
      id: contacts[0].id, contactId: contacts[0].id, mainContactId: contacts[0].id, field_id: 2, key: 'email', value: email,
      owner: 'contact', object: 'contact', system: 'yes', tags: [],
    });
    expect(JSON.parse(row.config)).toMatchObject({ input: { validationFormat: 'email' } });
    for (const date of [row.dateCreated, row.dateUpdated, row.company.dateCreated]) expect(date).toMatch(ZONELESS);
    expect(row.fields).toMatchObject({ calling_code: String(row.fields.country.calling_code1), contact_country_flag: row.fields.country.cca3 });
  });

  it('searches names, emails and phones ignoring case, and pages the matches', async () => {
    const listed = await everyListed();
    const named = listed.find((item) => item.fields.name);
    const [firstName] = named.fields.name.split(' ');
    const found = await server.data('/crm/contact/list', { json: { search: firstName.toUpperCase() } });
    const expected = listed.filter((item) => [item.fields.name, item.fields.email].some((value) => value?.toLowerCase().includes(firstName.toLowerCase())));
    expect(found.counts.filteredCount).toBe(expected.length);
    expect(found.list.map((row: Json) => row.id).sort()).toEqual(expected.map((item) => item.id).sort());

    const byPhone = await server.data('/crm/contact/list', { json: { search: named.fields.phone.slice(-8) } });
    expect(byPhone.list.map((row: Json) => row.id)).toContain(named.id);
    expect(byPhone.list.find((row: Json) => row.id === named.id)).toMatchObject({ key: 'phone', field_id: 3 });

    const nobody = await server.data('/crm/contact/list', { json: { search: 'no-such-contact-anywhere' } });
    expect(nobody).toEqual({ list: [], counts: { filteredCount: 0 } });

    const everyone = await server.data('/crm/contact/list', { json: { page: 2, limit: 20 } });
    expect(everyone.counts.filteredCount).toBe(50);
    expect(everyone.list.map((row: Json) => row.id)).toEqual(listed.slice(40).map((item) => item.id));
  });

  it.each([
    ['a payload that is not an object', { payload: [] }],
    ['payload filters, which the docs never describe', { payload: { status: 'active' } }],
    ['a negative page', { page: -1 }],
    ['a string limit', { limit: '20' }],
    ['a search that is not a string', { search: 42 }],
  ])('answers 400 ERROR_INVALID_INPUT for %s', async (_, json) => {
    expectError(await server.api('/crm/contact/list', { json }), 'ERROR_INVALID_INPUT');
  });
});

const NEW_CONTACT = {
  fields: { name: 'API  Deo', email: 'John@acquire.io', phone: '9460731950', city: 'San Francisco', state: 'California', countryId: '517', ip: '103.61.112.45' },
  dateCreated: 'string', dateUpdated: 'string', clientType: 'web', clientName: 'Chrome', clientVersion: '81.0', clientOsName: 'Windows',
  clientOsVersion: '10', clientDeviceType: null, clientDeviceVendor: null, clientDeviceModel: null, clientDetails: {},
};

describe('POST /crm/objects/contact (add)', () => {
  it('adds the contact from the docs\' body and answers as the docs show', async () => {
    const before = new Date().toISOString();
    const response = await server.api('/crm/objects/contact', { json: NEW_CONTACT });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('contact-create'), response.body)).toEqual([]);
    const data = response.body.data;
    expect(data).toMatchObject({ id: 750951, clientType: 'web', clientName: 'Chrome', archive: 'no', companyId: null, clientDetails: {} });
    expect(data.dateCreated >= before).toBe(true);
    expect(data.fields).toEqual({ ...NEW_CONTACT.fields, country: expect.objectContaining({ name: 'United States', cca2: 'US', calling_code1: 1 }) });
    expect(await server.data('/crm/objects/contact/750951?relations=fields')).toEqual(data);
    expect((await server.data('/crm/objects/contact', { json: {} })).id).toBe(750952);
  });

  it('makes the contact listed, searchable and able to start a case', async () => {
    const { id } = await server.data('/crm/objects/contact', { json: { name: 'Ada Lovelace', email: 'ada@engine.example' } });
    const listed = await server.data(`/crm/objects/contact?where=id|eq|${id}`);
    expect(listed.list[0]).toMatchObject({
      id, fields: { name: 'Ada Lovelace', email: 'ada@engine.example' }, totalCase: 0, caseId: null, status: null, agentList: [],
      company: { fields: {} }, clientType: null, lastVisit: null, isBlocked: 'NO',
    });
    expect(listed.counts.total).toBe(51);
    const found = await server.data('/crm/contact/list', { json: { search: 'lovelace' } });
    expect(found.list.map((row: Json) => row.id)).toEqual([id]);
    const created = await server.data(`/crm/messenger/chat/create?contactId=${id}`, { json: { message: { type: 'message', message: 'Hello Ada' } } });
    expect(created).toMatchObject({ contactId: id, title: `#${id} has just started a chat`, status: 'active' });
    expect((await server.data(`/crm/objects/contact?where=id|eq|${id}`)).list[0]).toMatchObject({ caseId: String(created.id), totalCase: 1 });
  });

  it.each([
    ['an invalid email', { fields: { email: 'not-an-email' } }],
    ['an invalid phone', { phone: 'call me' }],
    ['an unknown country', { fields: { countryId: '999999' } }],
    ['a custom attribute the account does not define', { fields: { favouriteColour: 'green' } }],
    ['fields that are not an object', { fields: 'name' }],
    ['a name that is not a string', { fields: { name: 42 } }],
    ['an unknown clientType', { clientType: 'desktop' }],
    ['clientDetails that are not an object', { clientDetails: 'Chrome' }],
  ])('answers 400 ERROR_INVALID_INPUT for %s and adds nothing', async (_, json) => {
    expectError(await server.api('/crm/objects/contact', { json }), 'ERROR_INVALID_INPUT');
    expect((await server.data('/crm/objects/contact?limit=0')).counts.total).toBe(50);
  });
});

describe('PUT /crm/objects/contact/{id} (update)', () => {
  it('changes the given fields only and answers as the docs show', async () => {
    const before = await server.data('/crm/objects/contact/750902?relations=fields');
    const response = await server.api('/crm/objects/contact/750902', { method: 'PUT', json: { fields: { city: 'San Francisco', countryId: '517' }, clientName: 'Firefox' } });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('contact-update'), response.body, { 'data.companyId': 'the seeded contact may have no company' })).toEqual([]);
    const data = response.body.data;
    expect(data.fields).toEqual({ ...before.fields, city: 'San Francisco', countryId: '517', country: expect.objectContaining({ cca2: 'US' }) });
    expect(data).toMatchObject({ clientName: 'Firefox', clientOsName: before.clientOsName, dateCreated: before.dateCreated });
    expect(data.dateUpdated > before.dateUpdated).toBe(true);
    expect(await server.data('/crm/objects/contact/750902?relations=fields')).toEqual(data);
  });

  it('clears a field sent as null', async () => {
    const data = await server.data('/crm/objects/contact/750902', { method: 'PUT', json: { email: null } });
    expect(data.fields.email).toBeNull();
  });

  it('answers 400 for bad input, changing nothing, and ERROR_RECORD_NOT_FOUND for an unknown contact', async () => {
    const before = await server.data('/crm/objects/contact/750902?relations=fields');
    expectError(await server.api('/crm/objects/contact/750902', { method: 'PUT', json: { fields: { name: 'New', email: 'bad' } } }), 'ERROR_INVALID_INPUT');
    expect(await server.data('/crm/objects/contact/750902?relations=fields')).toEqual(before);
    expectError(await server.api('/crm/objects/contact/1', { method: 'PUT', json: { name: 'x' } }), 'ERROR_RECORD_NOT_FOUND');
    expectError(await server.api('/crm/objects/contact/abc', { method: 'PUT', json: { name: 'x' } }), 'ERROR_INVALID_INPUT');
  });
});

describe('DELETE /crm/objects/contact/{id}', () => {
  it('deletes the contact and its notes, answering {deleted: 1}', async () => {
    const noted = (await everyListed()).find((item) => item.totalNotes > 0);
    const notes = (await server.data(`/crm/note?contact_id=${noted.id}`)).rows;
    const response = await server.api(`/crm/objects/contact/${noted.id}`, { method: 'DELETE' });
    expect(response.body).toEqual(fixture('contact-delete'));
    expectError(await server.api(`/crm/objects/contact/${noted.id}`), 'ERROR_RECORD_NOT_FOUND');
    expectError(await server.api(`/crm/note/get/${notes[0].id}`), 'ERROR_RECORD_NOT_FOUND');
    expect((await server.data('/crm/objects/contact?limit=0')).counts.total).toBe(49);
    expect((await server.data('/crm/contact/list', { json: { search: noted.fields.phone } })).counts.filteredCount).toBe(0);
    expectError(await server.api(`/crm/objects/contact/${noted.id}`, { method: 'DELETE' }), 'ERROR_RECORD_NOT_FOUND');
  });
});

describe('POST /crm/contact/merge/{id}', () => {
  it('moves the secondaries\' cases and notes to the primary, deletes them and answers as the docs show', async () => {
    const [primary, second, third] = [750911, 750912, 750913];
    const movedCases = cases.filter((c) => c.contactId === second || c.contactId === third).map((c) => c.id);
    const ownCases = cases.filter((c) => c.contactId === primary).map((c) => c.id);
    const notesBefore = await Promise.all([primary, second, third].map(async (id) => (await server.data(`/crm/note?contact_id=${id}&limit=100`)).rows.map((n: Json) => n.id)));
    const response = await server.api(`/crm/contact/merge/${primary}`, { json: { mergeId: [second, third] } });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('contact-merge'), response.body)).toEqual([]);
    expect(response.body.data).toEqual({ id: primary, message: `#${second}, #${third} contact timeline's merged with #${primary} successfully.` });

    const after = await server.data(`/crm/objects/case?where=contactId|eq|${primary}&limit=500&relations=users|messages|timeline`);
    expect(after.data.map((c: Json) => c.id)).toEqual([...ownCases, ...movedCases].sort((a, b) => a - b));
    for (const c of after.data) {
      expect(c.users.find((u: Json) => u.type === 'contact').userId).toBe(primary);
      expect(c.timeline.every((t: Json) => t.contactId === String(primary))).toBe(true);
      expect(c.messages.filter((m: Json) => m.senderType === 'contact').every((m: Json) => m.senderId === primary)).toBe(true);
    }
    const moved = after.data.find((c: Json) => movedCases.includes(c.id));
    const thread = await server.data(`/crm/messenger/chat/messages?contactId=${primary}&threadId=${moved.threadId}`);
    expect(thread.map((c: Json) => c.id)).toContain(moved.id);
    const notes = (await server.data(`/crm/note?contact_id=${primary}&limit=100`)).rows.map((n: Json) => n.id);
    expect(notes.sort()).toEqual(notesBefore.flat().sort());
    for (const id of [second, third]) expectError(await server.api(`/crm/objects/contact/${id}`), 'ERROR_RECORD_NOT_FOUND');
    expect((await server.data(`/crm/objects/contact?where=id|eq|${primary}`)).list[0].totalCase).toBe(after.data.length);
  });

  it('keeps the primary\'s details and fills its gaps from the secondary', async () => {
    const { id: primary } = await server.data('/crm/objects/contact', { json: { name: 'Primary Person' } });
    const before = await server.data('/crm/objects/contact/750914?relations=fields');
    await server.data(`/crm/contact/merge/${primary}`, { json: { mergeId: 750914 } });
    const merged = await server.data(`/crm/objects/contact/${primary}?relations=fields`);
    expect(merged.fields).toEqual({ ...before.fields, name: 'Primary Person' });
  });

  it.each([
    ['no mergeId', {}, 'ERROR_INVALID_INPUT'],
    ['an empty mergeId', { mergeId: [] }, 'ERROR_INVALID_INPUT'],
    ['the primary itself', { mergeId: [750911] }, 'ERROR_INVALID_INPUT'],
    ['a mergeId that is not an id', { mergeId: ['x'] }, 'ERROR_INVALID_INPUT'],
    ['an unknown secondary', { mergeId: [750912, 1] }, 'ERROR_RECORD_NOT_FOUND'],
  ])('answers 400 for %s and merges nothing', async (_, json, type) => {
    expectError(await server.api('/crm/contact/merge/750911', { json }), type);
    expect((await server.data('/crm/objects/contact/750912')).id).toBe(750912);
  });

  it('answers ERROR_RECORD_NOT_FOUND for an unknown primary', async () => {
    expectError(await server.api('/crm/contact/merge/1', { json: { mergeId: [750912] } }), 'ERROR_RECORD_NOT_FOUND');
  });
});

describe('POST /crm/block-visitor', () => {
  it('blocks the contacts, answering data: true, and the list then shows them blocked', async () => {
    const response = await server.api('/crm/block-visitor', { json: { data: [750920, '750921'], type: 'contact', blockTill: '2999-09-09T07:08:12.658Z' } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(fixture('contact-block'));
    const listed = await everyListed();
    expect(listed.filter((item) => item.isBlocked === 'YES').map((item) => item.id).sort()).toEqual([750920, 750921]);
  });

  it('blocks for good without blockTill, and not at all with a date that has passed', async () => {
    await server.data('/crm/block-visitor', { json: { data: [750922] } });
    await server.data('/crm/block-visitor', { json: { data: [750923], type: 'contact', blockTill: '2021-09-09T07:08:12.658Z' } });
    const blocked = (await everyListed()).filter((item) => item.isBlocked === 'YES').map((item) => item.id);
    expect(blocked).toEqual([750922]);
  });

  it.each([
    ['no data', { type: 'contact' }, 'ERROR_INVALID_INPUT'],
    ['an empty data', { data: [] }, 'ERROR_INVALID_INPUT'],
    ['a type other than contact', { data: [750920], type: 'company' }, 'ERROR_INVALID_INPUT'],
    ['a blockTill that is not a date', { data: [750920], blockTill: 'tomorrow' }, 'ERROR_INVALID_INPUT'],
    ['an unknown contact', { data: [750920, 1] }, 'ERROR_RECORD_NOT_FOUND'],
  ])('answers 400 for %s and blocks nobody', async (_, json, type) => {
    expectError(await server.api('/crm/block-visitor', { json }), type);
    expect((await everyListed()).every((item) => item.isBlocked === 'NO')).toBe(true);
  });
});

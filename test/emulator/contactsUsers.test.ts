import { OTHER_ACCOUNT_API_KEY } from '../../emulator/server.js';
import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';
import { fixture } from './helpers/fixtures.js';
import { shapeMismatches } from './helpers/shape.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});
afterAll(() => server.emulator.stop());

const CONTACT_COLUMNS = [
  'archive', 'clientDetails', 'clientDeviceModel', 'clientDeviceType', 'clientDeviceVendor', 'clientName', 'clientOsName',
  'clientOsVersion', 'clientType', 'clientVersion', 'companyId', 'dateCreated', 'dateUpdated', 'id',
];

/** A contact of a company, so the company relation is not null. */
async function companyContact(): Promise<Json> {
  for (let id = 750901; id <= 750950; id++) {
    const contact = await server.data(`/crm/objects/contact/${id}`);
    if (contact.companyId !== null) return contact;
  }
  throw new Error('no contact belongs to a company');
}

describe('GET /crm/objects/contact/{id}', () => {
  it('answers the contact columns only, without relations', async () => {
    const contact = await server.data('/crm/objects/contact/750901');
    expect(Object.keys(contact).sort()).toEqual(CONTACT_COLUMNS);
    expect(contact.clientDetails).toEqual({ ua: expect.any(String), engine: { name: expect.any(String), version: expect.any(String) }, network: expect.any(Object) });
  });

  it('matches the documented example with relations=company|cases|fields', async () => {
    const { id } = await companyContact();
    const response = await server.api(`/crm/objects/contact/${id}?relations=company|cases|fields`);
    expect(shapeMismatches(fixture('contact-get'), response.body)).toEqual([]);
  });

  it('embeds fields as a flat object with a string countryId, and the company with its fields', async () => {
    const { id, companyId } = await companyContact();
    const contact = await server.data(`/crm/objects/contact/${id}?relations=fields&relations=company&relations=tags`);
    expect(contact.fields).toEqual({
      name: expect.any(String), email: expect.any(String), phone: expect.stringMatching(/^\d{8,15}$/), city: expect.any(String), state: expect.any(String),
      country: expect.objectContaining({ name: expect.any(String), cca2: expect.stringMatching(/^[A-Z]{2}$/), calling_code1: expect.any(Number) }),
      countryId: expect.stringMatching(/^\d+$/), ip: expect.any(String),
    });
    expect(contact.fields.phone.startsWith(String(contact.fields.country.calling_code1))).toBe(true);
    expect(contact.company).toEqual({ id: companyId, dateCreated: expect.any(String), dateUpdated: contact.company.dateUpdated, fields: { name: expect.any(String), website: expect.any(String), logo: expect.stringMatching(/^https:/) } });
    expect(contact.tags).toEqual([]);
  });

  it('has a couple of contacts without name and email', async () => {
    const contacts = await Promise.all(Array.from({ length: 50 }, (_, index) => server.data(`/crm/objects/contact/${750901 + index}?relations=fields`)));
    const anonymous = contacts.filter((c) => c.fields.name === null);
    expect(anonymous.length).toBeGreaterThanOrEqual(1);
    expect(anonymous.length).toBeLessThanOrEqual(3);
    expect(anonymous.every((c) => c.fields.email === null)).toBe(true);
    expect(contacts.filter((c) => c.companyId === null).length).toBeGreaterThan(0);
  });

  it('embeds the contact\'s cases with participants but no embedded user', async () => {
    const contact = await server.data('/crm/objects/contact/750901?relations=cases');
    const listed = await server.data('/crm/objects/case?where=contactId|eq|750901&limit=500');
    expect(contact.cases.map((c: Json) => c.id)).toEqual(listed.data.map((c: Json) => c.id));
    for (const c of contact.cases) {
      expect(c.users.length).toBeGreaterThanOrEqual(1);
      for (const participant of c.users) {
        expect(Object.keys(participant).sort()).toEqual(['caseId', 'closed', 'dateCreated', 'dateLastAssigned', 'id', 'role', 'status', 'type', 'userId']);
      }
    }
  });

  it('applies select', async () => {
    const contact = await server.data('/crm/objects/contact/750901?select=clientName|clientType');
    expect(Object.keys(contact).sort()).toEqual(['clientName', 'clientType', 'id']);
    expect((await server.api('/crm/objects/contact/750901?select=fields')).status).toBe(400);
  });
});

describe('GET /account/user', () => {
  it('answers count and data with the documented user shape', async () => {
    const response = await server.api('/account/user');
    expect(shapeMismatches(fixture('users-list'), response.body)).toEqual([]);
    expect(response.body.data.count).toBe(8);
    expect(response.body.data.data.map((u: Json) => u.name)).not.toContain('Support Bot');
    for (const user of response.body.data.data) expect(user).toMatchObject({ type: 'user', status: 'active' });
  });

  it('answers one user with logo, organization and sso, and not the API user', async () => {
    const response = await server.api('/account/user/19');
    expect(shapeMismatches(fixture('user-get'), response.body)).toEqual([]);
    const list = await server.data('/account/user');
    expect(response.body.data).toEqual({ ...list.data.find((u: Json) => u.id === 19), logo: null, organization: 'Demo Support', sso: false });
    expect((await server.data('/account/user/19', { key: OTHER_ACCOUNT_API_KEY })).organization).toBe('Acme Support');
    const bot = await server.api('/account/user/99');
    expect(bot.status).toBe(400);
    expect(bot.body.error.type).toBe('ERROR_RECORD_NOT_FOUND');
  });

  it('names participants like the user list does', async () => {
    const users = new Map((await server.data('/account/user')).data.map((u: Json) => [u.id, u]));
    const cases = (await server.data('/crm/objects/case?limit=50&relations=users')).data;
    for (const participant of cases.flatMap((c: Json) => c.users).filter((u: Json) => u.type === 'user')) {
      const user = users.get(participant.userId) as Json;
      expect(participant.user).toMatchObject({ id: user.id, name: user.name, firstName: user.firstName, lastName: user.lastName, email: user.email, photo: user.photo });
    }
  });
});

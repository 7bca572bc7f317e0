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
  cases = (await server.data('/crm/objects/case?limit=500')).data;
});
afterAll(() => server.emulator.stop());

const expectError = (response: Json, type: string, status = 400): void => {
  expect(response.status).toBe(status);
  expect(response.body.error.type).toBe(type);
};

/** `YYYY-MM-DD HH:MM:SS`, days from now. */
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');

const activeCase = (): Json => cases.find((c) => c.status === 'active' && c.channel === 'chat');
const snoozedFlag = async (contactId: number): Promise<boolean> =>
  (await server.data(`/crm/objects/contact?where=id|eq|${contactId}`)).list[0].snoozeInContact;

describe('POST /crm/follow-up/create', () => {
  it('snoozes a case, answering as the docs show, and leaves the case as it reads', async () => {
    const c = activeCase();
    const before = await server.data(`/crm/objects/case/${c.id}?relations=messages|users|timeline`);
    const scheduleDate = inDays(2);
    const response = await server.api('/crm/follow-up/create', { json: { scheduleDate, objectType: 'case', caseId: c.id, message: 'Back on Monday' } });
    expect(response.status).toBe(200);
    expect(shapeMismatches(fixture('snooze-create'), response.body, { 'data.data.users[].1': 'keyed by the owner\'s id: 99, the API user, here' })).toEqual([]);
    expect(response.body.data).toEqual({
      success: true,
      message: 'Snooze added successfully',
      data: {
        id: expect.any(Number), objectType: 'case', contactId: c.contactId, scheduleDate, objectId: c.id, userId: 99, message: 'Back on Monday',
        users: [{ '99': { id: 99, email: '', name: 'Support Bot' } }],
      },
    });
    expect(await server.data(`/crm/objects/case/${c.id}?relations=messages|users|timeline`)).toEqual(before);
    expect(await snoozedFlag(c.contactId)).toBe(true);
  });

  it('snoozes the contact\'s open case when given only a contactId, and the contact with objectType contact', async () => {
    const c = activeCase();
    const open = cases.filter((other) => other.contactId === c.contactId && other.status !== 'closed');
    const onCase = await server.data('/crm/follow-up/create', { json: { scheduleDate: inDays(1), objectType: 'case', contactId: String(c.contactId) } });
    expect(onCase.data).toMatchObject({ objectType: 'case', contactId: c.contactId, objectId: open[open.length - 1].id, message: '' });
    const onContact = await server.data('/crm/follow-up/create', { json: { scheduleDate: inDays(1), objectType: 'contact', caseId: c.id } });
    expect(onContact.data).toMatchObject({ objectType: 'contact', contactId: c.contactId, objectId: c.contactId });
    expect(onContact.data.id).toBe(onCase.data.id + 1);
  });

  it.each([
    ['no scheduleDate', { objectType: 'case' }, 'ERROR_INVALID_INPUT'],
    ['an ISO scheduleDate', { scheduleDate: '2099-04-05T13:44:12.000Z', objectType: 'case' }, 'ERROR_INVALID_INPUT'],
    ['a date that does not exist', { scheduleDate: '2099-02-30 10:00:00', objectType: 'case' }, 'ERROR_INVALID_INPUT'],
    ['a scheduleDate in the past', { scheduleDate: '2021-04-05 13:44:12', objectType: 'case' }, 'ERROR_INVALID_INPUT'],
    ['no objectType', { scheduleDate: '2099-04-05 13:44:12' }, 'ERROR_INVALID_INPUT'],
    ['an unknown objectType', { scheduleDate: '2099-04-05 13:44:12', objectType: 'thread' }, 'ERROR_INVALID_INPUT'],
    ['neither caseId nor contactId', { scheduleDate: '2099-04-05 13:44:12', objectType: 'case', caseId: null }, 'ERROR_INVALID_INPUT'],
    ['an unknown case', { scheduleDate: '2099-04-05 13:44:12', objectType: 'case', caseId: 99999 }, 'ERROR_RECORD_NOT_FOUND'],
    ['an unknown contact', { scheduleDate: '2099-04-05 13:44:12', objectType: 'contact', contactId: 1 }, 'ERROR_RECORD_NOT_FOUND'],
  ])('answers 400 for %s', async (_, json, type) => {
    const c = activeCase();
    const body = 'caseId' in json || 'contactId' in json ? json : { ...json, caseId: c.id };
    expectError(await server.api('/crm/follow-up/create', { json: body }), type);
    expect(await snoozedFlag(c.contactId)).toBe(false);
  });

  it('answers 400 for a case of another contact, and a contact with no open case snoozed as a case', async () => {
    const c = activeCase();
    const other = cases.find((x) => x.contactId !== c.contactId);
    expectError(await server.api('/crm/follow-up/create', { json: { scheduleDate: inDays(1), objectType: 'case', caseId: c.id, contactId: other.contactId } }), 'ERROR_INVALID_INPUT');
    const contactIds = [...new Set(cases.map((x) => x.contactId))];
    const allClosed = contactIds.find((id) => cases.every((x) => x.contactId !== id || x.status === 'closed'));
    expectError(await server.api('/crm/follow-up/create', { json: { scheduleDate: inDays(1), objectType: 'case', contactId: allClosed } }), 'ERROR_INVALID_INPUT');
  });
});

describe('DELETE /crm/follow-up/{id}', () => {
  it('removes a snooze the API user created, answering as the docs show', async () => {
    const c = activeCase();
    const { data } = await server.data('/crm/follow-up/create', { json: { scheduleDate: inDays(1), objectType: 'case', caseId: c.id } });
    const response = await server.api(`/crm/follow-up/${data.id}`, { method: 'DELETE' });
    expect(response.body).toEqual(fixture('snooze-delete'));
    expect(await snoozedFlag(c.contactId)).toBe(false);
    expectError(await server.api(`/crm/follow-up/${data.id}`, { method: 'DELETE' }), 'ERROR_RECORD_NOT_FOUND');
  });

  it('refuses with 403 the snoozes an agent created, and answers ERROR_RECORD_NOT_FOUND for an unknown one', async () => {
    for (const id of [51, 52]) expectError(await server.api(`/crm/follow-up/${id}`, { method: 'DELETE' }), 'ERROR_UNAUTHORIZED_ACCESS', 403);
    expectError(await server.api('/crm/follow-up/9999', { method: 'DELETE' }), 'ERROR_RECORD_NOT_FOUND');
    expectError(await server.api('/crm/follow-up/x', { method: 'DELETE' }), 'ERROR_INVALID_INPUT');
  });
});

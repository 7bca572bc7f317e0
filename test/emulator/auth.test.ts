import { NO_CASE_ACCESS_API_KEY, OTHER_ACCOUNT_API_KEY } from '../../emulator/server.js';
import { request, startTestEmulator, type TestEmulator } from './helpers/api.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});
afterAll(() => server.emulator.stop());

describe('authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['an unknown key', 'not-a-key'],
  ])('answers 401 ERROR_UNAUTHORIZED with %s', async (_, key) => {
    const response = await server.api('/crm/objects/case/1001', { key });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { type: 'ERROR_UNAUTHORIZED', message: expect.any(String) } });
  });

  it('needs the Bearer scheme with its space', async () => {
    const headers = { authorization: 'Bearerdemo-full-access' };
    const response = await fetch(`${server.emulator.url}/account/user`, { headers });
    expect(response.status).toBe(401);
    const basic = await fetch(`${server.emulator.url}/account/user`, { headers: { authorization: 'Basic demo-full-access' } });
    expect(basic.status).toBe(401);
  });

  it('checks the key before the route, so unknown routes are 401 without a key', async () => {
    expect((await server.api('/no/such/route', { key: null })).status).toBe(401);
    expect((await server.api('/no/such/route')).status).toBe(404);
  });
});

describe('the key without case access', () => {
  it.each([
    ['GET', '/crm/objects/case'],
    ['GET', '/crm/objects/case/1001'],
    ['GET', '/crm/objects/case-message/8001'],
    ['DELETE', '/crm/objects/case-message/8001'],
    ['GET', '/crm/messenger/chat/messages?contactId=750901&threadId=1001'],
    ['POST', '/crm/messenger/chat/add-message'],
    ['POST', '/crm/messenger/chat/create?contactId=750901'],
    ['POST', '/crm/messenger/chat/close'],
    ['POST', '/crm/messenger/agent/invite-agent'],
    ['POST', '/mail/add-message'],
    ['POST', '/voip/send-sms'],
    ['POST', '/crm/follow-up/create'],
    ['DELETE', '/crm/follow-up/51'],
  ])('is refused with 403 ERROR_UNAUTHORIZED_ACCESS on %s %s', async (method, path) => {
    const response = await server.api(path, { key: NO_CASE_ACCESS_API_KEY, method, ...(method === 'POST' ? { json: { caseId: 1001 } } : {}) });
    expect(response.status).toBe(403);
    expect(response.body.error.type).toBe('ERROR_UNAUTHORIZED_ACCESS');
  });

  it('changes nothing when refused', async () => {
    await server.api('/crm/objects/case-message/8001', { key: NO_CASE_ACCESS_API_KEY, method: 'DELETE' });
    expect((await server.api('/crm/objects/case-message/8001')).status).toBe(200);
  });

  it('may read contacts, their notes, users and departments', async () => {
    for (const path of ['/crm/objects/contact?limit=1', '/crm/note?contact_id=750901', '/account/department']) {
      expect((await server.api(path, { key: NO_CASE_ACCESS_API_KEY })).status).toBe(200);
    }
    const contact = await server.api('/crm/objects/contact/750901?relations=fields', { key: NO_CASE_ACCESS_API_KEY });
    expect(contact.status).toBe(200);
    expect(contact.body.data.id).toBe(750901);
    const users = await server.api('/account/user', { key: NO_CASE_ACCESS_API_KEY });
    expect(users.status).toBe(200);
    expect((await server.api('/account/user/1', { key: NO_CASE_ACCESS_API_KEY })).status).toBe(200);
  });

  it('reads the same account as the full-access key', async () => {
    const demo = await server.data('/crm/objects/contact/750901?relations=fields');
    const limited = await server.data('/crm/objects/contact/750901?relations=fields', { key: NO_CASE_ACCESS_API_KEY });
    expect(limited).toEqual(demo);
  });
});

describe('accounts', () => {
  it('serves different data for the same URL to another account', async () => {
    const demo = await server.data('/crm/objects/case/1001?relations=contact');
    const acme = await server.data('/crm/objects/case/1001?relations=contact', { key: OTHER_ACCOUNT_API_KEY });
    expect(acme.id).toBe(1001);
    expect(acme).not.toEqual(demo);
    const demoContact = await server.data('/crm/objects/contact/750901?relations=fields');
    const acmeContact = await server.data('/crm/objects/contact/750901?relations=fields', { key: OTHER_ACCOUNT_API_KEY });
    expect(acmeContact.fields).not.toEqual(demoContact.fields);
  });

  it('keeps writes of one account away from the other', async () => {
    const target = (await server.data('/crm/objects/case?where=status|eq|active&where=channel|eq|chat&limit=1')).data[0];
    const sent = await server.data('/crm/messenger/chat/add-message', { json: { message: { type: 'message', message: 'only for demo' }, caseId: target.id } });
    const acme = await request(server.emulator.url, `/crm/objects/case-message/${sent.id}`, { key: OTHER_ACCOUNT_API_KEY });
    expect(acme.status === 400 || acme.body.data.message !== 'only for demo').toBe(true);
    const demo = await server.data(`/crm/objects/case-message/${sent.id}`);
    expect(demo.message).toBe('only for demo');
  });
});

describe('key families', () => {
  it('accepts <full-access key>-<suffix> as another key of the same account, and nothing looser', async () => {
    const { startTestEmulator } = await import('./helpers/api.js');
    const local = await startTestEmulator();
    try {
      const demo = await local.data('/crm/objects/case/1001', { key: 'demo-full-access' });
      expect(await local.data('/crm/objects/case/1001', { key: 'demo-full-access-7' })).toEqual(demo);
      const acme = await local.data('/crm/objects/case/1001', { key: 'acme-full-access-b' });
      expect(acme).not.toEqual(demo);
      expect((await local.api('/crm/objects/case/1001', { key: 'demo-no-case-access-1' })).status).toBe(401);
      expect((await local.api('/crm/objects/case/1001', { key: 'demo-full-access-' })).status).toBe(401);
    } finally {
      await local.emulator.stop();
    }
  });
});

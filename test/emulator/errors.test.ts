import { startTestEmulator, type TestEmulator } from './helpers/api.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});
afterAll(() => server.emulator.stop());

const errorBody = (type: string): unknown => ({ error: { type, message: expect.any(String) } });

describe('errors', () => {
  it.each([
    ['GET', '/crm/objects/nothing'],
    ['GET', '/crm/objects/case/1001/extra'],
    ['PUT', '/crm/objects/case/1001'],
    ['POST', '/crm/objects/case'],
    ['GET', '/'],
  ])('answers 404 ERROR_ROUTE_NOT_FOUND on %s %s', async (method, path) => {
    const response = await server.api(path, { method });
    expect(response.status).toBe(404);
    expect(response.body).toEqual(errorBody('ERROR_ROUTE_NOT_FOUND'));
  });

  it('answers 404 outside /api/v1 too', async () => {
    const response = await fetch(`${server.origin}/api/v2/crm/objects/case`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(errorBody('ERROR_ROUTE_NOT_FOUND'));
  });

  it.each(['abc', '0', '-3', '1.5', '10e3', '%20'])('answers 400 ERROR_INVALID_INPUT for the path id "%s"', async (id) => {
    for (const path of ['/crm/objects/case/', '/crm/objects/case-message/', '/crm/objects/contact/', '/account/user/']) {
      const response = await server.api(`${path}${id}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(errorBody('ERROR_INVALID_INPUT'));
    }
  });

  it.each([
    '/crm/objects/case/999999',
    '/crm/objects/case-message/1',
    '/crm/objects/contact/750951',
    '/account/user/2',
    '/account/user/99',
  ])('answers 400 (not 404) ERROR_RECORD_NOT_FOUND for %s', async (path) => {
    const response = await server.api(path);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorBody('ERROR_RECORD_NOT_FOUND'));
  });

  it('answers 400 ERROR_INVALID_INPUT for a malformed JSON body', async () => {
    const response = await server.api('/crm/messenger/chat/close', { rawBody: '{"caseId": 1001,' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorBody('ERROR_INVALID_INPUT'));
  });

  it('answers 400 ERROR_INVALID_INPUT for a body that is not an object', async () => {
    const response = await server.api('/crm/messenger/chat/close', { json: [1001] });
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('ERROR_INVALID_INPUT');
  });

  it('sends JSON with charset on successes and errors', async () => {
    for (const path of ['/crm/objects/case/1001', '/crm/objects/case/999999', '/nothing']) {
      const response = await server.api(path);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });

  it('wraps successes in a single data key', async () => {
    const response = await server.api('/crm/objects/case/1001');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['data']);
  });
});

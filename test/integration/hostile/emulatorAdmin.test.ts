/**
 * Point 9 of the hostile-clients issue: the emulator's admin routes take only requests that a web
 * page cannot send without asking first (a JSON content type), so no page can reset the demo.
 */
import { DEMO_API_KEY, type Emulator } from '../../../emulator/server.js';
import { startDialectEmulator } from '../../helpers/dialect.js';

let emulator: Emulator;
let origin: string;

beforeAll(async () => {
  emulator = await startDialectEmulator();
  origin = new URL(emulator.url).origin;
});

afterAll(async () => {
  await emulator.stop();
});

const deleteMessage = () => fetch(`${emulator.url}/crm/objects/case-message/8001`, { method: 'DELETE', headers: { authorization: `Bearer ${DEMO_API_KEY}` } });
const messageExists = async () => (await fetch(`${emulator.url}/crm/objects/case-message/8001`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } })).status === 200;

it.each([
  ['text/plain', { 'content-type': 'text/plain' }, 'x'],
  ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'],
  ['no content type', {} as Record<string, string>, undefined],
])('a simple POST (%s) to /__emulator/reset is refused with 415 and resets nothing', async (_name, headers, body) => {
  emulator.reset();
  await deleteMessage();
  const response = await fetch(`${origin}/__emulator/reset`, { method: 'POST', headers: { origin: 'https://evil.example', ...headers }, ...(body === undefined ? {} : { body }) });
  expect(response.status).toBe(415);
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
  expect(await messageExists()).toBe(false);
});

it("grants no web page the preflight that a JSON request needs", async () => {
  const response = await fetch(`${origin}/__emulator/reset`, {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
});

it('a JSON POST (what tests and the benchmark send) still resets', async () => {
  await deleteMessage();
  const response = await fetch(`${origin}/__emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
  expect(response.status).toBe(200);
  expect(await messageExists()).toBe(true);
});

/**
 * The docs' request bodies (test/fixtures/docs, `*.request.*`) sent to the emulator as they are,
 * in both dialects: a route the emulator serves never refuses one for its form. Their ids name
 * records of the docs' own account, so "not found" is the expected refusal; any other is listed
 * here with the reason the emulator refuses it.
 */
import type { DialectName } from '../../emulator/dialect.js';
import { loadDocExamples } from '../helpers/docExamples.js';
import { startTestEmulator, type TestEmulator } from './helpers/api.js';

/** Refusals for the form, each a choice the emulator made where the page is of two minds. */
const REFUSED: Readonly<Record<string, string>> = {
  'rest-apis/conversation/conversation-or-notes/create.md:125': 'mentionUsers ["00"] is a placeholder, and no agent',
  'rest-apis/conversation/conversation-or-notes/note-message.md:87': 'mentionUsers ["00"] is a placeholder, and no agent',
  'rest-apis/conversation/snooze/create-snooze.md:90': 'the page asks for YYYY-MM-DD HH:MM:SS, and this example sends an ISO date, in the past',
};

/** Documented writes the emulator does not serve (nor the gateway call). */
const NOT_SERVED = new Set([
  'POST /account/department',
  'PUT /account/department/{}',
  'POST /account/user',
  'PUT /account/user/{}',
  'POST /crm/feedback',
  'PUT /crm/feedback/{}',
  'POST /crm/channel',
  'PUT /crm/channel/{}',
  // The drafts' update without the message id in the path; the current page has it in the path.
  'POST /crm/messenger/chat/message',
]);

const requests = loadDocExamples().filter((example) => example.kind === 'request' && example.endpoint !== null && !example.endpoint.startsWith('GET '));

describe.each(['default', 'docs'] as DialectName[])('the %s dialect', (dialect) => {
  let server: TestEmulator;
  beforeAll(async () => {
    server = await startTestEmulator({ dialect });
  });
  afterAll(() => server.emulator.stop());

  it.each(requests.map((example) => [`${example.endpoint} (${example.page}:${example.line})`, example] as const))('takes the form of %s', async (_name, example) => {
    const [method, path] = example.endpoint!.split(' ') as [string, string];
    // Paths need an id, and create a contact: the docs' own are in their query string, which the fixtures leave out.
    const query = /\/(chat\/create|note\/create)$/.test(path) ? '?contactId=750901' : '';
    const response = await server.api(`${path.replace('{}', '1001')}${query}`, { method, json: example.example });
    const where = `${example.page}:${example.line}`;
    if (NOT_SERVED.has(example.endpoint!)) {
      expect([response.status, response.body.error.type]).toEqual([404, 'ERROR_ROUTE_NOT_FOUND']);
      return;
    }
    if (where in REFUSED) {
      expect(response.body.error.type).toBe('ERROR_INVALID_INPUT');
      return;
    }
    expect([response.status === 200 ? 'answered' : response.body.error.type, response.body.error?.message]).toEqual(
      response.status === 200 ? ['answered', undefined] : ['ERROR_RECORD_NOT_FOUND', expect.any(String)],
    );
  });
});

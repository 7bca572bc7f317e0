/** Keys and data of different callers never mix: not in answers, not in errors, not in logs. */
import { DEMO_API_KEY, OTHER_ACCOUNT_API_KEY, type Emulator } from '../../emulator/server.js';
import { startDialectEmulator } from '../helpers/dialect.js';
import { createLogger } from '../../src/server/ops/logger.js';
import { graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';
import { startScriptedUpstream } from '../helpers/scriptedUpstream.js';

let emulator: Emulator;
let gateway: RunningGateway;
const logLines: string[] = [];

beforeAll(async () => {
  emulator = await startDialectEmulator({ latencyMs: 5 });
  gateway = await startGateway({ baseUrl: emulator.url, logger: createLogger({ destination: { write: (line: string) => logLines.push(line) } }) });
});

afterAll(async () => {
  await gateway.stop();
  await emulator.stop();
});

const PAGE = '{ cases(first: 5) { nodes { id title contact { name } messages { text } } } }';
const as = (key: string) => ({ authorization: `Bearer ${key}` });

it('serves each of two keys its own data when their requests interleave', async () => {
  const demo = (await graphql(gateway.url, PAGE, undefined, as(DEMO_API_KEY))).data;
  const acme = (await graphql(gateway.url, PAGE, undefined, as(OTHER_ACCOUNT_API_KEY))).data;
  expect(demo).not.toEqual(acme);
  const keys = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? DEMO_API_KEY : OTHER_ACCOUNT_API_KEY));
  const answers = await Promise.all(keys.map((key) => graphql(gateway.url, PAGE, undefined, as(key))));
  answers.forEach((answer, i) => expect(answer.data).toEqual(keys[i] === DEMO_API_KEY ? demo : acme));
  const accounts = new Set(emulator.calls.map((call) => call.account));
  expect(accounts).toEqual(new Set(['demo', 'acme']));
});

it('keeps keys out of answers and logs, whatever goes wrong', async () => {
  const secret = 'sk_live_never_show_me_0123456789';
  const echo = await startScriptedUpstream((call) =>
    call.path.startsWith('/crm/objects/case/1')
      ? { status: 401, body: { error: { type: 'ERROR_UNAUTHORIZED', message: `bad key ${call.authorization}` } } }
      : call.path.startsWith('/crm/objects/case/2')
        ? { status: 500, raw: `<pre>Authorization: ${call.authorization}</pre>`, contentType: 'text/html' }
        : { status: 200, raw: `{"data": {"id": 3, "note": "${call.authorization}"` },
  );
  const leaky = await startGateway({ baseUrl: echo.url, apiKey: secret, logger: createLogger({ destination: { write: (line: string) => logLines.push(line) } }) });
  try {
    const bodies = await Promise.all(
      ['1', '2', '3'].map((id) => fetch(leaky.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ case(id: "${id}") { id title } }` }),
      }).then((response) => response.text())),
    );
    for (const body of bodies) {
      expect(body).toContain('"errors"');
      expect(body).not.toContain(secret);
    }
    expect(logLines.join('\n')).not.toContain(secret);
  } finally {
    await leaky.stop();
    await echo.stop();
  }
});

/**
 * GraphiQL at /graphiql in a real headless Chromium (Debian's package), as a person uses it: the
 * page loads with the demo key in its headers and the docs and explorer plugins; a query run with
 * the Run button shows its data; a subscription run the same way shows the event that a write
 * causes. Every request the browser makes is recorded, and all of them go to this machine (other
 * hosts resolve to nowhere). Screenshots are kept in test/artifacts/ (ignored by git).
 *
 * Without Chromium the test is skipped, unless REQUIRE_BROWSER_TESTS=1 (as in CI, where .ci/run
 * installs it), which turns a missing browser into a failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { CHROMIUM, openPage, type BrowserPage } from '../helpers/chromium.js';
import { graphql } from '../helpers/graphql.js';
import { sample, startGateway, type RunningGateway } from '../helpers/startGateway.js';

const required = process.env.REQUIRE_BROWSER_TESTS === '1';
const describeWithBrowser = CHROMIUM || required ? describe : describe.skip;
if (!CHROMIUM && !required) console.warn('Chromium not installed: the GraphiQL browser test is skipped (apt-get install chromium).');

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** The text GraphiQL shows in its response pane. */
const RESPONSE = `(document.querySelector('.graphiql-response')?.innerText ?? '')`;

describeWithBrowser('GraphiQL in headless Chromium, served by the gateway alone', () => {
  let emulator: Emulator;
  let gateway: RunningGateway;
  let page: BrowserPage;
  let origin: string;

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('REQUIRE_BROWSER_TESTS=1 but Chromium is not installed');
    mkdirSync(ARTIFACTS, { recursive: true });
    emulator = await startEmulator();
    gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, sandboxKey: DEMO_API_KEY });
    origin = new URL(gateway.url).origin;
    page = await openPage();
  }, 60_000);

  afterAll(async () => {
    // Everything is stopped, whatever fails first; then the first failure fails the file.
    const stopped = await Promise.allSettled([page?.close(), gateway?.stop(), emulator?.stop()]);
    for (const outcome of stopped) if (outcome.status === 'rejected') throw outcome.reason;
  });

  const open = async (query: string): Promise<void> => {
    await page.navigate(`${origin}/graphiql?query=${encodeURIComponent(query)}`);
    await page.waitFor('the Run button', `document.querySelector('.graphiql-execute-button')`);
  };
  const save = async (name: string): Promise<void> => writeFileSync(`${ARTIFACTS}${name}.png`, await page.screenshot());

  it('opens with the demo key in its headers and the docs and explorer plugins', async () => {
    await page.navigate(`${origin}/graphiql`);
    await page.waitFor('the Run button', `document.querySelector('.graphiql-execute-button')`);
    const labels = await page.evaluate<string[]>(`[...document.querySelectorAll('.graphiql-sidebar button')].map((button) => button.getAttribute('aria-label') ?? '')`);
    expect(labels.join(' | ')).toMatch(/Documentation Explorer/);
    expect(labels.join(' | ')).toMatch(/GraphiQL Explorer/);
    await page.waitFor('the example operation in the editor', `document.querySelector('.graphiql-query-editor')?.innerText.includes('RecentCases')`);
    await page.evaluate(`document.querySelector('[aria-label*="Headers"], [data-name="headers"]')?.click(), true`);
    await page.waitFor('the demo key in the header editor', `document.querySelector('.graphiql-editor-tool')?.innerText.includes('Bearer ${DEMO_API_KEY}')`);
    await page.evaluate(`document.querySelector('[aria-label="Show GraphiQL Explorer"], [aria-label*="GraphiQL Explorer"]').click(), true`);
    await page.waitFor("the explorer's field list, read from the schema", `document.querySelector('.graphiql-plugin')?.innerText.includes('cases')`);
    await save('graphiql-explorer');
  }, 60_000);

  it('runs a query and shows its data', async () => {
    await open('query FirstCases { cases(first: 2) { totalCount nodes { id title } } }');
    await page.evaluate(`document.querySelector('.graphiql-execute-button').click(), true`);
    await page.waitFor('the answer in the response pane', `${RESPONSE}.includes('"totalCount"')`);
    const shown = await page.evaluate<string>(RESPONSE);
    const expected = await graphql(gateway.url, '{ cases(first: 2) { nodes { id title } } }');
    for (const node of expected.data.cases.nodes as Array<{ id: string; title: string }>) expect(shown).toContain(node.title);
    await save('graphiql-query');
  }, 60_000);

  it('runs a subscription over graphql-ws and shows the event a write causes', async () => {
    await open('subscription Live { caseEvents { type case { id status } } }');
    await page.evaluate(`document.querySelector('.graphiql-execute-button').click(), true`);
    const subscribed = async () => sample(await gateway.metrics(), 'live_subscriptions{field="caseEvents"}') === 1;
    for (let waited = 0; !(await subscribed()); waited += 100) {
      if (waited > 20_000) throw new Error(`the page did not subscribe:\n${page.console.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const closed = await graphql(gateway.url, 'mutation { closeCase(input: { caseId: "1196" }) { case { id status } } }', undefined, { authorization: `Bearer ${DEMO_API_KEY}` });
    expect(closed.errors).toBeUndefined();
    await page.waitFor('the event in the response pane', `${RESPONSE}.includes('STATUS_CHANGED') && ${RESPONSE}.includes('"1196"')`);
    await save('graphiql-subscription');
  }, 60_000);

  it('made no request that left the machine', () => {
    expect(page.requests.length).toBeGreaterThan(5);
    const elsewhere = page.requests.filter((url) => !/^(?:https?|wss?):\/\/127\.0\.0\.1:\d+\//.test(url) && !/^(?:data|blob|about):/.test(url));
    expect(elsewhere).toEqual([]);
    expect(page.requests).toContain(`${origin}/graphiql/assets/graphiql.js`);
    expect(page.requests).toContain(`ws://127.0.0.1:${new URL(origin).port}/graphql`);
  });
});

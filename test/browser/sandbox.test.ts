/**
 * GET /graphql in a real headless Chromium (Debian's package) shows the Apollo Sandbox, set up by
 * our server: endpoint, example operation, demo key. The Sandbox's own script comes from Apollo's
 * CDN, which these machines cannot reach: the browser is pointed at a local stand-in for that one
 * script, which only records the configuration our page hands it.
 *
 * Without Chromium the test is skipped, unless REQUIRE_BROWSER_TESTS=1 (as in CI, where .ci/run
 * installs it), which turns a missing browser into a failure.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const required = process.env.REQUIRE_BROWSER_TESTS === '1';
const describeWithBrowser = CHROMIUM || required ? describe : describe.skip;
if (!CHROMIUM && !required) console.warn('Chromium not installed: the Sandbox browser test is skipped (apt-get install chromium).');

const CDN_HOST = 'embeddable-sandbox.cdn.apollographql.com';
const STUB = `window.EmbeddedSandbox = function (config) {
  var out = document.createElement('pre');
  out.id = 'sandbox-config';
  out.textContent = JSON.stringify(config);
  document.body.appendChild(out);
};`;

describeWithBrowser('the Sandbox landing page in headless Chromium', () => {
  let emulator: Emulator;
  let gateway: RunningGateway;
  let cdn: https.Server;
  let dir: string;

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('REQUIRE_BROWSER_TESTS=1 but Chromium is not installed');
    dir = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${CDN_HOST}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    cdn = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/javascript' });
      res.end(STUB);
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    emulator = await startEmulator();
    gateway = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, sandboxKey: DEMO_API_KEY });
  });

  afterAll(async () => {
    await gateway?.stop();
    await emulator?.stop();
    cdn?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the embedded Sandbox with our endpoint, the example operation and the demo key', async () => {
    const port = (cdn.address() as AddressInfo).port;
    // Asynchronously: the gateway answering the browser runs in this very process.
    const run = await promisify(execFile)(
      CHROMIUM!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--ignore-certificate-errors',
        `--host-resolver-rules=MAP ${CDN_HOST}:443 127.0.0.1:${port}`,
        '--virtual-time-budget=5000',
        '--dump-dom',
        gateway.url,
      ],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 10_000_000 },
    );
    const match = /<pre id="sandbox-config">([^<]*)<\/pre>/.exec(run.stdout);
    expect(match).not.toBeNull();
    const text = match![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const config = JSON.parse(text) as {
      initialEndpoint: string;
      target: string;
      initialState: { document: string; sharedHeaders: Record<string, string> };
      runTelemetry: boolean;
    };
    expect(config.initialEndpoint).toBe(gateway.url);
    expect(config.target).toBe('#embeddableSandbox');
    expect(config.initialState.document).toContain('query RecentCases');
    expect(config.initialState.sharedHeaders).toEqual({ Authorization: `Bearer ${DEMO_API_KEY}` });
    expect(config.runTelemetry).toBe(false);
    // Where the Sandbox cannot load, its page points to GraphiQL, which needs nothing from elsewhere.
    expect(run.stdout).toMatch(/<a href="graphiql">open GraphiQL<\/a>/);
  }, 90_000);
});

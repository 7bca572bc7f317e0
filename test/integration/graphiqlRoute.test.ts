/**
 * GraphiQL's route as HTTP clients see it, hostile ones included: the page and its files come from
 * this process with their types and a CSP that allows only the gateway itself; a file name is
 * looked up in a fixed list, so no request can name a path; the route exists only where it is on.
 */
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { rawRequest } from '../helpers/rawHttp.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

let emulator: Emulator;
let demo: RunningGateway;
let origin: string;

beforeAll(async () => {
  emulator = await startEmulator();
  demo = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, sandboxKey: DEMO_API_KEY });
  origin = new URL(demo.url).origin;
});

afterAll(async () => {
  await demo.stop();
  await emulator.stop();
});

it('serves the page with the demo key, the example operations and a CSP of its own origin only', async () => {
  const response = await fetch(`${origin}/graphiql`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self';/);
  const html = await response.text();
  expect(html).toContain('Bearer demo-full-access');
  expect(html).toContain('query RecentCases');
  // Nothing but the gateway's own paths: no scheme, no host.
  expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
});

it('serves the files of the graphiql, explorer, react and graphql-ws packages from node_modules', async () => {
  for (const [name, type, marker] of [
    ['graphiql.js', 'text/javascript', 'GraphiQL'],
    ['graphiql.css', 'text/css', '.graphiql-container'],
    ['explorer.js', 'text/javascript', 'GraphiQLPluginExplorer'],
    ['react.js', 'text/javascript', 'React'],
    ['react-dom.js', 'text/javascript', 'ReactDOM'],
    ['graphql-ws.js', 'text/javascript', 'graphqlWs'],
    ['setup.js', 'text/javascript', 'createClient'],
  ] as const) {
    const response = await fetch(`${origin}/graphiql/assets/${name}`);
    expect([name, response.status, response.headers.get('content-type')]).toEqual([name, 200, `${type}; charset=utf-8`]);
    expect(await response.text()).toContain(marker);
  }
});

it('answers 404 for any other name, however it is spelled, and 405 for anything but GET and HEAD', async () => {
  const paths = [
    '/graphiql/assets/../../package.json',
    '/graphiql/assets/..%2F..%2Fpackage.json',
    '/graphiql/assets/%2e%2e/%2e%2e/package.json',
    '/graphiql/assets/__proto__',
    '/graphiql/assets/constructor',
    '/graphiql/assets/hasOwnProperty',
    '/graphiql/assets/graphiql.js/',
    `/graphiql/assets/${'a'.repeat(5_000)}`,
  ];
  for (const path of paths) {
    const answer = await rawRequest(origin, (socket) => socket.write(`GET ${path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`));
    expect([path.slice(0, 60), answer.status]).toEqual([path.slice(0, 60), 404]);
    expect(answer.text).not.toContain('"name": "acquire-graphql-gateway"');
  }
  const post = await fetch(`${origin}/graphiql`, { method: 'POST', body: '{}' });
  expect(post.status).toBe(405);
  expect(post.headers.get('allow')).toBe('GET, HEAD');
});

it('is not there when GRAPHQL_GRAPHIQL is off, as in production with an account', async () => {
  const production = await startGateway({ baseUrl: emulator.url, apiKey: DEMO_API_KEY, production: true, graphiql: false });
  try {
    const origin = new URL(production.url).origin;
    expect((await fetch(`${origin}/graphiql`)).status).toBe(404);
    expect((await fetch(`${origin}/graphiql/assets/graphiql.js`)).status).toBe(404);
  } finally {
    await production.stop();
  }
});

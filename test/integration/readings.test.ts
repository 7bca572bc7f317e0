/**
 * A gateway set for one reading of the docs in front of an account that answers with the other
 * (the emulator's docs dialect): what goes wrong is bounded and logged, and is what `npm run
 * doctor` reports; with the settings it names, the same queries read right. Reading never depends
 * on a setting: a queued case reads as QUEUE, an `email` case as EMAIL, whatever is set.
 */
import type { UpstreamDialect } from '../../src/domain/context.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/server/ops/logger.js';
import { DEMO_API_KEY, startEmulator, type Emulator } from '../../emulator/server.js';
import { ACCOUNT_SETTINGS } from '../helpers/dialect.js';
import { callLines } from '../helpers/emulatorSetup.js';
import { codes, graphql } from '../helpers/graphql.js';
import { startGateway, type RunningGateway } from '../helpers/startGateway.js';

const GATEWAY_DEFAULTS = loadConfig({}).dialect;
const DOCS_SETTINGS = loadConfig(ACCOUNT_SETTINGS.docs).dialect;

let emulator: Emulator;
const lines: string[] = [];
const warnings = () => lines.map((line) => JSON.parse(line) as { level: string; msg: string; requestId?: string }).filter((line) => line.level === 'warn');
const gateways: RunningGateway[] = [];

async function gatewayWith(dialect: Partial<UpstreamDialect>): Promise<string> {
  const gateway = await startGateway({
    baseUrl: emulator.url,
    apiKey: DEMO_API_KEY,
    dialect: { ...GATEWAY_DEFAULTS, ...dialect },
    logger: createLogger({ destination: { write: (line: string) => lines.push(line) } }),
  });
  gateways.push(gateway);
  return gateway.url;
}

let unset: string;
let set: string;

beforeAll(async () => {
  emulator = await startEmulator({ dialect: 'docs' });
  unset = await gatewayWith({});
  set = await gatewayWith(DOCS_SETTINGS);
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await emulator.stop();
});
beforeEach(() => {
  emulator.reset();
  lines.length = 0;
});

const PAGE = 'query ($after: String) { contacts(first: 5, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';

describe('contacts, on an account whose contact list ignores `page`', () => {
  it('with the list paging: the second page repeats the first, so the list ends there, and it is logged', async () => {
    const first = (await graphql(unset, PAGE)).data.contacts;
    expect(first.nodes).toHaveLength(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await graphql(unset, PAGE, { after: first.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    expect(second.data.contacts).toMatchObject({ nodes: [], totalCount: 5, pageInfo: { hasNextPage: false, endCursor: null } });
    expect(warnings()).toEqual([expect.objectContaining({ requestId: expect.any(String), msg: expect.stringContaining('ACQUIRE_CONTACT_PAGING=filter') })]);
  });

  it('with ACQUIRE_CONTACT_PAGING=filter: the filter list pages through all fifty, each once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const read: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = (await graphql(set, PAGE, { after })).data.contacts;
      seen.push(...read.nodes.map((node) => node.id));
      if (!read.pageInfo.hasNextPage) break;
      after = read.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(50);
    expect(new Set(seen).size).toBe(50);
    expect(warnings()).toEqual([]);
  });
});

describe('the waiting view, on an account that writes queued cases as pending with a queue id', () => {
  const QUEUE = '{ cases(first: 20, filter: {status: QUEUE}) { totalCount nodes { id status queueId dateActive } } }';

  it('reads a queued case as QUEUE whatever is set', async () => {
    for (const url of [unset, set]) {
      const queued = await graphql(set, QUEUE);
      const id = queued.data.cases.nodes[0].id;
      const read = await graphql(url, 'query ($id: ID!) { case(id: $id) { status queueId } }', { id });
      expect(read.data.case).toEqual({ status: 'QUEUE', queueId: '15' });
    }
  });

  it('with the literal reading, the QUEUE filter finds nothing (the doctor says so)', async () => {
    const result = await graphql(unset, QUEUE);
    expect(result.data.cases).toEqual({ totalCount: 0, nodes: [] });
  });

  it('with ACQUIRE_QUEUE_STATUS=pending, QUEUE and PENDING split the pending list, each with an honest totalCount', async () => {
    const queue = (await graphql(set, QUEUE)).data.cases;
    expect(queue.totalCount).toBe(3);
    expect(queue.nodes).toEqual(Array.from({ length: 3 }, () => expect.objectContaining({ status: 'QUEUE', queueId: '15', dateActive: null })));
    const pending = (await graphql(set, '{ cases(first: 100, filter: {status: PENDING}) { totalCount nodes { id status } } }')).data.cases;
    expect(pending.nodes.every((node: { status: string }) => node.status === 'PENDING')).toBe(true);
    expect(pending.totalCount).toBe(pending.nodes.length);
    emulator.resetCalls();
    const upstreamPending = await fetch(`${emulator.url}/crm/objects/case?where=status|eq|pending&limit=1&select=id`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } });
    const { count } = ((await upstreamPending.json()) as { data: { count: number } }).data;
    expect(pending.totalCount + queue.totalCount).toBe(count);
    const page = (await graphql(set, '{ cases(first: 2, filter: {status: QUEUE}, orderBy: {field: CREATED_AT, direction: DESC}) { totalCount nodes { id } pageInfo { hasNextPage } } }')).data.cases;
    expect(page).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(page.nodes.map((node: { id: string }) => node.id)).toEqual([queue.nodes[2].id, queue.nodes[1].id]);
  });
});

describe('e-mail, on an account that names the channel `email`', () => {
  const EMAIL = '{ cases(first: 100, filter: {channel: EMAIL}) { totalCount nodes { channel } } }';

  it('with `mail`: the filter finds no case and a new e-mail case is refused, with the upstream’s words', async () => {
    expect((await graphql(unset, EMAIL)).data.cases.totalCount).toBe(0);
    const created = await graphql(unset, 'mutation { createCase(input: {contactId: "750901", channel: EMAIL, title: "Hi"}) { case { id } } }');
    expect(codes(created)).toEqual(['BAD_USER_INPUT']);
  });

  it('with ACQUIRE_EMAIL_CHANNEL=email: the filter and the new case work, and every case reads as EMAIL', async () => {
    const found = (await graphql(set, EMAIL)).data.cases;
    expect(found.totalCount).toBeGreaterThan(0);
    expect(found.nodes.every((node: { channel: string }) => node.channel === 'EMAIL')).toBe(true);
    const created = await graphql(set, 'mutation { createCase(input: {contactId: "750901", channel: EMAIL, title: "Hi"}) { case { id channel } } }');
    expect(created.errors).toBeUndefined();
    expect(created.data.createCase.case.channel).toBe('EMAIL');
  });
});

describe('notes, on an account whose pages start at 1', () => {
  const NOTES = 'query ($after: String) { contact(id: "750901") { notes(first: 1, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }';

  async function walk(url: string): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const read: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = (await graphql(url, NOTES, { after })).data.contact.notes;
      seen.push(...read.nodes.map((node) => node.id));
      if (!read.pageInfo.hasNextPage) break;
      after = read.pageInfo.endCursor;
    }
    return seen;
  }

  it('from 0: the second page repeats the first, so the list ends there, and it is logged', async () => {
    expect(await walk(unset)).toHaveLength(1);
    expect(warnings()).toEqual([expect.objectContaining({ msg: expect.stringContaining('ACQUIRE_NOTES_FIRST_PAGE') })]);
  });

  it('with ACQUIRE_NOTES_FIRST_PAGE=1: each note once', async () => {
    const seen = await walk(set);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });
});

describe('select and relations, on an account that takes one string for each', () => {
  const CASE = '{ case(id: "1001") { contact { id } users { id } messages { id } } }';

  it('with ACQUIRE_LIST_PARAMS=pipe: one call carries every relation', async () => {
    emulator.resetCalls();
    const read = await graphql(set, CASE);
    expect(read.errors).toBeUndefined();
    expect(read.data.case.users.length).toBeGreaterThan(0);
    expect(read.data.case.messages.length).toBeGreaterThan(0);
    expect(emulator.calls.filter((call) => call.path === '/crm/objects/case/1001').map((call) => decodeURIComponent(call.query))).toEqual(['relations=messages|users']);
    expect(callLines(emulator.calls)).toContain('GET /crm/objects/case/1001?relations=messages&relations=users');
  });

  it('repeated: the account keeps the last relation only; the others read as empty, which is logged (and the doctor says why)', async () => {
    const read = await graphql(unset, CASE);
    expect(read.errors).toBeUndefined();
    expect(read.data.case.users.length).toBeGreaterThan(0);
    expect(read.data.case.messages).toEqual([]);
    expect(warnings()).toEqual([expect.objectContaining({ msg: expect.stringContaining('left out the messages of the case 1001') })]);
  });
});

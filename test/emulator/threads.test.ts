import { ACCOUNTS } from '../../emulator/accounts.js';
import { seedAccount } from '../../emulator/seed.js';
import { startEmulator } from '../../emulator/server.js';
import { emulatorOptionsFromEnv } from '../../emulator/envOptions.js';
import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';

const EVERYTHING = '/crm/objects/case?limit=500&relations=messages';
const CLOSING = 'The case was closed.';

/** The newest message of a case as its `messages` relation shows it: by dateCreated, then id. */
const newest = (messages: Json[]): Json =>
  [...messages].sort((a, b) => a.dateCreated.localeCompare(b.dateCreated) || a.id - b.id)[messages.length - 1] ?? null;

async function threadLast(server: TestEmulator, c: Json): Promise<Json> {
  const thread = await server.data(`/crm/messenger/chat/messages?contactId=${c.contactId}&threadId=${c.threadId}`);
  return thread.find((other: Json) => other.id === c.id).lastMessage;
}

/** What is wrong with a case's thread: its opening and closing events, dates and order. */
function threadProblems(c: Json): string[] {
  const problems: string[] = [];
  const [first] = c.messages;
  if (first?.type !== 'event' || first.senderType !== 'contact' || first.senderId !== c.contactId) problems.push(`${c.id}: no opening event`);
  const last = c.messages[c.messages.length - 1];
  if (c.status === 'closed' && (last?.type !== 'event' || last.message !== CLOSING || last.senderId !== c.closedBy)) problems.push(`${c.id}: no closing event`);
  const end = c.dateClosed ?? c.dateUpdated;
  if (c.messages.some((m: Json) => m.caseId !== c.id || m.dateCreated < c.dateCreated || m.dateCreated > end)) problems.push(`${c.id}: a message outside the case`);
  const order = c.messages.map((m: Json) => `${m.dateCreated}#${String(m.id).padStart(9, '0')}`);
  if (order.some((key: string, index: number) => index > 0 && key < order[index - 1])) problems.push(`${c.id}: messages out of order`);
  return problems;
}

describe('lastMessage of the thread endpoint, default data', () => {
  let server: TestEmulator;
  let cases: Json[];

  beforeAll(async () => {
    server = await startTestEmulator();
  });
  beforeEach(async () => {
    server.emulator.reset();
    cases = (await server.data(EVERYTHING)).data;
  });
  afterAll(() => server.emulator.stop());

  it('is the newest message of the embedded relation for every case, reopens, notes and events included', async () => {
    const reopened = new Set(cases.filter((c) => c.parentId !== null).map((c) => c.threadId));
    const lastTypes = new Set<string>();
    for (const c of cases) {
      expect(await threadLast(server, c)).toEqual(newest(c.messages));
      lastTypes.add(c.messages[c.messages.length - 1].type);
    }
    expect(reopened.size).toBeGreaterThan(10);
    expect([...lastTypes].sort()).toEqual(['event', 'message', 'note', 'sms']);
  });

  it('follows a note, an event and a close added to a reopened case', async () => {
    const c = cases.find((other) => other.parentId !== null && other.status === 'active' && other.channel === 'chat');
    for (const type of ['note', 'event', 'message']) {
      await server.data('/crm/messenger/chat/add-message', { json: { message: { type, message: `a ${type}` }, caseId: c.id } });
      const { messages } = await server.data(`/crm/objects/case/${c.id}?relations=messages`);
      expect(newest(messages)).toMatchObject({ type, message: `a ${type}` });
      expect(await threadLast(server, c)).toEqual(newest(messages));
    }
    await server.data('/crm/messenger/chat/close', { json: { caseId: c.id } });
    const { messages } = await server.data(`/crm/objects/case/${c.id}?relations=messages`);
    expect(await threadLast(server, c)).toEqual({ ...newest(messages), message: CLOSING, type: 'event' });
    const earlier = cases.filter((other) => other.threadId === c.threadId && other.id !== c.id);
    for (const other of earlier) expect(await threadLast(server, other)).toEqual(newest(other.messages));
  });
});

describe('messagesPerCase', () => {
  let server: TestEmulator;
  let reference: TestEmulator;

  beforeAll(async () => {
    [server, reference] = await Promise.all([startTestEmulator({ messagesPerCase: 12 }), startTestEmulator()]);
  });
  afterAll(() => Promise.all([server.emulator.stop(), reference.emulator.stop()]));

  it('gives every case exactly that many messages, with the default cases around them', async () => {
    const cases = (await server.data(EVERYTHING)).data as Json[];
    const defaults = (await reference.data(EVERYTHING)).data as Json[];
    expect(cases.map(({ messages: _m, ...c }) => c)).toEqual(defaults.map(({ messages: _m, ...c }) => c));
    expect(cases.filter((c) => c.messages.length !== 12)).toEqual([]);
    expect(cases.flatMap(threadProblems)).toEqual([]);
    for (const c of cases.filter((other) => other.parentId !== null)) expect(await threadLast(server, c)).toEqual(newest(c.messages));
    const byId = cases.flatMap((c) => c.messages).sort((a: Json, b: Json) => a.id - b.id);
    expect(byId.map((m: Json) => m.id)).toEqual(byId.map((_: Json, index: number) => 8001 + index));
    expect(byId.filter((m: Json, index: number) => index > 0 && m.dateCreated < byId[index - 1].dateCreated)).toEqual([]);
  });

  it('keeps the write paths working: the next message id follows the seeded ones', async () => {
    const c = (await server.data('/crm/objects/case?limit=1&where=status|eq|active&where=channel|eq|chat')).data[0];
    const sent = await server.data('/crm/messenger/chat/add-message', { json: { message: { type: 'message', message: 'hi' }, caseId: c.id } });
    const count = (await server.data('/crm/objects/case?limit=0')).count;
    expect(sent.id).toBe(8001 + 12 * count);
  });

  it('takes 2, the opening and closing events, as the smallest thread', async () => {
    const small = await startTestEmulator({ messagesPerCase: 2 });
    try {
      const cases = (await small.data(EVERYTHING)).data as Json[];
      expect(cases.filter((c) => c.messages.length !== 2)).toEqual([]);
      expect(cases.flatMap(threadProblems)).toEqual([]);
    } finally {
      await small.emulator.stop();
    }
  });

  it.each([1, 0, 2.5, -3])('refuses %s', async (messagesPerCase) => {
    await expect(startEmulator({ messagesPerCase })).rejects.toThrow(RangeError);
  });
});

describe('the long-threads profile', () => {
  /** The demo account's data, from the seed itself: over HTTP all its threads are tens of megabytes. */
  const seeded = seedAccount(ACCOUNTS[0]!, { profile: 'long-threads' });
  const lengths = seeded.cases.map((entry) => entry.messages.length);
  let server: TestEmulator;
  let sample: Json[];

  beforeAll(async () => {
    server = await startTestEmulator({ profile: 'long-threads' });
    const cases = (await server.data('/crm/objects/case?limit=500')).data as Json[];
    // A very long chat thread: a very long e-mail thread would be ten megabytes to read.
    const longest = cases.map((c, index) => ({ c, length: lengths[index] ?? 0 })).filter(({ c }) => c.channel !== 'mail').sort((a, b) => b.length - a.length)[0]?.c;
    const picked = [
      longest,
      ...cases.filter((c) => c.channel === 'mail').slice(0, 2),
      ...cases.filter((c) => c.channel === 'chat').slice(0, 2),
      ...cases.filter((c) => c.parentId !== null).slice(0, 3),
      ...cases.filter((c) => c.status !== 'closed').slice(0, 2),
    ];
    sample = await Promise.all([...new Set(picked)].map((c) => server.data(`/crm/objects/case/${c.id}?relations=messages`)));
  }, 60_000);
  afterAll(() => server.emulator.stop());

  it('gives cases hundreds to thousands of messages, a few very long threads', () => {
    expect(lengths).toHaveLength(250);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(100);
    const veryLong = lengths.filter((length) => length >= 2_000).length;
    expect(veryLong).toBeGreaterThanOrEqual(2);
    expect(veryLong).toBeLessThan(lengths.length / 10);
    expect(lengths.reduce((sum, length) => sum + length, 0) / lengths.length).toBeGreaterThan(500);
    expect(Math.max(...sample.map((c) => c.messages.length))).toBeGreaterThanOrEqual(2_000);
  });

  it('writes e-mail bodies of several paragraphs and shorter chat lines, notes among them', () => {
    const average = (channel: string): number => {
      const texts = sample.filter((c) => c.channel === channel).flatMap((c) => c.messages).filter((m: Json) => m.type !== 'event').map((m: Json) => m.message.length);
      return texts.reduce((sum: number, length: number) => sum + length, 0) / texts.length;
    };
    expect(average('mail')).toBeGreaterThan(800);
    expect(average('chat')).toBeLessThan(300);
    expect(average('chat')).toBeGreaterThan(20);
    const mailLine = sample.find((c) => c.channel === 'mail').messages[2].message;
    expect(mailLine).toMatch(/^Hello,\n\n[\s\S]+\n\n(Best regards|Kind regards|Thanks|Many thanks|Cheers),\n/);
    expect(sample.flatMap((c) => c.messages).some((m: Json) => m.type === 'note')).toBe(true);
  });

  it('keeps every thread well formed and the thread endpoint\'s lastMessage the newest message', async () => {
    expect(sample.flatMap(threadProblems)).toEqual([]);
    for (const c of sample) expect(await threadLast(server, c)).toEqual(newest(c.messages));
  });

  it('is the same data in every seeding', () => {
    for (const c of sample) expect(c.messages).toEqual(seeded.cases.find((entry) => entry.record.id === c.id)?.messages);
  });
});

describe('emulatorOptionsFromEnv', () => {
  it('reads the port, latency, profile and thread length, with defaults', () => {
    expect(emulatorOptionsFromEnv({})).toEqual({ port: 4010, latencyMs: 0 });
    expect(emulatorOptionsFromEnv({ PORT: '0', EMULATOR_LATENCY_MS: '20', EMULATOR_PROFILE: 'long-threads', EMULATOR_MESSAGES_PER_CASE: '2000' })).toEqual({
      port: 0, latencyMs: 20, profile: 'long-threads', messagesPerCase: 2000,
    });
  });

  it.each([
    ['PORT', '-1'],
    ['EMULATOR_LATENCY_MS', 'fast'],
    ['EMULATOR_PROFILE', 'huge'],
    ['EMULATOR_MESSAGES_PER_CASE', '1'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => emulatorOptionsFromEnv({ [name]: value })).toThrow(name);
  });
});

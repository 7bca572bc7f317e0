import { OTHER_ACCOUNT_API_KEY } from '../../emulator/server.js';
import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';

const EVERYTHING = '/crm/objects/case?limit=500&relations=messages|users|feedbacks|timeline|fields|contact';
const SEED_END = '2026-06-01T00:00:00.000Z';

let server: TestEmulator;
let cases: Json[];

beforeAll(async () => {
  server = await startTestEmulator();
  const page = await server.data(EVERYTHING);
  cases = page.data;
  expect(page.count).toBe(cases.length);
});
afterAll(() => server.emulator.stop());

const tally = (values: string[]): Record<string, number> =>
  values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

describe('seed sizes and distributions', () => {
  it('has at least 240 cases with consecutive ids from 1001', () => {
    expect(cases.length).toBeGreaterThanOrEqual(240);
    expect(cases.map((c) => c.id)).toEqual(cases.map((_, index) => 1001 + index));
  });

  it('spreads cases over every status, with exactly 3 in the undocumented queue status', () => {
    const statuses = tally(cases.map((c) => c.status));
    expect(Object.keys(statuses).sort()).toEqual(['active', 'closed', 'pending', 'queue']);
    expect(statuses['queue']).toBe(3);
    expect(statuses['closed']).toBeGreaterThan(statuses['active'] ?? 0);
  });

  it('spreads cases over every channel, chat the most', () => {
    const channels = tally(cases.map((c) => c.channel));
    expect(Object.keys(channels).sort()).toEqual(['audio-call', 'chat', 'mail', 'private-form', 'sms', 'video-call', 'view', 'voip']);
    const [top] = Object.entries(channels).sort((a, b) => b[1] - a[1]);
    expect(top?.[0]).toBe('chat');
  });

  it('shares 50 contacts (ids 750901-750950) between the cases, several cases each', () => {
    const perContact = tally(cases.map((c) => String(c.contactId)));
    expect(Object.keys(perContact).map(Number).sort()).toEqual(Array.from({ length: 50 }, (_, index) => 750901 + index));
    expect(Math.min(...Object.values(perContact))).toBeGreaterThanOrEqual(2);
    for (const c of cases) expect(c.contact.id).toBe(c.contactId);
  });

  it('has about 20% reopens, each pointing at the first case of its thread, whose earlier cases are closed', () => {
    const byId = new Map(cases.map((c) => [c.id, c]));
    const reopens = cases.filter((c) => c.parentId !== null);
    expect(reopens.length / cases.length).toBeGreaterThan(0.12);
    expect(reopens.length / cases.length).toBeLessThan(0.3);
    for (const reopen of reopens) {
      const root = byId.get(reopen.parentId);
      expect(reopen.threadId).toBe(reopen.parentId);
      expect(root.parentId).toBeNull();
      expect(root.threadId).toBe(root.id);
      expect(root.contactId).toBe(reopen.contactId);
      expect(root.channel).toBe(reopen.channel);
      for (const earlier of cases.filter((c) => c.threadId === reopen.threadId && c.id < reopen.id)) {
        expect(earlier.status).toBe('closed');
      }
    }
    for (const c of cases.filter((other) => other.parentId === null)) expect(c.threadId).toBe(c.id);
  });

  it('gives every case 3 to 30 messages, oldest first, starting with the contact\'s event', () => {
    for (const c of cases) {
      expect(c.messages.length).toBeGreaterThanOrEqual(3);
      expect(c.messages.length).toBeLessThanOrEqual(30);
      const [first] = c.messages;
      expect(first).toMatchObject({ type: 'event', senderType: 'contact', senderId: c.contactId });
      const dates = c.messages.map((m: Json) => m.dateCreated);
      expect(dates).toEqual([...dates].sort());
      expect(c.messages.every((m: Json) => m.channel === c.channel && m.caseId === c.id)).toBe(true);
    }
    expect(cases.find((c) => c.channel === 'chat')?.messages[0].message).toBe('The visitor started chat.');
  });

  it('numbers messages from 8001 in chronological order across the account', () => {
    const messages = cases.flatMap((c) => c.messages).sort((a: Json, b: Json) => a.id - b.id);
    expect(messages[0].id).toBe(8001);
    for (let index = 1; index < messages.length; index++) {
      expect(messages[index].dateCreated >= messages[index - 1].dateCreated).toBe(true);
    }
  });

  it('writes agent lines, notes, sms lines, Markdown and a few lines from the API user 99', () => {
    const messages = cases.flatMap((c) => c.messages);
    const types = tally(messages.map((m: Json) => m.type));
    expect(Object.keys(types).sort()).toEqual(['event', 'message', 'note', 'sms']);
    for (const c of cases.filter((other) => other.channel === 'sms')) {
      expect(c.messages.filter((m: Json) => m.type === 'message')).toEqual([]);
    }
    expect(messages.filter((m: Json) => m.type === 'note').every((m: Json) => m.senderType === 'user')).toBe(true);
    expect(messages.some((m: Json) => m.message.includes('**'))).toBe(true);
    const fromApiUser = messages.filter((m: Json) => m.senderType === 'user' && m.senderId === 99).length;
    expect(fromApiUser).toBeGreaterThan(0);
    expect(fromApiUser).toBeLessThan(messages.length / 10);
    expect(new Set(messages.map((m: Json) => m.seen))).toEqual(new Set(['yes', 'no']));
    expect(messages.some((m: Json) => m.dateUpdated !== null && m.dateUpdated > m.dateCreated)).toBe(true);
  });

  it('ends closed cases with an event by the closing agent', () => {
    for (const c of cases.filter((other) => other.status === 'closed')) {
      const last = c.messages[c.messages.length - 1];
      expect(last).toMatchObject({ type: 'event', senderType: 'user', senderId: c.closedBy, message: 'The case was closed.' });
      expect(c.closingState).toBe('handled');
    }
  });

  it('keeps the dates of a case consistent and before June 2026', () => {
    for (const c of cases) {
      const milestones = [c.dateQueue, c.datePending, c.dateActive, c.dateClosed].filter((date) => date !== null);
      expect(milestones).toEqual([...milestones].sort());
      expect(c.dateCreated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(c.dateUpdated < SEED_END).toBe(true);
      for (const m of c.messages) {
        expect(m.dateCreated >= c.dateQueue).toBe(true);
        if (c.dateClosed) expect(m.dateCreated <= c.dateClosed).toBe(true);
      }
      expect(typeof c.waitTime).toBe('number');
    }
  });

  it('fills the status-dependent columns as Acquire does', () => {
    for (const c of cases) {
      const closed = c.status === 'closed';
      expect(c.dateClosed !== null).toBe(closed);
      expect(c.closedBy !== null).toBe(closed);
      expect(c.closingState).toBe(closed ? 'handled' : null);
      expect(c.dateActive !== null).toBe(closed || c.status === 'active');
      expect(c.datePending !== null).toBe(c.status !== 'queue');
      expect(c.queueId !== null).toBe(c.status === 'queue');
      expect(c.userId).toBeNull();
    }
  });

  it('gives each case a contact participant and, unless waiting, 1-3 agents with one active', () => {
    for (const c of cases) {
      const contacts = c.users.filter((u: Json) => u.type === 'contact');
      const agents = c.users.filter((u: Json) => u.type === 'user');
      expect(contacts).toEqual([expect.objectContaining({ userId: c.contactId, role: 'owner', status: 'active', caseId: c.id })]);
      if (c.status === 'pending' || c.status === 'queue') {
        expect(agents).toEqual([]);
      } else {
        expect(agents.length).toBeGreaterThanOrEqual(1);
        expect(agents.length).toBeLessThanOrEqual(3);
        expect(agents.filter((a: Json) => a.status === 'active')).toHaveLength(1);
      }
      const closed = c.status === 'closed' ? 'yes' : 'no';
      expect(c.users.every((u: Json) => u.closed === closed)).toBe(true);
    }
  });

  it('gives each case 1-3 timeline entries, the first one being its timelineId', () => {
    for (const c of cases) {
      expect(c.timeline.length).toBeGreaterThanOrEqual(1);
      expect(c.timeline.length).toBeLessThanOrEqual(3);
      expect(c.timeline[0].id).toBe(c.timelineId);
      for (const entry of c.timeline) {
        expect(entry).toMatchObject({ objectType: 'case', caseId: c.id, threadId: c.threadId, contactId: String(c.contactId), archive: 'no' });
        expect(entry.dateUpdated).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      }
    }
  });

  it('has feedbacks on about 60% of closed cases and on no other case', () => {
    const closed = cases.filter((c) => c.status === 'closed');
    const rated = closed.filter((c) => c.feedbacks.length > 0);
    expect(cases.filter((c) => c.status !== 'closed' && c.feedbacks.length > 0)).toEqual([]);
    expect(rated.length / closed.length).toBeGreaterThan(0.45);
    expect(rated.length / closed.length).toBeLessThan(0.75);
    for (const c of rated) {
      for (const feedback of c.feedbacks) {
        expect(feedback).toMatchObject({ caseId: c.id, contactId: c.contactId, type: 'rating', question: 'How would you rate our support?' });
        expect(['1', '2', '3', '4', '5']).toContain(feedback.value);
        expect(feedback.dateCreated >= c.dateClosed).toBe(true);
      }
    }
  });

  it('has custom fields on about 30% of cases and [] on the others', () => {
    const withFields = cases.filter((c) => !Array.isArray(c.fields));
    expect(cases.filter((c) => Array.isArray(c.fields)).every((c) => c.fields.length === 0)).toBe(true);
    expect(withFields.length / cases.length).toBeGreaterThan(0.2);
    expect(withFields.length / cases.length).toBeLessThan(0.4);
    expect(withFields[0].fields).toEqual({ priority: expect.any(String), orderNumber: expect.stringMatching(/^A-\d{4}$/) });
  });

  it('has 8 agents with the documented ids and the API user is not one of them', async () => {
    const users = await server.data('/account/user');
    expect(users.count).toBe(8);
    expect(users.data.map((u: Json) => u.id)).toEqual([1, 12, 19, 20, 25, 28, 31, 34]);
    for (const user of users.data) {
      expect(user.name).toBe(`${user.firstName} ${user.lastName}`);
      expect(user.email).toMatch(/^[a-z.]+@[a-z.-]+$/);
    }
    const participantIds = new Set(cases.flatMap((c) => c.users.filter((u: Json) => u.type === 'user').map((u: Json) => u.userId)));
    expect([...participantIds].every((id) => users.data.some((u: Json) => u.id === id))).toBe(true);
  });
});

describe('determinism and accounts', () => {
  it('gives two emulators identical data', async () => {
    const other = await startTestEmulator();
    try {
      expect((await other.data(EVERYTHING)).data).toEqual(cases);
      expect(await other.data('/crm/objects/contact/750920?relations=fields|cases|company')).toEqual(
        await server.data('/crm/objects/contact/750920?relations=fields|cases|company'),
      );
      expect(await other.data('/account/user')).toEqual(await server.data('/account/user'));
    } finally {
      await other.emulator.stop();
    }
  });

  it('gives the other account the same sizes with different content under the same ids', async () => {
    const acme = (await server.data(EVERYTHING, { key: OTHER_ACCOUNT_API_KEY })).data;
    expect(acme.length).toBeGreaterThanOrEqual(240);
    expect(acme[0].id).toBe(cases[0].id);
    const differing = acme.filter((c: Json, index: number) => JSON.stringify(c) !== JSON.stringify(cases[index]));
    expect(differing.length).toBe(Math.min(acme.length, cases.length));
    const demoUsers = await server.data('/account/user');
    const acmeUsers = await server.data('/account/user', { key: OTHER_ACCOUNT_API_KEY });
    expect(acmeUsers.data.map((u: Json) => u.id)).toEqual(demoUsers.data.map((u: Json) => u.id));
    expect(acmeUsers.data.map((u: Json) => u.name)).not.toEqual(demoUsers.data.map((u: Json) => u.name));
  });
});

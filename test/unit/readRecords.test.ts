import { readFileSync } from 'node:fs';
import { UpstreamError } from '../../src/upstream/errors.js';
import {
  newestOf,
  readCase,
  readContact,
  readContactFields,
  readMessage,
  readNote,
  readNoteMessage,
  readParticipant,
  readSnooze,
  readUser,
} from '../../src/upstream/readRecords.js';

// Shapes from the docs' examples (list-messages, update-message, create-case, send-SMS).
const threadCase = {
  id: 854,
  contactId: 750940,
  closedBy: null,
  title: '#750940  : hi',
  channel: 'chat',
  status: 'active',
  closingState: 'handled',
  dateQueue: '2021-04-13T05:22:19.000Z',
  dateClosed: null,
  parentId: null,
  userId: null,
  waitTime: 4,
  queueId: null,
  queueOrder: 0,
  cases: [],
  users: [
    {
      id: 2126,
      caseId: 854,
      type: 'user',
      userId: 12,
      role: 'owner',
      status: 'active',
      dateLastAssigned: '2021-04-13T05:22:19.000Z',
      closed: 'no',
      user: { roles: [], id: 12, name: 'vivek', firstName: 'vivek', lastName: '', photo: '', email: 'v@example.com' },
    },
    {
      id: 2125,
      caseId: 854,
      type: 'contact',
      userId: 750940,
      role: 'owner',
      status: 'active',
      closed: 'no',
      user: { type: 'contact', id: 750940, name: '#750940', photo: null },
    },
  ],
  threadId: 854,
  lastMessage: {
    id: 3391,
    caseId: 854,
    channel: 'chat',
    senderId: 12,
    senderType: 'user',
    type: 'message',
    message: 'lk',
    dateCreated: '2021-04-13T12:17:02.000Z',
    dateUpdated: null,
    seen: 'no',
    meta: {},
  },
};

describe('readCase', () => {
  it('normalises the thread endpoint example', () => {
    const record = readCase(threadCase);
    expect(record).toMatchObject({
      id: '854',
      contactId: '750940',
      status: 'ACTIVE',
      channel: 'CHAT',
      threadId: '854',
      waitTime: '4',
      waitSeconds: 4,
      queueId: null,
      queueOrder: 0,
      closedById: null,
      dateClosed: null,
      parentId: null,
    });
    expect(record.users).toEqual([
      expect.objectContaining({ id: '2126', type: 'USER', userId: '12', closed: false, user: expect.objectContaining({ id: '12', name: 'vivek' }) }),
      expect.objectContaining({ id: '2125', type: 'CONTACT', userId: '750940' }),
    ]);
    expect(record.users?.[1]?.user).toBeUndefined();
    expect(record.lastMessage).toMatchObject({ id: '3391', text: 'lk', seen: false, senderType: 'USER', type: 'MESSAGE' });
  });

  it('leaves relations undefined when they were not embedded, and empty when they were', () => {
    const bare = readCase({ id: 1, channel: 'mail', status: 'pending' });
    expect(bare.messages).toBeUndefined();
    expect(bare.users).toBeUndefined();
    expect(bare.contact).toBeUndefined();
    expect(bare.channel).toBe('EMAIL');
    const embedded = readCase({ id: 1, messages: [], users: [], timeline: [], feedbacks: [], contact: null, fields: [] });
    expect(embedded.messages).toEqual([]);
    expect(embedded.contact).toBeNull();
    expect(embedded.fields).toEqual({});
  });

  it('reads the timeline relation as one object (the docs’ only example) or as a list', () => {
    const entry = { id: 2108, objectType: 'case', caseId: 1, contactId: 5, threadId: 1, dateUpdated: '2021-04-13 05:22:19' };
    expect(readCase({ id: 1, timeline: entry }).timeline).toEqual([expect.objectContaining({ id: '2108', caseId: '1', contactId: '5', dateUpdated: '2021-04-13T05:22:19.000Z' })]);
    expect(readCase({ id: 1, timeline: [entry, { ...entry, id: 2109 }] }).timeline?.map((read) => read.id)).toEqual(['2108', '2109']);
  });

  it.each([
    ['an object without an id', {}],
    ['an object whose id is an object', { id: { $oid: 'x' } }],
    ['a string', 'x'.repeat(100_000)],
    ['a number', 42],
    ['null', null],
    ['a list of scalars', [1, 'two', null]],
  ])('reads a hostile timeline (%s) as no entry, without failing the case', (_what, timeline) => {
    const record = readCase({ id: 1, title: 'kept', timeline });
    expect(record.timeline).toEqual([]);
    expect(record.title).toBe('kept');
  });

  it('reads a waiting case as QUEUE whether the status is queue or pending with a queue id and no active date', () => {
    expect(readCase({ id: 1, status: 'queue' }).status).toBe('QUEUE');
    expect(readCase({ id: 1, status: 'pending', queueId: 15, dateActive: null }).status).toBe('QUEUE');
    expect(readCase({ id: 1, status: 'Pending', queueId: '15' }).status).toBe('QUEUE');
    expect(readCase({ id: 1, status: 'pending', queueId: null, dateActive: null }).status).toBe('PENDING');
    expect(readCase({ id: 1, status: 'pending', queueId: 15, dateActive: '2021-03-24T10:44:48.538Z' }).status).toBe('PENDING');
    expect(readCase({ id: 1, status: 'active', queueId: 15, dateActive: null }).status).toBe('ACTIVE');
  });

  it.each([
    ['a queue id that is an object', { queueId: { id: 15 } }, 'PENDING'],
    ['a queue id of 0', { queueId: 0 }, 'PENDING'],
    ['a blank queue id', { queueId: '  ' }, 'PENDING'],
    ['an active date that is no date', { queueId: 15, dateActive: 'x'.repeat(100_000) }, 'QUEUE'],
    ['an active date that is an array', { queueId: 15, dateActive: ['2021-03-24'] }, 'QUEUE'],
  ])('reads a pending case with %s safely', (_what, columns, status) => {
    expect(readCase({ id: 1, status: 'pending', ...columns }).status).toBe(status);
  });

  it('sorts embedded messages oldest first whatever order they came in', () => {
    const record = readCase({
      id: 1,
      messages: [
        { id: 3, dateCreated: '2021-01-01T10:00:02.000Z' },
        { id: 1, dateCreated: '2021-01-01T10:00:00.000Z' },
        { id: 2, dateCreated: '2021-01-01T10:00:01.000Z' },
      ],
    });
    expect(record.messages?.map((message) => message.id)).toEqual(['1', '2', '3']);
    expect(newestOf(record.messages ?? [])?.id).toBe('3');
  });

  it('reads the tags relation as tag objects or link rows, leaving out tags without an id', () => {
    expect(readCase({ id: 1 }).tags).toBeUndefined();
    expect(readCase({ id: 1, tags: [{ id: 4, name: 'vip' }, { id: 9, tagId: 5, tag: { id: 5, title: 'refund' } }, { name: 'no id' }, 'loose'] }).tags).toEqual([
      { id: '4', name: 'vip' },
      { id: '5', name: 'refund' },
    ]);
  });

  it('survives unknown enum values and wrong types', () => {
    const record = readCase({ id: '7', status: 'snoozed', channel: 'carrier-pigeon', waitTime: { x: 1 }, dateQueue: 'soon', users: 'none' });
    expect(record).toMatchObject({ id: '7', status: 'UNKNOWN', channel: 'UNKNOWN', waitTime: null, dateQueue: null });
    expect(record.users).toEqual([]);
  });

  it('rejects a case without an id', () => {
    expect(() => readCase({ title: 'x' })).toThrow(UpstreamError);
  });
});

describe('readParticipant', () => {
  it('infers the type the send-SMS answer leaves out', () => {
    const agent = readParticipant({ id: 6240, userId: 28, closed: 'no', user: { roles: [], id: 28, firstName: 'myuser' } }, '751069');
    const contact = readParticipant({ id: 6239, userId: 751069, user: { id: 751069, photo: null } }, '751069');
    expect(agent.type).toBe('USER');
    expect(agent.user?.name).toBe('myuser');
    expect(contact.type).toBe('CONTACT');
  });

  it('reads a type it does not know as UNKNOWN rather than guessing an agent, and keeps no user for it', () => {
    const bot = readParticipant({ id: 1, type: 'bot', userId: 12, user: { id: 12, name: 'Routing bot', type: 'bot' } }, '750901');
    expect(bot.type).toBe('UNKNOWN');
    expect(bot.user).toBeUndefined();
  });
});

describe('readContact and contact fields', () => {
  it('reads archive "yes"/"no" as archived', () => {
    expect(readContact({ id: 1, archive: 'no' }).archived).toBe(false);
    expect(readContact({ id: 1, archive: 'yes' }).archived).toBe(true);
  });

  it('flattens the field-value records of create and reopen answers', () => {
    expect(
      readContactFields([
        { value: 'Ann', owner: 'contact', field: { id: 1, key: 'name', type: 'text' } },
        { value: null, field: { id: 2, key: 'email' } },
        { value: '919666929552', field: { key: 'phone' } },
        { value: 'ignored: no key' },
      ]),
    ).toEqual({ name: 'Ann', email: null, phone: '919666929552' });
  });

  it('keeps the flat object of contact reads', () => {
    expect(readContact({ id: 1, fields: { name: 'test', countryId: '517' } }).fields).toEqual({ name: 'test', countryId: '517' });
    expect(readContact({ id: 1 }).fields).toBeUndefined();
  });
});

describe('readMessage and readUser', () => {
  it('reads the update-message example with its embedded case', () => {
    const record = readMessage({
      id: 8288,
      channel: 'chat',
      senderId: 1,
      senderType: 'user',
      type: 'message',
      message: 'updating the sent message',
      dateUpdated: '2021-03-30T16:10:54.000Z',
      seen: 'no',
      case: { id: 2069, contactId: 597759, status: 'active' },
      caseId: 2069,
    });
    expect(record).toMatchObject({ id: '8288', caseId: '2069', text: 'updating the sent message', seen: false });
    expect(record.case?.status).toBe('ACTIVE');
  });

  it('builds a user name from first and last name when the name is missing', () => {
    expect(readUser({ id: 28, firstName: 'Ada', lastName: 'Lovelace' }).name).toBe('Ada Lovelace');
    expect(readUser({ id: 1, name: 'David Guetta', firstName: 'David Guetta', lastName: '' }).name).toBe('David Guetta');
  });
});

describe('readNote and readNoteMessage', () => {
  const docs = (name: string): Record<string, unknown> =>
    (JSON.parse(readFileSync(new URL(`../emulator/fixtures/${name}.json`, import.meta.url), 'utf8')) as { data: Record<string, unknown> }).data;

  it('reads the create answer: a string contact id, users without ids, the author from the first message', () => {
    const note = readNote(docs('note-create'));
    expect(note).toMatchObject({ id: '13', contactId: '90', authorId: '1', title: 'this is test note title' });
    expect(note.users).toEqual([{ userId: '1' }]);
    expect(note.author?.name).toBe('Surendra Suthar');
    expect(note.lastMessage).toMatchObject({ id: '15', noteId: '13', parentId: null, text: 'this is test note', authorId: '1' });
  });

  it('reads list rows, whose last message embeds no user, taking its author from the note users that do', () => {
    const rows = (docs('note-list') as { rows: Array<Record<string, unknown>> }).rows.map(readNote);
    expect(rows.map((note) => note.id)).toEqual(['7', '4', '3', '2', '1']);
    expect(rows[3]?.lastMessage?.author?.name).toBe('Surendra Suthar');
    expect(rows[0]?.lastMessage?.author).toBeUndefined();
    expect(rows[1]?.lastMessage?.parentId).toBeNull();
  });

  it('reads the add-message answer with its note and author', () => {
    const message = readNoteMessage(docs('note-add-message'));
    expect(message).toMatchObject({ id: '16', noteId: '10', parentId: null, authorId: '1', author: { id: '1' }, note: { id: '10', contactId: '1794' } });
  });
});

describe('readSnooze', () => {
  const created = (JSON.parse(readFileSync(new URL('../emulator/fixtures/snooze-create.json', import.meta.url), 'utf8')) as { data: { data: Record<string, unknown> } }).data.data;

  it("reads the docs' create answer: a zone-less date as UTC, and no author when the owner named is not the snooze's user", () => {
    // The example's owner is user 1 while its userId is 12.
    expect(readSnooze(created)).toEqual({ id: '3', caseId: '53', contactId: '53', until: '2020-05-28T12:30:00.000Z', message: 'This is simple message', authorId: '12' });
  });

  it('takes the author from the owners, as an array of maps or as one map, and no case from a contact snooze', () => {
    const owner = { id: 12, email: 'agent@example.com', name: 'Agent' };
    expect(readSnooze({ ...created, users: [{ 12: owner }] }).author).toMatchObject({ id: '12', name: 'Agent' });
    expect(readSnooze({ ...created, users: { 12: owner } }).author).toMatchObject({ id: '12', name: 'Agent' });
    expect(readSnooze({ ...created, users: 'none' }).author).toBeUndefined();
    expect(readSnooze({ ...created, objectType: 'contact' }).caseId).toBeNull();
  });
});

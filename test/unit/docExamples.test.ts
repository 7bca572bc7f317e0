/**
 * Every JSON answer the docs show (test/fixtures/docs, written by `npm run docs:fixtures`) read
 * through the reader of its endpoint: no error, and no attribute the schema exposes lost or misread.
 */
import { buildSchema, isObjectType } from 'graphql';
import { readFileSync, readdirSync } from 'node:fs';
import { dataOf, keyedEntriesOf, pageOf, successOf } from '../../src/upstream/envelopes.js';
import { readCaseAnswer, readCaseList, readInvitations, readThreadAnswer } from '../../src/upstream/cases.js';
import { readContactAnswer, readContactList, readContactSearch } from '../../src/upstream/contacts.js';
import { readDepartmentList } from '../../src/upstream/departments.js';
import { readDeleteAnswer, readMailAnswer, readMessageAnswer, readSmsAnswer } from '../../src/upstream/messages.js';
import { readNoteAnswer, readNoteList, readNoteMessageAnswer, readNoteMessages } from '../../src/upstream/notes.js';
import { readSnoozeAnswer } from '../../src/upstream/snoozes.js';
import { readUserAnswer, readUserList } from '../../src/upstream/users.js';
import { KINDS, loadDocExamples, lostAttributes, type KindName, type LoadedExample } from '../helpers/docExamples.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A raw object of the example, the record read from it, and where it sits. */
type Pair = [kind: KindName, raw: unknown, record: unknown, where: string];

interface Reading {
  read(body: unknown): unknown;
  /** The raw objects of the example and the records read from them. */
  pairs(body: unknown, read: unknown): Pair[];
}

/** The rows of a list answer, whatever its envelope, paired with the records by position. */
const list = (kind: KindName, read: (body: unknown) => unknown): Reading => ({
  read,
  pairs: (body, result) => {
    const rows = pageOf(body).items;
    const records = Array.isArray(result) ? result : (result as { items: unknown[] }).items;
    return rows.map((row, index): Pair => [kind, row, records[index], `[${index}].`]);
  },
});

const one = (kind: KindName, read: (body: unknown) => unknown): Reading => ({ read, pairs: (body, result) => [[kind, dataOf(body), result, '']] });

/** An answer that exposes nothing: the gateway re-reads what it changed, or answers with ids the client gave. */
const opaque = (read: (body: unknown) => unknown): Reading => ({ read, pairs: () => [] });

const READERS: Readonly<Record<string, Reading>> = {
  'GET /crm/objects/case': list('case', readCaseList),
  'GET /crm/objects/case/{}': one('case', readCaseAnswer),
  'POST /crm/messenger/chat/create': one('case', readCaseAnswer),
  'POST /crm/messenger/chat/close': opaque(dataOf),
  'POST /crm/messenger/chat/join': one('case', readCaseAnswer),
  'POST /crm/messenger/chat/reject': one('case', readCaseAnswer),
  'POST /crm/messenger/agent/invite-agent': {
    read: readInvitations,
    pairs: (body, read) => keyedEntriesOf(body).map((raw, index): Pair => ['invitation', raw, (read as unknown[])[index], `[${index}].`]),
  },
  'GET /crm/messenger/chat/messages': list('case', readThreadAnswer),
  'GET /crm/objects/case-message/{}': one('message', readMessageAnswer),
  'POST /crm/messenger/chat/add-message': one('message', readMessageAnswer),
  'POST /crm/messenger/chat/message/{}': one('message', readMessageAnswer),
  // The drafts' update without the id in the path answers as the current one does.
  'POST /crm/messenger/chat/message': one('message', readMessageAnswer),
  'DELETE /crm/objects/case-message/{}': opaque((body) => {
    if (readDeleteAnswer(body) !== true) throw new Error('the documented delete reads as nothing deleted');
  }),
  'POST /mail/add-message': one('mailMessage', readMailAnswer),
  'POST /voip/send-sms': {
    read: (body) => readSmsAnswer(body, '0'),
    pairs: (body, read) => {
      const data = dataOf(body) as Json;
      const pairs: Pair[] = [['smsMessage', data.data, read, 'data.']];
      // The answer embeds the case under `cas` (the only example of a case's `timeline`): read as
      // a case read would, it must keep everything too.
      if (isObject(data.cas)) pairs.push(['case', data.cas, readCaseAnswer({ data: data.cas }), 'cas.']);
      return pairs;
    },
  },
  'GET /crm/note': list('note', readNoteList),
  'GET /crm/note/get/{}': one('note', readNoteAnswer),
  'POST /crm/note/create': one('note', readNoteAnswer),
  'POST /crm/note/add-message': one('noteMessage', readNoteMessageAnswer),
  'GET /crm/note/messages': list('noteMessage', readNoteMessages),
  'DELETE /crm/note/{}': opaque((body) => successOf(body, 'note delete')),
  'POST /crm/follow-up/create': { read: readSnoozeAnswer, pairs: (body, read) => [['snooze', (dataOf(body) as Json).data, read, 'data.']] },
  'DELETE /crm/follow-up/{}': opaque((body) => successOf(body, 'snooze removal')),
  'GET /crm/objects/contact': list('contact', readContactList),
  'POST /crm/contact/list': {
    read: readContactSearch,
    // A search row is a field value joined with its contact, whose id is `contactId`.
    pairs: (body, read) =>
      pageOf(body).items.map((row, index): Pair => ['contact', isObject(row) ? { ...row, id: row.contactId } : row, (read as { items: unknown[] }).items[index], `[${index}].`]),
  },
  'GET /crm/objects/contact/{}': one('contact', readContactAnswer),
  'POST /crm/objects/contact': one('contact', readContactAnswer),
  'PUT /crm/objects/contact/{}': one('contact', readContactAnswer),
  'POST /crm/contact/merge/{}': opaque(dataOf),
  'POST /crm/block-visitor': opaque((body) => {
    if (dataOf(body) !== true) throw new Error('the documented block reads as nothing blocked');
  }),
  'GET /account/department': list('department', readDepartmentList),
  'GET /account/user': list('user', readUserList),
  'GET /account/user/{}': one('user', readUserAnswer),
};

/** Documented endpoints the gateway never calls, so no reader of its reads their answers. */
const NOT_CALLED: Readonly<Record<string, string>> = {
  'DELETE /crm/objects/contact/{}': 'no contact deletion in the schema',
  'GET /account/department/{}': 'the single department has no members: Query.department reads the list',
  'POST /account/department': 'account administration',
  'PUT /account/department/{}': 'account administration',
  'DELETE /account/department': 'account administration',
  'POST /account/user': 'account administration',
  'PUT /account/user/{}': 'account administration',
  'DELETE /account/user': 'account administration',
  'GET /crm/feedback': 'feedback questions are not in the schema',
  'GET /crm/feedback/{}': 'feedback questions are not in the schema',
  'POST /crm/feedback': 'feedback questions are not in the schema',
  'PUT /crm/feedback/{}': 'feedback questions are not in the schema',
  'DELETE /crm/feedback': 'feedback questions are not in the schema',
  'GET /crm/channel/all': 'drafts only: channels are not in the schema',
  'GET /crm/channel': 'drafts only: channels are not in the schema',
  'POST /crm/channel': 'drafts only: channels are not in the schema',
  'PUT /crm/channel/{}': 'drafts only: channels are not in the schema',
  'DELETE /crm/channel/{}': 'drafts only: channels are not in the schema',
  'GET /crm/objects/case-message': 'drafts only: a paged message list; Case.messages reads the relation',
  'GET /mail/messages': "drafts only: a thread's mails",
  'GET /mail/add-message': 'drafts only: the mail send mislabelled as a GET',
  'GET /voip/get-all-numbers': "drafts only: the account's phone numbers",
};

const examples = loadDocExamples();
const answers = examples.filter((example) => example.kind === 'response');

describe('the docs’ examples', () => {
  it('were extracted from both tiers, each with its page and line', () => {
    const index = JSON.parse(readFileSync(new URL('../fixtures/docs/index.json', import.meta.url), 'utf8')) as Array<{ file?: string }>;
    expect(examples.length).toBe(index.filter((entry) => entry.file !== undefined).length);
    for (const tier of ['current', 'drafts-2021'] as const) expect(answers.filter((example) => example.tier === tier).length).toBeGreaterThan(10);
    for (const example of examples) {
      expect(example.page).toMatch(/\.md$/);
      expect(example.line).toBeGreaterThan(0);
    }
  });

  it('name an endpoint the gateway reads, or one it does not call', () => {
    const unknown = answers.filter((example) => example.endpoint === null || (!(example.endpoint in READERS) && !(example.endpoint in NOT_CALLED)));
    expect(unknown.map((example) => `${example.file}: ${example.endpoint}`)).toEqual([]);
  });

  const readable = answers.filter((example): example is LoadedExample & { endpoint: string } => example.endpoint !== null && example.endpoint in READERS);

  it.each(readable.map((example) => [`${example.page}:${example.line} (${example.tier})`, example] as const))(
    '%s reads with no error and loses no exposed attribute',
    (_where, example) => {
      const reading = READERS[example.endpoint]!;
      const body = example.example;
      const read = reading.read(body);
      const pairs = reading.pairs(body, read);
      const lost = pairs.flatMap(([kind, raw, record, where]) => lostAttributes(kind, raw, record, where));
      expect(lost).toEqual([]);
    },
  );
});

describe('the readings the examples decide', () => {
  /** The current pages' example of an endpoint, else the drafts'. */
  const answerOf = (endpoint: string): unknown =>
    (answers.find((example) => example.endpoint === endpoint && example.tier === 'current') ?? answers.find((example) => example.endpoint === endpoint))!.example;

  it('reads the drafts’ case sent back to the queue (pending, a queue id, no active date) as QUEUE, and the joined one as ACTIVE', () => {
    expect(readCaseAnswer(answerOf('POST /crm/messenger/chat/reject'))).toMatchObject({ status: 'QUEUE', queueId: '15', dateActive: null });
    expect(readCaseAnswer(answerOf('POST /crm/messenger/chat/join'))).toMatchObject({ status: 'ACTIVE', queueId: null });
  });

  it('finds the SMS answer’s case timeline entry, given as one object', () => {
    const { cas } = dataOf(answerOf('POST /voip/send-sms')) as { cas: unknown };
    expect(readCaseAnswer({ data: cas }).timeline?.map((entry) => entry.id)).toEqual(['2108']);
  });
});

describe('the attribute tables of the check', () => {
  const sdl = readdirSync(new URL('../../schema/', import.meta.url))
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8'))
    .join('\n');
  const schema = buildSchema(sdl, { assumeValidSDL: true });

  it.each(Object.entries(KINDS).filter(([, kind]) => kind.type !== null && kind.type !== 'SmsDetails'))('%s covers every field of its type', (_name, kind) => {
    const type = schema.getType(kind.type!);
    if (!isObjectType(type)) throw new Error(`${kind.type} is not an object type`);
    const covered = new Set([...kind.attributes.map((attribute) => attribute.record), ...kind.relations.map((relation) => relation.record), ...Object.keys(kind.derived)]);
    expect(Object.keys(type.getFields()).filter((field) => !covered.has(field))).toEqual([]);
  });
});

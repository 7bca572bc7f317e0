/**
 * The docs' JSON examples as scripts/extractDocExamples.ts wrote them into test/fixtures/docs, and
 * the check that a reader of the gateway kept every attribute the schema exposes: for each raw
 * object paired with the record read from it, every exposed attribute the example gives a value
 * must come out with that value (an id as its digits, a date as the same instant, an enumeration
 * as a known value), and every embedded relation with each of its records.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocExample } from '../../scripts/extractDocExamples.js';

export type { DocExample };

const ROOT = fileURLToPath(new URL('../fixtures/docs/', import.meta.url));

export interface LoadedExample extends DocExample {
  file: string;
}

function jsonFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsonFiles(join(folder, entry.name)) : entry.name.endsWith('.json') && entry.name !== 'index.json' ? [join(folder, entry.name)] : [],
  );
}

export function loadDocExamples(): LoadedExample[] {
  return jsonFiles(ROOT)
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(file, 'utf8')) as DocExample), file: file.slice(ROOT.length) }));
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How an attribute's documented value must come out. */
type ValueKind = 'id' | 'string' | 'int' | 'bool' | 'date' | 'enum' | 'json';

/** One exposed attribute: where the example has it, where the record keeps it, and how it reads. */
interface Attribute {
  readonly raw: string;
  readonly record: string;
  readonly as: ValueKind;
}

/** An embedded relation: the raw key, the record's key, and the kind of its records. */
interface Relation {
  readonly raw: string;
  readonly record: string;
  readonly kind: KindName;
  /** Only for raw objects that satisfy this (a participant's user is read only for agents). */
  readonly when?: (raw: Json) => boolean;
  /** What pairs a raw item with its record: the raw key and the record's (default: both `id`). */
  readonly by?: readonly [string, string];
}

export type KindName = 'case' | 'contact' | 'company' | 'message' | 'participant' | 'timeline' | 'user' | 'department' | 'note' | 'noteUser' | 'noteMessage' | 'snooze' | 'invitation' | 'mailMessage' | 'smsMessage';

interface Kind {
  /** The GraphQL type whose fields this kind covers, for the completeness check. */
  readonly type: string | null;
  readonly attributes: ReadonlyArray<Attribute>;
  readonly relations: ReadonlyArray<Relation>;
  /** Fields of `type` that no example attribute feeds directly, with the reason. */
  readonly derived: Readonly<Record<string, string>>;
}

const a = (raw: string, as: ValueKind, record = raw): Attribute => ({ raw, record, as });

const USER_ATTRIBUTES = [a('id', 'id'), a('name', 'string'), a('firstName', 'string'), a('lastName', 'string'), a('email', 'string'), a('photo', 'string')];

export const KINDS: Readonly<Record<KindName, Kind>> = {
  case: {
    type: 'Case',
    attributes: [
      a('id', 'id'), a('title', 'string'), a('description', 'string'), a('channel', 'enum'), a('status', 'enum'), a('threadId', 'id'),
      a('closingState', 'string'), a('dateQueue', 'date'), a('datePending', 'date'), a('dateActive', 'date'), a('dateClosed', 'date'),
      a('userId', 'id'), a('waitTime', 'string'), a('waitTime', 'int', 'waitSeconds'), a('closedBy', 'id', 'closedById'), a('timelineId', 'id'),
      a('queueId', 'id'), a('queueOrder', 'int'), a('meta', 'json'), a('dateCreated', 'date'), a('dateUpdated', 'date'), a('contactId', 'id'),
      a('fields', 'json'),
    ],
    relations: [
      { raw: 'contact', record: 'contact', kind: 'contact' },
      { raw: 'messages', record: 'messages', kind: 'message' },
      { raw: 'users', record: 'users', kind: 'participant' },
      { raw: 'timeline', record: 'timeline', kind: 'timeline' },
      { raw: 'parent', record: 'parent', kind: 'case' },
      { raw: 'lastMessage', record: 'lastMessage', kind: 'message' },
    ],
    derived: {
      closedBy: 'the agent closedById names, read from the agent directory',
      tags: 'a relation no example shows',
      feedbacks: 'a relation no example shows',
      parent: 'the parentId column, or the embedded parent',
    },
  },
  contact: {
    type: 'Contact',
    attributes: [
      a('id', 'id'), a('clientType', 'string'), a('clientName', 'string'), a('clientVersion', 'string'), a('clientOsName', 'string'),
      a('clientOsVersion', 'string'), a('clientDeviceType', 'string'), a('clientDetails', 'json'), a('archive', 'bool', 'archived'),
      a('companyId', 'id'), a('dateCreated', 'date'), a('dateUpdated', 'date'), a('fields', 'json'),
    ],
    relations: [
      { raw: 'cases', record: 'cases', kind: 'case' },
      { raw: 'company', record: 'company', kind: 'company', when: (raw) => raw.id !== undefined && raw.id !== null },
    ],
    derived: {
      name: 'fields.name (checked with fields)',
      email: 'fields.email (checked with fields)',
      phone: 'fields.phone (checked with fields)',
      tags: 'a relation no example fills',
      notes: 'a read of its own (GET /crm/note)',
    },
  },
  company: { type: 'Company', attributes: [a('id', 'id'), a('dateCreated', 'date'), a('dateUpdated', 'date'), a('fields', 'json')], relations: [], derived: { name: 'fields.name', website: 'fields.website', logo: 'fields.logo' } },
  message: {
    type: 'Message',
    attributes: [
      a('id', 'id'), a('caseId', 'id'), a('channel', 'enum'), a('type', 'enum'), a('message', 'string', 'text'), a('senderType', 'enum'),
      a('senderId', 'id'), a('seen', 'bool'), a('meta', 'json'), a('dateCreated', 'date'), a('dateUpdated', 'date'),
    ],
    relations: [
      { raw: 'case', record: 'case', kind: 'case', when: (raw) => raw.id !== undefined },
      { raw: 'sender', record: 'sender', kind: 'user', when: (raw) => raw.type !== 'contact' },
    ],
    derived: {
      case: 'the embedded case, else a read by caseId',
      sender: "an agent's embedded copy, else the directory; a contact's copy carries a stand-in name",
      email: 'only in the mail send answer (mailMessage)',
      sms: 'only in the SMS send answer (smsMessage)',
    },
  },
  mailMessage: {
    type: null,
    attributes: [
      a('caseMessageId', 'id', 'id'), a('caseId', 'id'), a('senderType', 'enum'), a('senderId', 'id'), a('htmlBody', 'string', 'text'),
      a('seen', 'bool'), a('dateCreated', 'date'), a('subject', 'string', 'email.subject'), a('from.Email', 'string', 'email.from.email'),
      a('to.0.Email', 'string', 'email.to.0.email'),
    ],
    relations: [],
    derived: {},
  },
  smsMessage: {
    type: 'SmsDetails',
    attributes: [
      a('caseMessageId', 'id', 'id'), a('caseId', 'id'), a('senderType', 'enum'), a('senderId', 'id'), a('message', 'string', 'text'),
      a('dateCreated', 'date'), a('from', 'string', 'sms.from'), a('to', 'string', 'sms.to'), a('status', 'string', 'sms.status'),
    ],
    relations: [{ raw: 'sender', record: 'sender', kind: 'user' }],
    derived: {},
  },
  participant: {
    type: 'CaseParticipant',
    attributes: [a('id', 'id'), a('type', 'enum'), a('role', 'string'), a('status', 'string'), a('closed', 'bool'), a('dateLastAssigned', 'date'), a('userId', 'id')],
    relations: [{ raw: 'user', record: 'user', kind: 'user', when: (raw) => raw.type !== 'contact' }],
    derived: { user: 'the embedded agent, else the directory', contact: 'the case contact, when userId names it' },
  },
  timeline: {
    type: 'TimelineEntry',
    attributes: [a('id', 'id'), a('objectType', 'string'), a('caseId', 'id'), a('contactId', 'id'), a('threadId', 'id'), a('meta', 'json'), a('dateCreated', 'date'), a('dateUpdated', 'date')],
    relations: [],
    derived: {},
  },
  user: {
    type: 'User',
    attributes: [...USER_ATTRIBUTES, a('status', 'enum')],
    relations: [],
    derived: { departments: 'the department list', presence: 'only from an Agent Status Change webhook' },
  },
  department: {
    type: 'Department',
    attributes: [a('id', 'id'), a('name', 'string'), a('status', 'enum')],
    relations: [{ raw: 'users', record: 'members', kind: 'user' }],
    derived: { members: 'the users relation' },
  },
  note: {
    type: 'Note',
    attributes: [a('id', 'id'), a('contactId', 'id'), a('title', 'string'), a('description', 'string'), a('userId', 'id', 'authorId'), a('dateCreated', 'date')],
    relations: [
      { raw: 'users', record: 'users', kind: 'noteUser', by: ['userId', 'userId'] },
      { raw: 'lastMessage', record: 'lastMessage', kind: 'noteMessage' },
    ],
    derived: { contact: 'a read by contactId', author: 'the embedded user that wrote it, else the directory', messages: 'a read of its own' },
  },
  noteUser: { type: null, attributes: [a('userId', 'id')], relations: [{ raw: 'user', record: 'user', kind: 'user' }], derived: {} },
  noteMessage: {
    type: 'NoteMessage',
    attributes: [a('id', 'id'), a('noteId', 'id'), a('message', 'string', 'text'), a('userId', 'id', 'authorId'), a('dateCreated', 'date')],
    relations: [
      { raw: 'user', record: 'author', kind: 'user' },
      { raw: 'note', record: 'note', kind: 'note' },
    ],
    derived: { parentId: 'null for a top-level message, which the docs show as 0 or null', note: 'the embedded note, else a read', author: 'the embedded user, else the directory' },
  },
  snooze: {
    type: 'Snooze',
    attributes: [a('id', 'id'), a('contactId', 'id'), a('scheduleDate', 'date', 'until'), a('message', 'string'), a('userId', 'id', 'authorId'), a('objectId', 'id', 'caseId')],
    relations: [],
    derived: { author: 'the owner in users, when it is the author' },
  },
  invitation: { type: 'Invitation', attributes: [a('userId', 'id'), a('online', 'bool'), a('sent', 'bool')], relations: [], derived: {} },
};

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) current = current[Number(part)];
    else if (isObject(current)) current = current[part];
    else return undefined;
  }
  return current;
}

/** Whether the example gives the attribute a value (null, an empty string and `{}`/`[]` give none). */
function documented(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function instant(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  return Date.parse(ZONELESS.test(value.trim()) ? `${value.trim().replace(' ', 'T')}Z` : value);
}

/** Why the record's value is not the documented one, or null when it is. */
function misread(as: ValueKind, raw: unknown, read: unknown): string | null {
  if (read === null || read === undefined) return 'dropped';
  switch (as) {
    case 'id':
    case 'string':
      return String(read) === String(raw).trim() || (as === 'string' && read === raw) ? null : `read as ${JSON.stringify(read)}`;
    case 'int':
      return read === Number(raw) ? null : `read as ${JSON.stringify(read)}`;
    case 'bool': {
      const truth = raw === true || (typeof raw === 'string' && ['yes', 'true'].includes(raw.toLowerCase()));
      return read === truth ? null : `read as ${JSON.stringify(read)}`;
    }
    case 'date':
      return instant(read) === instant(raw) ? null : `read as ${JSON.stringify(read)}`;
    case 'enum':
      return read === 'UNKNOWN' ? 'read as UNKNOWN' : null;
    case 'json':
      return null;
    default: {
      const unreachable: never = as;
      return `unknown value kind ${String(unreachable)}`;
    }
  }
}

/** Every exposed attribute and relation of `raw` that `record` lost or misread, as `path: problem`. */
export function lostAttributes(kind: KindName, raw: unknown, record: unknown, path = ''): string[] {
  if (!isObject(raw)) return [];
  if (!isObject(record)) return [`${path || '.'}: no record read`];
  const problems: string[] = [];
  const spec = KINDS[kind];
  for (const attribute of spec.attributes) {
    const value = at(raw, attribute.raw);
    // A date the docs give as a placeholder ("dateUpdated": "string") has no value to keep.
    if (!documented(value) || (attribute.as === 'date' && Number.isNaN(instant(value)))) continue;
    const problem = misread(attribute.as, value, at(record, attribute.record));
    if (problem) problems.push(`${path}${attribute.raw} (${JSON.stringify(value).slice(0, 40)}): ${problem}`);
  }
  for (const relation of spec.relations) {
    const value = raw[relation.raw];
    if (!documented(value)) continue;
    const items = (Array.isArray(value) ? value : [value]).filter(isObject).filter((item) => !relation.when || relation.when(item));
    if (items.length === 0) continue;
    const read = record[relation.record];
    const readItems = Array.isArray(read) ? read : read === undefined || read === null ? [] : [read];
    const [rawKey, recordKey] = relation.by ?? ['id', 'id'];
    for (const item of items) {
      const match = readItems.find((candidate) => isObject(candidate) && String(candidate[recordKey]) === String(item[rawKey]).trim());
      if (!match) {
        problems.push(`${path}${relation.raw}: ${JSON.stringify(item[rawKey] ?? null)} dropped`);
        continue;
      }
      problems.push(...lostAttributes(relation.kind, item, match, `${path}${relation.raw}.`));
    }
  }
  return problems;
}

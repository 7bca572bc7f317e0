/** Case endpoints (fact sheet §3, §4.1). */
import type { UpstreamDialect, UpstreamSession } from '../domain/context.js';
import type { CaseStatus, Channel } from '../domain/enums.js';
import type { CaseRecord, CaseRelation, InvitationRecord } from '../domain/records.js';
import { dataOf, keyedEntriesOf, pageOf, recordOf, type Page } from './envelopes.js';
import { malformedError } from './errors.js';
import { isObject, upstreamCaseStatus, upstreamChannel } from './normalize.js';
import { readRange } from './pageWindow.js';
import { numericId, upstreamId } from './ids.js';
import { checkRelations, listParams, relationParams } from './params.js';
import { caseTouched } from './touches.js';
import { readCase, readInvitation } from './readRecords.js';

/** Conditions on the case list, in the gateway's terms; each becomes a `where=column|eq|value`. */
export interface CaseConditions {
  status?: Exclude<CaseStatus, 'UNKNOWN'>;
  channel?: Exclude<Channel, 'UNKNOWN'>;
  contactId?: string;
  parentId?: string;
  closedBy?: string;
}

/** What a case list read asks for, whichever rows it reads. */
export interface CaseQuery {
  where: CaseConditions;
  relations: readonly CaseRelation[];
  /** Only these columns (the upstream adds `id` and `threadId`); all when null. */
  select: readonly string[] | null;
}

export interface CaseSliceParams extends CaseQuery {
  /** Offset of the first case in the whole (filtered) list, in the upstream's order. */
  start: number;
  count: number;
}

// The upstream documents no page-size limit; keep the widened page modest.
const MAX_UPSTREAM_LIMIT = 200;

function whereParams(where: CaseConditions, dialect: UpstreamDialect): Array<[string, string]> {
  const conditions: Array<[string, string | undefined]> = [
    ['status', where.status && upstreamCaseStatus(where.status, dialect)],
    ['channel', where.channel && upstreamChannel(where.channel, dialect)],
    ['contactId', where.contactId && upstreamId(where.contactId, 'contact')],
    ['parentId', where.parentId && upstreamId(where.parentId, 'case')],
    ['closedBy', where.closedBy && upstreamId(where.closedBy, 'user')],
  ];
  return conditions.flatMap(([column, value]): Array<[string, string]> => (value === undefined ? [] : [['where', `${column}|eq|${value}`]]));
}

/** The case list's answer (`{page, offset, limit, count, data}`). */
export function readCaseList(body: unknown): Page<CaseRecord> {
  const read = pageOf(body);
  return { items: read.items.filter(isObject).map(readCase), total: read.total };
}

/** One case: the single read, and the answers of create and reopen. */
export function readCaseAnswer(body: unknown): CaseRecord {
  return readCase(recordOf(body));
}

/** The thread read's answer: its cases, each with `lastMessage`. */
export function readThreadAnswer(body: unknown): CaseRecord[] {
  return pageOf(body).items.filter(isObject).map(readCase);
}

/** Invite-agent's answer: one entry per invited agent, keyed by its id. */
export function readInvitations(body: unknown): InvitationRecord[] {
  return keyedEntriesOf(body)
    .map(readInvitation)
    .filter((invitation): invitation is InvitationRecord => invitation !== null);
}

/** The columns that tell a queued case from a pending one (see readRecords.ts). */
const STATUS_COLUMNS = ['status', 'queueId', 'dateActive'];

/** The columns a read selects: where a queued case is `pending` upstream, its status needs two more. */
function columnsOf(select: readonly string[] | null, dialect: UpstreamDialect): readonly string[] | null {
  if (select === null || dialect.queueStatus !== 'pending' || !select.includes('status')) return select;
  return [...new Set([...select, ...STATUS_COLUMNS])];
}

async function listPage(session: UpstreamSession, query: CaseQuery, limit: number, page: number): Promise<Page<CaseRecord>> {
  const read = await session.read(
    {
      method: 'GET',
      path: 'crm/objects/case',
      searchParams: [
        ['limit', String(limit)],
        ['page', String(page)],
        ...whereParams(query.where, session.dialect),
        ...relationParams(query.relations, session.dialect),
        ...listParams('select', columnsOf(query.select, session.dialect) ?? [], session.dialect),
      ],
    },
    'cases',
    readCaseList,
  );
  checkRelations(session, 'case list', query.relations, read.items);
  return read;
}

/**
 * Whether the cases asked for can only be told apart here. Where a queued case is `pending`
 * upstream (ACQUIRE_QUEUE_STATUS=pending), `status|eq|pending` holds both QUEUE and PENDING cases,
 * and `eq` is the only operator the docs show (rest-apis/conversation/conversation-or-cases/list.md:25-27),
 * so no `where` separates them: the pending list is read whole and filtered.
 */
function readWhole(where: CaseConditions, dialect: UpstreamDialect): boolean {
  return dialect.queueStatus === 'pending' && (where.status === 'QUEUE' || where.status === 'PENDING');
}

/** A walk over a list stops here whatever the upstream says: 25 pages of 200. */
const MAX_WALK_PAGES = 25;

/**
 * Every case of `query` that reads with the status asked for, page after page (each page a call
 * charged to the request's budget). A page identical to the one before it ends the walk, and is
 * reported: an upstream that ignored `page` would otherwise answer the same rows for ever.
 */
async function readAll(session: UpstreamSession, query: CaseQuery): Promise<CaseRecord[]> {
  const select = query.select === null ? null : [...query.select, 'status'];
  const rows: CaseRecord[] = [];
  let previous: string | null = null;
  for (let page = 0; page < MAX_WALK_PAGES; page += 1) {
    const { items, total } = await listPage(session, { ...query, select }, MAX_UPSTREAM_LIMIT, page);
    const ids = items.map((record) => record.id).join(',');
    if (previous !== null && ids === previous && items.length > 0) {
      session.notice(`Acquire answered page ${page} of the case list with the rows of page ${page - 1}: the walk stopped there`);
      break;
    }
    previous = ids;
    rows.push(...items);
    if (items.length < MAX_UPSTREAM_LIMIT || (total !== null && (page + 1) * MAX_UPSTREAM_LIMIT >= total)) break;
  }
  return rows.filter((record) => record.status === query.where.status);
}

/**
 * `count` cases from offset `start` of the list, over the upstream's `limit` and 0-based `page`
 * (one call, or two for an awkward range), with the list's total. Where the status asked for
 * cannot be a `where` (see readWhole), offsets and the total are those of the filtered list.
 */
export async function listCases(session: UpstreamSession, params: CaseSliceParams): Promise<{ items: CaseRecord[]; total: number }> {
  if (readWhole(params.where, session.dialect)) {
    const all = await readAll(session, params);
    return { items: all.slice(params.start, params.start + params.count), total: all.length };
  }
  return readRange(params.start, params.count, MAX_UPSTREAM_LIMIT, (limit, page) => listPage(session, params, limit, page));
}

/** How many cases match `where`, in the cheapest read that says it: one id. */
export async function countCases(session: UpstreamSession, where: CaseConditions): Promise<number> {
  if (readWhole(where, session.dialect)) return (await readAll(session, { where, relations: [], select: ['id'] })).length;
  const { total } = await listPage(session, { where, relations: [], select: ['id'] }, 1, 0);
  if (total === null) throw malformedError('a case list without its count');
  return total;
}

export async function getCase(session: UpstreamSession, id: string, relations: readonly CaseRelation[]): Promise<CaseRecord> {
  const record = await session.read(
    { method: 'GET', path: `crm/objects/case/${upstreamId(id, 'case')}`, searchParams: relationParams(relations, session.dialect) },
    'case',
    readCaseAnswer,
  );
  checkRelations(session, `case ${record.id}`, relations, [record]);
  return record;
}

/** "Retrieve a list of messages": despite its name, the cases of one thread, each with `lastMessage`. */
export async function getThread(session: UpstreamSession, contactId: string, threadId: string): Promise<ReadonlyArray<CaseRecord>> {
  return session.read(
    {
      method: 'GET',
      path: 'crm/messenger/chat/messages',
      searchParams: [
        ['contactId', upstreamId(contactId, 'contact')],
        ['threadId', upstreamId(threadId, 'thread')],
      ],
    },
    'thread',
    readThreadAnswer,
  );
}

export interface CreateCaseParams {
  contactId: string;
  title?: string;
  channel?: Exclude<Channel, 'UNKNOWN'>;
  message?: string;
  /** Set to reopen: the upstream continues that thread in a new case. */
  threadId?: string;
}

/**
 * Create and reopen share one endpoint; a `threadId` in the body makes it a reopen. A new case
 * changes every case list, and the contact's cases.
 */
export async function createCase(session: UpstreamSession, params: CreateCaseParams): Promise<CaseRecord> {
  return session.write(
    {
      method: 'POST',
      path: 'crm/messenger/chat/create',
      searchParams: [['contactId', upstreamId(params.contactId, 'contact')]],
      json: {
        ...(params.title === undefined ? {} : { title: params.title }),
        ...(params.channel === undefined ? {} : { channel: upstreamChannel(params.channel, session.dialect) }),
        ...(params.message === undefined ? {} : { message: { type: 'message', message: params.message } }),
        ...(params.threadId === undefined ? {} : { threadId: numericId(params.threadId, 'thread') }),
      },
    },
    [{ kind: 'case' }, { kind: 'contact', id: params.contactId }],
    readCaseAnswer,
  );
}

export interface CloseCaseParams {
  caseId: string;
  closingState?: string;
  askFeedback?: boolean;
}

/** The answer is a map (`{"0": {caseId, ...}, userId, userType}`) that says little; callers re-read the case. */
export async function closeCase(session: UpstreamSession, params: CloseCaseParams): Promise<void> {
  await session.write(
    {
      method: 'POST',
      path: 'crm/messenger/chat/close',
      json: {
        caseId: numericId(params.caseId, 'case'),
        ...(params.closingState === undefined ? {} : { closingState: params.closingState }),
        ...(params.askFeedback === undefined ? {} : { askFeedback: params.askFeedback }),
      },
    },
    caseTouched(params.caseId),
    dataOf,
  );
}

/**
 * Takes a case as the key's pseudo-agent. Documented only in the 2021 drafts
 * (drafts-2021/rest-apis/platform/conversation/conversation-or-cases/join-chat.md): "Join an active
 * chat", body `{caseId, askJoin: true}` (join-chat.md:193-198), answered with the case, its users
 * and last message.
 */
export async function joinCase(session: UpstreamSession, caseId: string): Promise<CaseRecord> {
  return session.write(
    { method: 'POST', path: 'crm/messenger/chat/join', json: { caseId: numericId(caseId, 'case'), askJoin: true } },
    caseTouched(caseId),
    readCaseAnswer,
  );
}

/**
 * Turns a case down, which sends it back to the queue. Documented only in the 2021 drafts
 * (case-reject.md): body `{caseId}` (case-reject.md:96-100), answered with the case as it stands:
 * pending with its queue id and no active date (case-reject.md:43,47,49), which reads as QUEUE.
 */
export async function rejectCase(session: UpstreamSession, caseId: string): Promise<CaseRecord> {
  return session.write({ method: 'POST', path: 'crm/messenger/chat/reject', json: { caseId: numericId(caseId, 'case') } }, caseTouched(caseId), readCaseAnswer);
}

export interface InviteParams {
  caseId: string;
  agentIds: string[];
  departmentIds: string[];
}

export async function inviteToCase(session: UpstreamSession, params: InviteParams): Promise<InvitationRecord[]> {
  return session.write(
    {
      method: 'POST',
      path: 'crm/messenger/agent/invite-agent',
      json: {
        caseId: numericId(params.caseId, 'case'),
        ...(params.agentIds.length > 0 ? { agentIds: params.agentIds.map(Number) } : {}),
        ...(params.departmentIds.length > 0 ? { department: params.departmentIds.map(Number) } : {}),
      },
    },
    caseTouched(params.caseId),
    readInvitations,
  );
}

/** The cheapest read that proves the key may read cases: one id of one case. */
export async function probeCases(session: UpstreamSession): Promise<void> {
  await session.read({ method: 'GET', path: 'crm/objects/case', searchParams: [['limit', '1'], ['select', 'id']] }, 'probe', dataOf);
}

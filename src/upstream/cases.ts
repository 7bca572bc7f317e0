/** Case endpoints (fact sheet §3, §4.1). */
import type { UpstreamCall } from './client.js';
import { dataOf, keyedEntriesOf, pageOf, recordOf } from './envelopes.js';
import type { CaseStatus, Channel } from '../__generated__/resolvers-types.js';
import { isObject, upstreamCaseStatus, upstreamChannel } from './normalize.js';
import { normaliseOnce } from './once.js';
import { pageWindow } from './pageWindow.js';
import { relationParams } from './params.js';
import { readCase, readInvitation } from './readRecords.js';
import type { CaseRecord, CaseRelation, InvitationRecord, Page } from './records.js';

/** Conditions on the case list, in the gateway's terms; each becomes a `where=column|eq|value`. */
export interface CaseConditions {
  status?: Exclude<CaseStatus, 'UNKNOWN'>;
  channel?: Exclude<Channel, 'UNKNOWN'>;
  contactId?: string;
  parentId?: string;
  closedBy?: string;
}

export interface CaseSliceParams {
  /** Offset of the first case in the whole (filtered) list. */
  start: number;
  count: number;
  where: CaseConditions;
  relations: CaseRelation[];
  /** Only these columns (the upstream adds `id` and `threadId`); all when null. */
  select: string[] | null;
}

// The upstream documents no page-size limit; keep the widened page modest.
const MAX_UPSTREAM_LIMIT = 200;

function whereParams(where: CaseConditions): Array<[string, string]> {
  const conditions: Array<[string, string | undefined]> = [
    ['status', where.status && upstreamCaseStatus(where.status)],
    ['channel', where.channel && upstreamChannel(where.channel)],
    ['contactId', where.contactId],
    ['parentId', where.parentId],
    ['closedBy', where.closedBy],
  ];
  return conditions.flatMap(([column, value]): Array<[string, string]> => (value === undefined ? [] : [['where', `${column}|eq|${value}`]]));
}

async function listPage(call: UpstreamCall, params: CaseSliceParams, limit: number, page: number): Promise<Page<CaseRecord>> {
  const body = await call({
    method: 'GET',
    path: 'crm/objects/case',
    searchParams: [
      ['limit', String(limit)],
      ['page', String(page)],
      ...whereParams(params.where),
      ...relationParams(params.relations),
      ...(params.select ?? []).map((column): [string, string] => ['select', column]),
    ],
  });
  return normaliseOnce(body, 'cases', () => {
    const read = pageOf(body);
    return { items: read.items.filter(isObject).map(readCase), total: read.total };
  });
}

/**
 * `count` cases from offset `start` of the list, over the upstream's `limit` and 0-based `page`
 * (one call, or two for an awkward range), with the list's total.
 */
export async function listCases(call: UpstreamCall, params: CaseSliceParams): Promise<{ items: CaseRecord[]; total: number }> {
  const window = pageWindow(params.start, params.count, MAX_UPSTREAM_LIMIT);
  const pages = await Promise.all(window.pages.map((page) => listPage(call, params, window.limit, page)));
  const items = pages.flatMap((page) => page.items).slice(window.skip, window.skip + params.count);
  // Without a count in the envelope, what was seen is the best lower bound.
  const total = Math.max(pages[0]?.total ?? 0, params.start + items.length);
  return { items, total };
}

export async function getCase(call: UpstreamCall, id: string, relations: readonly CaseRelation[]): Promise<CaseRecord> {
  const body = await call({
    method: 'GET',
    path: `crm/objects/case/${encodeURIComponent(id)}`,
    searchParams: relationParams(relations),
  });
  return normaliseOnce(body, 'case', () => readCase(recordOf(body)));
}

/** "Retrieve a list of messages": despite its name, the cases of one thread, each with `lastMessage`. */
export async function getThread(call: UpstreamCall, contactId: string, threadId: string): Promise<CaseRecord[]> {
  const body = await call({
    method: 'GET',
    path: 'crm/messenger/chat/messages',
    searchParams: [
      ['contactId', contactId],
      ['threadId', threadId],
    ],
  });
  return normaliseOnce(body, 'thread', () => pageOf(body).items.filter(isObject).map(readCase));
}

export interface CreateCaseParams {
  contactId: string;
  title?: string;
  channel?: Exclude<Channel, 'UNKNOWN'>;
  message?: string;
  /** Set to reopen: the upstream continues that thread in a new case. */
  threadId?: string;
}

/** Create and reopen share one endpoint; a `threadId` in the body makes it a reopen. */
export async function createCase(call: UpstreamCall, params: CreateCaseParams): Promise<CaseRecord> {
  const body = await call({
    method: 'POST',
    path: 'crm/messenger/chat/create',
    searchParams: [['contactId', params.contactId]],
    json: {
      ...(params.title === undefined ? {} : { title: params.title }),
      ...(params.channel === undefined ? {} : { channel: upstreamChannel(params.channel) }),
      ...(params.message === undefined ? {} : { message: { type: 'message', message: params.message } }),
      ...(params.threadId === undefined ? {} : { threadId: Number(params.threadId) }),
    },
  });
  return readCase(recordOf(body));
}

export interface CloseCaseParams {
  caseId: string;
  closingState?: string;
  askFeedback?: boolean;
}

/** The answer is a map (`{"0": {caseId, ...}, userId, userType}`) that says little; callers re-read the case. */
export async function closeCase(call: UpstreamCall, params: CloseCaseParams): Promise<void> {
  const body = await call({
    method: 'POST',
    path: 'crm/messenger/chat/close',
    json: {
      caseId: Number(params.caseId),
      ...(params.closingState === undefined ? {} : { closingState: params.closingState }),
      ...(params.askFeedback === undefined ? {} : { askFeedback: params.askFeedback }),
    },
  });
  dataOf(body);
}

export interface InviteParams {
  caseId: string;
  agentIds: string[];
  departmentIds: string[];
}

export async function inviteToCase(call: UpstreamCall, params: InviteParams): Promise<InvitationRecord[]> {
  const body = await call({
    method: 'POST',
    path: 'crm/messenger/agent/invite-agent',
    json: {
      caseId: Number(params.caseId),
      ...(params.agentIds.length > 0 ? { agentIds: params.agentIds.map(Number) } : {}),
      ...(params.departmentIds.length > 0 ? { department: params.departmentIds.map(Number) } : {}),
    },
  });
  return keyedEntriesOf(body)
    .map(readInvitation)
    .filter((invitation): invitation is InvitationRecord => invitation !== null);
}

/** The cheapest read that proves the key may read cases: one id of one case. */
export async function probeCases(call: UpstreamCall): Promise<void> {
  dataOf(await call({ method: 'GET', path: 'crm/objects/case', searchParams: [['limit', '1'], ['select', 'id']] }));
}

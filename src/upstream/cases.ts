/** Case endpoints (fact sheet §3, §4.1). */
import type { UpstreamCall } from './client.js';
import { dataOf, keyedEntriesOf, pageOf, recordOf } from './envelopes.js';
import { isObject } from './normalize.js';
import { normaliseOnce } from './once.js';
import { relationParams } from './params.js';
import { readCase, readInvitation } from './readRecords.js';
import type { CaseRecord, CaseRelation, InvitationRecord, Page } from './records.js';

/** A `where=column|eq|value` condition; `eq` is the only operator the API documents. */
export type CaseCondition = [column: 'status' | 'channel' | 'contactId' | 'parentId' | 'closedBy', value: string];

export interface CaseListParams {
  limit: number;
  /** 0-based. */
  page: number;
  where: CaseCondition[];
  relations: CaseRelation[];
  /** Only these columns (the upstream adds `id` and `threadId`); all when null. */
  select: string[] | null;
}

export async function listCases(call: UpstreamCall, params: CaseListParams): Promise<Page<CaseRecord>> {
  const body = await call({
    method: 'GET',
    path: 'crm/objects/case',
    searchParams: [
      ['limit', String(params.limit)],
      ['page', String(params.page)],
      ...params.where.map(([column, value]): [string, string] => ['where', `${column}|eq|${value}`]),
      ...relationParams(params.relations),
      ...(params.select ?? []).map((column): [string, string] => ['select', column]),
    ],
  });
  return normaliseOnce(body, 'cases', () => {
    const page = pageOf(body);
    return { items: page.items.filter(isObject).map(readCase), total: page.total };
  });
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
  /** The upstream channel name (`chat`, `mail`...). */
  channel?: string;
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
      ...(params.channel === undefined ? {} : { channel: params.channel }),
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

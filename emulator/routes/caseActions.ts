/** The case lifecycle: create (and reopen), close, invite agents. */
import { ApiError, invalidInput, recordNotFound } from '../errors.js';
import { contactFieldRecords } from '../contactFieldRecords.js';
import { bodyObject, idList, optionalId, optionalText, requireId } from '../query.js';
import { API_USER, CHANNELS, type Channel } from '../records.js';
import { caseColumns, contactVisits, lastMessage, participantsWithUsers } from '../render.js';
import { QUEUE_ID } from '../seedCases.js';
import type { RouteDefinition } from '../router.js';
import { channelsOf, type Dialect } from '../dialect.js';
import { findCase } from './caseChecks.js';
import { messageInput } from './messenger.js';

/** A channel as the dialect names it: `mail` or `email` for e-mail, the other one refused (a guess at how). */
function channelInput(value: unknown, dialect: Dialect): Channel | null {
  const channel = optionalText(value, 'channel');
  if (channel === null || channel === '') return null;
  if (!(channelsOf(dialect, CHANNELS) as string[]).includes(channel)) throw invalidInput(`Unknown channel "${channel}"`);
  return channel as Channel;
}

export const caseActionRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/crm/messenger/chat/create',
    handler: ({ store, query, body }) => {
      const contactId = requireId(query.get('contactId'), 'contactId');
      const input = bodyObject(body);
      const title = optionalText(input['title'], 'title') || null;
      const requestedChannel = channelInput(input['channel'], store.dialect);
      const message = input['message'] === undefined || input['message'] === null ? null : messageInput(input['message'], 'message');
      const threadId = optionalId(input['threadId'], 'threadId');
      const contact = store.contactsById.get(contactId);
      if (!contact) throw recordNotFound('Contact', contactId);
      const thread = threadId === null ? null : store.casesByThread.get(threadId);
      if (threadId !== null && (!thread || thread[0]?.record.contactId !== contactId)) {
        throw recordNotFound(`Thread of contact ${contactId}`, threadId);
      }
      if (thread?.some((entry) => entry.record.status !== 'closed')) {
        throw new ApiError('ERROR_DUPLICATE_RECORD_FOUND', `Thread ${threadId} already has a case that is not closed`);
      }
      const channel = requestedChannel ?? thread?.[0]?.record.channel ?? 'chat';
      const entry = store.createCase({ contact, channel, title, message, thread: thread ?? null }, new Date().toISOString());
      const { companyId } = contact.record;
      return {
        ...caseColumns(entry.record),
        contact: {
          ...contact.record,
          fields: contactFieldRecords(contact),
          company: (companyId === null ? undefined : store.companiesById.get(companyId)) ?? null,
          tags: [],
          visits: contactVisits(store, contactId),
        },
        users: [],
        fields: [],
        isCaseJoined: false,
        preMessages: [],
      };
    },
  },
  {
    method: 'POST',
    path: '/crm/messenger/chat/close',
    handler: ({ store, body }) => {
      const input = bodyObject(body);
      const caseId = requireId(input['caseId'], 'caseId');
      const closingState = optionalText(input['closingState'], 'closingState') || 'handled';
      const entry = findCase(store, caseId);
      if (entry.record.status === 'closed') throw invalidInput(`Case ${caseId} is already closed`);
      store.closeCase(entry, closingState, new Date().toISOString());
      // Acquire's odd map: one numeric key per closed case next to the closing user.
      return {
        '0': { foreverClosed: true, leftUser: true, caseId, contactId: entry.record.contactId },
        userId: API_USER.id,
        userType: 'user',
      };
    },
  },
  {
    // Documented only in the 2021 drafts (drafts-2021/.../conversation-or-cases/join-chat.md): "Join
    // an active chat" with `{caseId, askJoin}`; the answer is the case with its users and last
    // message. A waiting case is taken (it becomes active); a closed one is refused (a guess).
    method: 'POST',
    path: '/crm/messenger/chat/join',
    handler: ({ store, body }) => {
      const caseId = requireId(bodyObject(body)['caseId'], 'caseId');
      const entry = findCase(store, caseId);
      if (entry.record.status === 'closed') throw invalidInput(`Case ${caseId} is closed`);
      store.joinCase(entry, new Date().toISOString());
      const cas = { ...caseColumns(entry.record), lastMessage: lastMessage(entry) };
      // The drafts' answer nests the case again in the joining agent's participation.
      const users = participantsWithUsers(store, entry).map((user) => (user['userId'] === API_USER.id && user['type'] === 'user' ? { ...user, case: cas } : user));
      return { ...cas, users };
    },
  },
  {
    // Documented only in the 2021 drafts (case-reject.md): `{caseId}`, answered with the case sent
    // back to queue 15 (the drafts' example; the emulator's only queue) and its users.
    method: 'POST',
    path: '/crm/messenger/chat/reject',
    handler: ({ store, body }) => {
      const caseId = requireId(bodyObject(body)['caseId'], 'caseId');
      const entry = findCase(store, caseId);
      if (entry.record.status === 'closed') throw invalidInput(`Case ${caseId} is closed`);
      store.rejectCase(entry, QUEUE_ID, new Date().toISOString());
      return { ...caseColumns(entry.record), users: entry.participants };
    },
  },
  {
    method: 'POST',
    path: '/crm/messenger/agent/invite-agent',
    handler: ({ store, body }) => {
      const input = bodyObject(body);
      const caseId = requireId(input['caseId'], 'caseId');
      const agentIds = idList(input['agentIds'], 'agentIds');
      const departmentIds = idList(input['department'], 'department');
      if (agentIds.length === 0 && departmentIds.length === 0) throw invalidInput('Give agentIds or department to invite');
      const entry = findCase(store, caseId);
      if (entry.record.status === 'closed') throw invalidInput(`Case ${caseId} is closed`);
      const invited = new Set([...agentIds, ...store.agentIdsOfDepartments(departmentIds)]);
      const result: Record<string, { userId: number; online: boolean; sent: boolean }> = {};
      for (const userId of invited) {
        const agent = store.agentsById.get(userId);
        if (agent) result[String(userId)] = { userId, online: agent.online, sent: agent.online };
      }
      return result;
    },
  },
];

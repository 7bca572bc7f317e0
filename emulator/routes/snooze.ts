/**
 * Snoozes (/crm/follow-up): create, and the delete the docs mark "Under Construction", served here
 * as its page describes it. The docs say nothing of how a snoozed case reads, so case reads do not
 * change; only the contact list's `snoozeInContact` shows a snooze that has not elapsed.
 */
import { ApiError, invalidInput, recordNotFound } from '../errors.js';
import { zonelessDate } from '../dates.js';
import { bodyObject, optionalId, optionalText, requireText } from '../query.js';
import { API_USER, type CaseEntry, type Snooze } from '../records.js';
import { API_USER_PROFILE } from '../render.js';
import type { RouteDefinition } from '../router.js';
import type { AccountStore } from '../store.js';
import { findCase } from './caseChecks.js';
import { findContact } from './contacts.js';

const SCHEDULE_DATE = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)$/;

/**
 * `YYYY-MM-DD HH:MM:SS`, as the parameter table requires (the page's example body sends an ISO
 * date, which is refused so that callers send the documented form), read as UTC, in the future.
 */
function scheduleDateInput(value: unknown): string {
  const text = requireText(value, 'scheduleDate');
  const parts = SCHEDULE_DATE.exec(text);
  const iso = parts ? `${parts[1]}T${parts[2]}.000Z` : '';
  if (!parts || Number.isNaN(Date.parse(iso)) || new Date(iso).toISOString() !== iso) {
    throw invalidInput('scheduleDate must be a date in YYYY-MM-DD HH:MM:SS format');
  }
  // Snoozing into the past is refused (a guess: the docs do not say).
  if (text <= zonelessDate(new Date().toISOString())) throw invalidInput('scheduleDate must be in the future');
  return text;
}

/** With only a contactId, a case snooze takes the contact's latest case that is not closed (a guess). */
function openCaseOf(store: AccountStore, contactId: number): CaseEntry {
  const open = (store.casesByContact.get(contactId) ?? []).filter((entry) => entry.record.status !== 'closed');
  const latest = open[open.length - 1];
  if (!latest) throw invalidInput(`Contact ${contactId} has no open case to snooze; give a caseId`);
  return latest;
}

function snoozeTarget(store: AccountStore, objectType: Snooze['objectType'], caseId: number | null, contactId: number | null): { contactId: number; objectId: number } {
  const entry = caseId === null ? null : findCase(store, caseId);
  if (contactId !== null) findContact(store, contactId);
  if (entry && contactId !== null && entry.record.contactId !== contactId) {
    throw invalidInput(`Case ${entry.record.id} is not a case of contact ${contactId}`);
  }
  if (objectType === 'contact') {
    const owner = contactId ?? entry?.record.contactId ?? 0;
    return { contactId: owner, objectId: owner };
  }
  const target = entry ?? openCaseOf(store, contactId ?? 0);
  return { contactId: target.record.contactId, objectId: target.record.id };
}

export const snoozeRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/crm/follow-up/create',
    handler: ({ store, body }) => {
      const input = bodyObject(body);
      const scheduleDate = scheduleDateInput(input['scheduleDate']);
      const objectType = input['objectType'];
      if (objectType !== 'case' && objectType !== 'contact') throw invalidInput('objectType must be "case" or "contact"');
      const caseId = optionalId(input['caseId'], 'caseId');
      const contactId = optionalId(input['contactId'], 'contactId');
      if (caseId === null && contactId === null) throw invalidInput('Give a caseId or a contactId');
      const message = optionalText(input['message'], 'message') ?? '';
      const target = snoozeTarget(store, objectType, caseId, contactId);
      const snooze = store.addSnooze({ objectType, ...target, scheduleDate, userId: API_USER.id, message });
      return {
        success: true,
        message: 'Snooze added successfully',
        // The page's example: the owners as an array of one map keyed by user id.
        data: { ...snooze, users: [{ [String(API_USER.id)]: { id: API_USER.id, email: API_USER_PROFILE.email, name: API_USER.name } }] },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/crm/follow-up/:id',
    handler: ({ store, id }) => {
      const snooze = store.snoozesById.get(id);
      if (!snooze) throw recordNotFound('Snooze', id);
      // "Snoozes may only be deleted by the agent who created them"; every key writes as the API user.
      if (snooze.userId !== API_USER.id) throw new ApiError('ERROR_UNAUTHORIZED_ACCESS', `Only the agent who created snooze ${id} may delete it`);
      store.snoozesById.delete(id);
      return { success: true, message: 'Snooze has been removed successfully' };
    },
  },
];

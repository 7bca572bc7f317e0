/** POST /voip/send-sms: a text message on an SMS or VoIP case, stored as a case message too. */
import { randomBytes } from 'node:crypto';
import { invalidInput } from '../errors.js';
import { bodyObject, requireId, requireText, userTypeParam } from '../query.js';
import { API_USER } from '../records.js';
import { caseColumns, detailedApiUser, participantsWithUsers, userRef } from '../render.js';
import type { RouteDefinition } from '../router.js';
import { findCase, requireActive, requireChannel, requireContact } from './caseChecks.js';

export const voipRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/voip/send-sms',
    handler: ({ store, query, body }) => {
      const senderType = userTypeParam(query);
      const input = bodyObject(body);
      const from = requireText(input['From'], 'From');
      const to = requireText(input['To'], 'To');
      const contactId = requireId(input['contactId'], 'contactId');
      const text = requireText(input['Body'], 'Body');
      // The docs describe threadId here as "the case ID".
      const caseId = requireId(input['threadId'], 'threadId');
      const timelineId = requireId(input['timelineId'], 'timelineId');
      const entry = findCase(store, caseId);
      requireChannel(entry, ['sms', 'voip']);
      requireActive(entry);
      requireContact(entry, contactId);
      const timeline = entry.timeline.find((item) => item.id === timelineId);
      if (!timeline) throw invalidInput(`Timeline entry ${timelineId} does not belong to case ${caseId}`);

      const now = new Date().toISOString();
      const senderId = senderType === 'user' ? API_USER.id : contactId;
      const message = store.addMessage(entry, { senderType, senderId, type: 'sms', text, seen: 'yes' }, now);
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const users = participantsWithUsers(store, entry);
      // The upstream really names this key `cas`.
      const cas = { ...caseColumns(entry.record), users, timeline };
      return {
        cas,
        threadId: caseId,
        timeline: {
          ...timeline,
          case: { ...caseColumns(entry.record), users, fields: entry.fields, lastMessage: message, tags: [], channels: [entry.record.channel], msgUnread: 0 },
          note: null,
          view: null,
          snooze: [],
        },
        data: {
          members: [],
          message: text,
          msgType: 'sms',
          channelType: 'voip',
          attachments: [],
          id: store.takeSmsId(),
          caseId,
          from,
          to,
          voip_account_id: 1,
          senderType,
          senderId,
          type: 'sms',
          recording_status: null,
          meta: { sid, To: to, From: from, Body: text, status: 'queued', direction: 'outbound-api', numSegments: '1', dateCreated: now },
          call_transcript: 0,
          caseMessageId: message.id,
          timelineId,
          contactId,
          seen: 'yes',
          dateCreated: now,
          call_answered: null,
          call_end: null,
          call_sid: sid,
          status: 'sent',
          call_status: null,
          conferenceId: null,
          price: '0',
          sender: senderType === 'user' ? detailedApiUser() : userRef(store, senderType, senderId),
          is_new_case: false,
          is_new_contact: false,
          cas,
          case_id: caseId,
          timeline,
          is_case_join: false,
        },
      };
    },
  },
];

/** Message endpoints (fact sheet §4.2–4.7): one read, three ways to send, update, delete. */
import type { UpstreamCall } from './client.js';
import { dataOf, recordOf } from './envelopes.js';
import { malformedError } from './errors.js';
import { isObject, toInt } from './normalize.js';
import { normaliseOnce } from './once.js';
import { readMessage } from './readRecords.js';
import type { SenderType } from '../__generated__/resolvers-types.js';
import type { CaseRecord, MessageRecord } from './records.js';

export async function getMessage(call: UpstreamCall, id: string): Promise<MessageRecord> {
  const body = await call({ method: 'GET', path: `crm/objects/case-message/${encodeURIComponent(id)}` });
  return normaliseOnce(body, 'message', () => readMessage(recordOf(body)));
}

/** Resolves to false when the upstream answers `{deleted: 0}`. */
export async function deleteMessage(call: UpstreamCall, id: string): Promise<boolean> {
  const body = await call({ method: 'DELETE', path: `crm/objects/case-message/${encodeURIComponent(id)}` });
  const data = dataOf(body);
  return isObject(data) && 'deleted' in data ? toInt(data.deleted) !== 0 : true;
}

export async function updateMessage(call: UpstreamCall, id: string, text: string): Promise<MessageRecord> {
  const body = await call({
    method: 'POST',
    path: `crm/messenger/chat/message/${encodeURIComponent(id)}`,
    json: { message: { type: 'message', message: text } },
  });
  return readMessage(recordOf(body));
}

export interface ChatMessageParams {
  caseId: string;
  contactId: string | null;
  text: string;
  senderType: SenderType;
}

export async function sendChatMessage(call: UpstreamCall, params: ChatMessageParams): Promise<MessageRecord> {
  const body = await call({
    method: 'POST',
    path: 'crm/messenger/chat/add-message',
    searchParams: [
      ['x-user-type', params.senderType === 'CONTACT' ? 'contact' : 'user'],
      ...(params.contactId === null ? [] : [['contactId', params.contactId] as [string, string]]),
    ],
    json: { channel: 'chat', caseId: Number(params.caseId), message: { type: 'message', message: params.text } },
  });
  return readMessage(recordOf(body));
}

export interface MailMessageParams {
  caseId: string;
  contactId: string;
  text: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject?: string;
}

/**
 * The answer is a mail object whose own `id` counts mails; `caseMessageId` is the id that the
 * message endpoints know, so that is the id the gateway hands out.
 */
export async function sendMailMessage(call: UpstreamCall, params: MailMessageParams): Promise<MessageRecord> {
  const body = await call({
    method: 'POST',
    path: 'mail/add-message',
    json: {
      data: {
        caseId: Number(params.caseId),
        contactId: Number(params.contactId),
        type: 'message',
        from: params.from,
        to: params.to,
        cc: params.cc,
        bcc: params.bcc,
        ...(params.subject === undefined ? {} : { subject: params.subject }),
        htmlBody: params.text,
      },
    },
  });
  const mail = recordOf(body);
  return readMessage({
    ...mail,
    id: mail.caseMessageId ?? mail.id,
    channel: mail.channel ?? 'mail',
    message: mail.htmlBody ?? mail.textBody ?? mail.message,
  });
}

export interface SmsParams {
  caseId: string;
  contactId: string;
  timelineId: string;
  text: string;
  from: string;
  to: string;
}

/**
 * The timeline entry an SMS to this case must name: the case's `timelineId` column, else its own
 * entry among the embedded `timeline`. Null when neither is known.
 */
export function timelineIdOf(record: CaseRecord): string | null {
  return record.timelineId ?? record.timeline?.find((entry) => entry.caseId === record.id)?.id ?? record.timeline?.[0]?.id ?? null;
}

/**
 * The docs call `threadId` "the case ID" and their example sends the case id there. The answer
 * nests the message under `data.data`, next to the case under the key `cas`.
 */
export async function sendSms(call: UpstreamCall, params: SmsParams): Promise<MessageRecord> {
  const body = await call({
    method: 'POST',
    path: 'voip/send-sms',
    searchParams: [['x-user-type', 'user']],
    json: {
      From: params.from,
      To: params.to,
      Body: params.text,
      contactId: Number(params.contactId),
      threadId: Number(params.caseId),
      id: Number(params.caseId),
      timelineId: Number(params.timelineId),
      message: params.text,
      msgType: 'message',
    },
  });
  const envelope = recordOf(body);
  const sms = envelope.data;
  if (!isObject(sms)) throw malformedError('a send-SMS answer without the message');
  return readMessage({
    ...sms,
    id: sms.caseMessageId ?? sms.id,
    caseId: sms.caseId ?? sms.case_id ?? params.caseId,
    type: sms.type ?? 'sms',
  });
}

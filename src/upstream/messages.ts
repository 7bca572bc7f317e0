/** Message endpoints (fact sheet §4.2–4.7): one read, three ways to send, update, delete. */
import type { UpstreamSession } from '../domain/context.js';
import type { SenderType } from '../domain/enums.js';
import type { CaseRecord, MessageRecord } from '../domain/records.js';
import { dataOf, recordOf } from './envelopes.js';
import { malformedError } from './errors.js';
import { numericId, upstreamId } from './ids.js';
import { isObject, toInt } from './normalize.js';
import { readEmail, readMessage, readSms } from './readRecords.js';
import { caseTouched, messageTouched } from './touches.js';

/** One message: the single read, and the answers of a chat send and an edit. */
export function readMessageAnswer(body: unknown): MessageRecord {
  return readMessage(recordOf(body));
}

/** Whether a delete's answer says a message went: false only for `{deleted: 0}`. */
export function readDeleteAnswer(body: unknown): boolean {
  const data = dataOf(body);
  return isObject(data) && 'deleted' in data ? toInt(data.deleted) !== 0 : true;
}

export async function getMessage(session: UpstreamSession, id: string): Promise<MessageRecord> {
  return session.read({ method: 'GET', path: `crm/objects/case-message/${upstreamId(id, 'message')}` }, 'message', readMessageAnswer);
}

/** Resolves to false when the upstream answers `{deleted: 0}`. */
export async function deleteMessage(session: UpstreamSession, id: string): Promise<boolean> {
  return session.write({ method: 'DELETE', path: `crm/objects/case-message/${upstreamId(id, 'message')}` }, messageTouched(id), readDeleteAnswer);
}

export async function updateMessage(session: UpstreamSession, id: string, text: string): Promise<MessageRecord> {
  return session.write(
    { method: 'POST', path: `crm/messenger/chat/message/${upstreamId(id, 'message')}`, json: { message: { type: 'message', message: text } } },
    messageTouched(id),
    readMessageAnswer,
  );
}

export interface ChatMessageParams {
  caseId: string;
  contactId: string | null;
  text: string;
  senderType: Exclude<SenderType, 'UNKNOWN'>;
  /** An internal note (`message.type: note`, one of the three types the docs list), which only agents see. */
  note: boolean;
}

export async function sendChatMessage(session: UpstreamSession, params: ChatMessageParams): Promise<MessageRecord> {
  return session.write(
    {
      method: 'POST',
      path: 'crm/messenger/chat/add-message',
      searchParams: [
        ['x-user-type', params.senderType === 'CONTACT' ? 'contact' : 'user'],
        ...(params.contactId === null ? [] : [['contactId', upstreamId(params.contactId, 'contact')] as [string, string]]),
      ],
      json: { channel: 'chat', caseId: numericId(params.caseId, 'case'), message: { type: params.note ? 'note' : 'message', message: params.text } },
    },
    caseTouched(params.caseId),
    readMessageAnswer,
  );
}

/** An email body: plain text, or markup the caller means as such. */
export type MailBody = { readonly text: string } | { readonly html: string };

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as the HTML body the mail endpoint takes: markup characters escaped, line breaks kept. */
export function plainTextToHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character).replace(/\r\n|\r|\n/g, '<br>');
}

export interface MailMessageParams {
  caseId: string;
  contactId: string;
  body: MailBody;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject?: string;
}

/**
 * The mail send's answer: a mail object whose own `id` counts mails; `caseMessageId` is the id
 * that the message endpoints know, so that is the id the gateway hands out.
 */
export function readMailAnswer(body: unknown): MessageRecord {
  const mail = recordOf(body);
  const message = readMessage({
    ...mail,
    id: mail.caseMessageId ?? mail.id,
    channel: mail.channel ?? 'mail',
    message: mail.htmlBody ?? mail.textBody ?? mail.message,
  });
  return { ...message, email: readEmail(mail) };
}

export async function sendMailMessage(session: UpstreamSession, params: MailMessageParams): Promise<MessageRecord> {
  return session.write(
    {
      method: 'POST',
      path: 'mail/add-message',
      json: {
        data: {
          caseId: numericId(params.caseId, 'case'),
          contactId: numericId(params.contactId, 'contact'),
          type: 'message',
          from: params.from,
          to: params.to,
          cc: params.cc,
          bcc: params.bcc,
          ...(params.subject === undefined ? {} : { subject: params.subject }),
          htmlBody: 'html' in params.body ? params.body.html : plainTextToHtml(params.body.text),
        },
      },
    },
    caseTouched(params.caseId),
    readMailAnswer,
  );
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
 * The SMS send's answer, which nests the message under `data.data`, next to the case under the key
 * `cas`; a message that does not name its case is `caseId`'s.
 */
export function readSmsAnswer(body: unknown, caseId: string): MessageRecord {
  const sms = recordOf(body).data;
  if (!isObject(sms)) throw malformedError('a send-SMS answer without the message');
  const message = readMessage({
    ...sms,
    id: sms.caseMessageId ?? sms.id,
    caseId: sms.caseId ?? sms.case_id ?? caseId,
    type: sms.type ?? 'sms',
  });
  return { ...message, sms: readSms(sms) };
}

/** The docs call `threadId` "the case ID" and their example sends the case id there. */
export async function sendSms(session: UpstreamSession, params: SmsParams): Promise<MessageRecord> {
  return session.write(
    {
      method: 'POST',
      path: 'voip/send-sms',
      searchParams: [['x-user-type', 'user']],
      json: {
        From: params.from,
        To: params.to,
        Body: params.text,
        contactId: numericId(params.contactId, 'contact'),
        threadId: numericId(params.caseId, 'case'),
        id: numericId(params.caseId, 'case'),
        timelineId: numericId(params.timelineId, 'timeline entry'),
        message: params.text,
        msgType: 'message',
      },
    },
    caseTouched(params.caseId),
    (body) => readSmsAnswer(body, params.caseId),
  );
}

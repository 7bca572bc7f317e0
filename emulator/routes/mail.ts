/** POST /mail/add-message: an email reply on a mail case, stored as a case message too. */
import { invalidInput } from '../errors.js';
import { bodyObject, isObject, optionalText, requireId, requireText, stringList } from '../query.js';
import { API_USER } from '../records.js';
import { API_USER_PROFILE, detailedApiUser } from '../render.js';
import type { RouteDefinition } from '../router.js';
import { findCase, requireActive, requireChannel, requireContact } from './caseChecks.js';

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ', '&amp;': '&' };

/** The plain-text part Acquire derives from the HTML body. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|blockquote|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|nbsp|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const address = (email: string): { Name: string; Email: string } => ({ Name: '', Email: email });

export const mailRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/mail/add-message',
    handler: ({ store, body }) => {
      const wrapper = bodyObject(body);
      const input = wrapper['data'];
      if (!isObject(input)) throw invalidInput('The body must wrap the mail in a "data" object');
      const caseId = requireId(input['caseId'], 'data.caseId');
      const contactId = requireId(input['contactId'], 'data.contactId');
      const to = stringList(input['to'], 'data.to');
      if (to.length === 0) throw invalidInput('data.to must list at least one recipient');
      const from = requireText(input['from'], 'data.from');
      if (input['type'] !== 'message') throw invalidInput('data.type must be "message"');
      const cc = stringList(input['cc'], 'data.cc');
      const bcc = stringList(input['bcc'], 'data.bcc');
      const subject = optionalText(input['subject'], 'data.subject');
      const htmlBody = optionalText(input['htmlBody'], 'data.htmlBody') ?? '';
      const entry = findCase(store, caseId);
      requireChannel(entry, [store.dialect.emailChannel]);
      requireActive(entry);
      requireContact(entry, contactId);
      const repliedTo = entry.messages[entry.messages.length - 1] ?? null;
      const now = new Date().toISOString();
      const message = store.addMessage(entry, { senderType: 'user', senderId: API_USER.id, type: 'message', text: htmlBody, seen: 'no' }, now);
      const id = store.takeMailId();
      return {
        id,
        caseMessageId: message.id,
        channelId: null,
        caseId,
        inboxId: 1,
        mailId: 1,
        type: 'message',
        senderType: 'user',
        senderId: API_USER.id,
        to: to.map(address),
        from: { Name: API_USER.name, Email: from, MailboxHash: '' },
        cc: cc.map(address),
        bcc: bcc.map(address),
        reply_to: null,
        subject: subject ?? entry.record.title,
        textBody: htmlToText(htmlBody),
        htmlBody,
        mailboxMessageId: `<mail-${id}@${store.profile.emailDomain}>`,
        messageId: null,
        mailboxInReplyTo: `<case-${caseId}@${store.profile.emailDomain}>`,
        originalRecipient: to[0],
        parentId: repliedTo ? repliedTo.id : null,
        attachments: [],
        dateCreated: now,
        dateSeen: null,
        dateBounce: null,
        dateFailed: null,
        dateDelivery: null,
        seen: 'no',
        isDraft: 'no',
        scheduleAt: now,
        meta: null,
        clickedDate: null,
        unsubscribeDate: null,
        appMessageId: null,
        appThreadId: null,
        user: detailedApiUser(),
        sender: { type: 'user', id: API_USER.id, name: API_USER.name, email: API_USER_PROFILE.email, photo: API_USER_PROFILE.photo },
        mailMsgId: id,
      };
    },
  },
];

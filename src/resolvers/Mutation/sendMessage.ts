import type {
  MutationResolvers,
  MutationSendMessageArgs,
  SenderType,
} from '../../__generated__/resolvers-types.js';
import { badUserInput } from '../../domain/errors.js';
import type { GatewayContext } from '../../domain/context.js';
import { sendChatMessage, sendMailMessage, sendSms, timelineIdOf, type MailBody } from '../../upstream/messages.js';
import type { CaseRecord, MessageRecord } from '../../domain/records.js';
import { boundedText, knownSenderType, parseEmail, parseId, parsePhone, requireText } from '../inputs.js';
import { MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH } from '../textLimits.js';

const MAX_RECIPIENTS = 50;

type Input = MutationSendMessageArgs['input'];

/** A send that has passed validation: it only needs the case it goes to. */
type Send = (record: CaseRecord, context: GatewayContext) => Promise<MessageRecord>;

function recipients(values: readonly string[] | null | undefined, argumentName: string): string[] {
  const list = values ?? [];
  if (list.length > MAX_RECIPIENTS) throw badUserInput(`${argumentName} has more than ${MAX_RECIPIENTS} addresses`, argumentName);
  return list.map((value, index) => parseEmail(value, `${argumentName}[${index}]`));
}

function contactOf(record: CaseRecord): string {
  if (record.contactId === null) throw badUserInput(`Case ${record.id} has no contact to write to`, 'input.caseId');
  return record.contactId;
}

function agentOnly(senderType: SenderType, channel: string): void {
  if (senderType !== 'USER') {
    throw badUserInput(`Only agents send ${channel} through the API: senderType must be USER`, 'input.senderType');
  }
}

function refuseOtherDetails(input: Input, allowed: 'email' | 'sms' | null): void {
  for (const key of ['email', 'sms'] as const) {
    if (key !== allowed && input[key] !== null && input[key] !== undefined) {
      throw badUserInput(`input.${key} does not go with channel ${input.channel ?? 'CHAT'}`, `input.${key}`);
    }
  }
}

function requiredText(input: Input): string {
  if (input.text === null || input.text === undefined) throw badUserInput('input.text is required', 'input.text');
  return requireText(input.text, 'input.text', MAX_MESSAGE_LENGTH);
}

/** Plain text (escaped when sent as HTML) or markup the caller means: one of the two. */
function mailBody(input: Input, html: string | null | undefined): MailBody {
  const hasText = input.text !== null && input.text !== undefined;
  if (html === null || html === undefined) return { text: requiredText(input) };
  if (hasText) throw badUserInput('Give input.text (plain text) or input.email.html (markup), not both', 'input.email.html');
  return { html: requireText(html, 'input.email.html', MAX_MESSAGE_LENGTH) };
}

/** A message, or an internal note: the chat endpoint's `note` type, which only agents write. */
function isNote(input: Input, channel: string, senderType: SenderType): boolean {
  const type = input.type ?? 'MESSAGE';
  if (type !== 'MESSAGE' && type !== 'NOTE') throw badUserInput(`input.type must be MESSAGE or NOTE, got ${type}`, 'input.type');
  if (type === 'MESSAGE') return false;
  if (channel !== 'CHAT') throw badUserInput('Internal notes go through the chat endpoint: channel must be CHAT', 'input.type');
  if (senderType !== 'USER') throw badUserInput('Only agents write internal notes: senderType must be USER', 'input.senderType');
  return true;
}

/** Checks everything about the input first, so a bad request costs no upstream call. */
function planSend(input: Input, caseId: string): Send {
  const senderType = knownSenderType(input.senderType ?? 'USER', 'input.senderType');
  const channel = input.channel ?? 'CHAT';
  const note = isNote(input, channel, senderType);
  switch (channel) {
    case 'CHAT': {
      refuseOtherDetails(input, null);
      const text = requiredText(input);
      return (record, { upstream }) =>
        sendChatMessage(upstream, {
          caseId,
          contactId: record.contactId,
          text,
          senderType,
          note,
        });
    }
    case 'EMAIL': {
      refuseOtherDetails(input, 'email');
      agentOnly(senderType, 'email');
      const email = input.email;
      if (!email) throw badUserInput('input.email is required when channel is EMAIL', 'input.email');
      const to = recipients(email.to, 'input.email.to');
      if (to.length === 0) throw badUserInput('input.email.to needs at least one address', 'input.email.to');
      const mail = {
        caseId,
        body: mailBody(input, email.html),
        from: parseEmail(email.from, 'input.email.from'),
        to,
        cc: recipients(email.cc, 'input.email.cc'),
        bcc: recipients(email.bcc, 'input.email.bcc'),
        ...(email.subject === null || email.subject === undefined
          ? {}
          : { subject: boundedText(email.subject, 'input.email.subject', MAX_TITLE_LENGTH) }),
      };
      return (record, { upstream }) => sendMailMessage(upstream, { ...mail, contactId: contactOf(record) });
    }
    case 'SMS': {
      refuseOtherDetails(input, 'sms');
      agentOnly(senderType, 'SMS');
      const sms = input.sms;
      if (!sms) throw badUserInput('input.sms is required when channel is SMS', 'input.sms');
      const text = requiredText(input);
      const from = parsePhone(sms.from, 'input.sms.from');
      const to = parsePhone(sms.to, 'input.sms.to');
      return (record, { upstream }) => {
        const timelineId = timelineIdOf(record);
        if (timelineId === null) {
          throw badUserInput(`Case ${record.id} has no timeline entry, which an SMS needs`, 'input.caseId');
        }
        return sendSms(upstream, { caseId, contactId: contactOf(record), timelineId, text, from, to });
      };
    }
    default:
      throw badUserInput(`input.channel must be CHAT, EMAIL or SMS, got ${channel}`, 'input.channel');
  }
}

export const sendMessageMutation: NonNullable<MutationResolvers['sendMessage']> = async (_parent, { input }, context) => {
  const caseId = parseId(input.caseId, 'input.caseId');
  const send = planSend(input, caseId);
  // Every channel needs the case's contact; SMS also its timeline entry.
  const record = await context.loaders.cases.load(caseId, input.channel === 'SMS' ? ['timeline'] : []);
  const sent = await send(record, context);
  const message: MessageRecord = { ...sent, caseId: sent.caseId ?? caseId, channel: sent.channel ?? record.channel };
  context.live.publish({ kind: 'message', type: 'ADDED', caseId: message.caseId ?? caseId, messageId: message.id, source: 'write' });
  context.loaders.messages.prime(message);
  return { message };
};

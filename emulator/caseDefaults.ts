/** What Acquire fills in on a new case, by channel. */
import type { Channel } from './records.js';

/** The title of a new case; mail cases carry their subject instead. A contact without a phone is named by id (a guess). */
export function caseTitle(channel: Channel, contactId: number, phone: string | null | undefined): string {
  const caller = phone ? `+${phone}` : `#${contactId}`;
  switch (channel) {
    case 'chat':
      return `#${contactId} has just started a chat`;
    case 'mail':
    case 'email':
      return `#${contactId} sent an email`;
    case 'sms':
      return `SMS from ${caller}`;
    case 'voip':
      return `Call from ${caller}`;
    case 'audio-call':
      return `#${contactId} started an audio call`;
    case 'video-call':
      return `#${contactId} started a video call`;
    case 'private-form':
      return `#${contactId} submitted a private form`;
    case 'view':
      return `#${contactId} opened a custom view`;
  }
}

/** Channels that start from the website widget, so the case records the visit (`visitId`). */
export const WEB_CHANNELS: ReadonlySet<Channel> = new Set(['chat', 'private-form', 'view', 'video-call']);

/** What Acquire fills in on a new case, by channel. */
import type { Channel } from './records.js';

/** The title of a new case; mail cases carry their subject instead. */
export function caseTitle(channel: Channel, contactId: number, phone: string): string {
  switch (channel) {
    case 'chat':
      return `#${contactId} has just started a chat`;
    case 'mail':
      return `#${contactId} sent an email`;
    case 'sms':
      return `SMS from +${phone}`;
    case 'voip':
      return `Call from +${phone}`;
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

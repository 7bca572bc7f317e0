/**
 * Data profiles with other thread lengths than the default seed's 3 to 30 messages a case: every
 * case keeps its dates, participants and status, and its messages are written anew between its
 * start and its last change (or close), opening with the same event and, when closed, ending with
 * the same closing event. The texts come from shared pools (threadText.ts), so memory grows by
 * one small object per message.
 */
import { API_USER, type CaseEntry, type MessageRecord, type MessageType, type SenderType } from './records.js';
import type { Random } from './prng.js';
import { textPools } from './threadText.js';

export const DATA_PROFILES = ['default', 'long-threads'] as const;
export type DataProfile = (typeof DATA_PROFILES)[number];

export interface DataOptions {
  profile?: DataProfile;
  /** Every case gets exactly this many messages (events included), whatever the profile; at least 2. */
  messagesPerCase?: number;
}

/** Cases of the long-threads profile that get thousands of messages rather than hundreds. */
const VERY_LONG_SHARE = 0.02;
const NOTE_SHARE = 0.05;
/** One frozen object for every generated message's `meta`: nothing writes to it, and a million empty objects would not be free. */
const EMPTY_META: Readonly<Record<string, unknown>> = Object.freeze({});

export function validDataOptions(options: DataOptions): DataOptions {
  const { profile = 'default', messagesPerCase } = options;
  if (!(DATA_PROFILES as readonly string[]).includes(profile)) throw new RangeError(`profile must be one of ${DATA_PROFILES.join(', ')}`);
  if (messagesPerCase !== undefined && (!Number.isSafeInteger(messagesPerCase) || messagesPerCase < 2)) {
    throw new RangeError('messagesPerCase must be an integer of at least 2 (the opening and closing events)');
  }
  return { profile, ...(messagesPerCase === undefined ? {} : { messagesPerCase }) };
}

/** How many messages each case gets, or null to keep the default seed's threads. */
function threadLengths(random: Random, cases: readonly CaseEntry[], options: DataOptions): number[] | null {
  if (options.messagesPerCase !== undefined) return cases.map(() => options.messagesPerCase ?? 0);
  if (options.profile !== 'long-threads') return null;
  return cases.map(() => (random.chance(VERY_LONG_SHARE) ? random.int(2_000, 6_000) : random.int(100, 1_500)));
}

interface Line {
  senderType: SenderType;
  senderId: number;
  type: MessageType;
  text: string;
  seen: 'yes' | 'no';
}

function bodyLines(random: Random, entry: CaseEntry, count: number): Line[] {
  const { record } = entry;
  const pools = textPools();
  const mail = record.channel === 'mail';
  const bodyType: MessageType = record.channel === 'sms' ? 'sms' : 'message';
  const waiting = record.status === 'pending' || record.status === 'queue';
  const agentId = entry.participants.find((participant) => participant.type === 'user' && participant.status === 'active')?.userId ?? API_USER.id;
  const lines: Line[] = [];
  let contactTurn = true;
  for (let index = 0; index < count; index++) {
    if (contactTurn || waiting) {
      // The first contact line stays the one the case's description was taken from.
      const text = index === 0 && entry.messages[1]?.senderType === 'contact' ? entry.messages[1].message : random.pick(mail ? pools.mailContact : pools.chatContact);
      lines.push({ senderType: 'contact', senderId: record.contactId, type: bodyType, text, seen: waiting ? 'no' : 'yes' });
      contactTurn = false;
    } else if (random.chance(NOTE_SHARE)) {
      lines.push({ senderType: 'user', senderId: agentId, type: 'note', text: random.pick(pools.notes), seen: 'yes' });
    } else {
      lines.push({ senderType: 'user', senderId: agentId, type: bodyType, text: random.pick(mail ? pools.mailAgent : pools.chatAgent), seen: 'yes' });
      contactTurn = true;
    }
  }
  const last = lines[lines.length - 1];
  if (record.status === 'active' && last?.senderType === 'contact') last.seen = 'no';
  return lines;
}

/**
 * Rewrites the messages of every case for the given profile, numbering them from `firstId` in time
 * order across the account like the default seed; returns the next free message id.
 */
export function rewriteThreads(random: Random, cases: readonly CaseEntry[], options: DataOptions, firstId: number): number | null {
  const lengths = threadLengths(random, cases, options);
  if (!lengths) return null;
  const all: MessageRecord[] = [];
  const times: number[] = [];
  cases.forEach((entry, caseIndex) => {
    const { record } = entry;
    const opening = entry.messages[0];
    const closing = record.status === 'closed' ? entry.messages[entry.messages.length - 1] : undefined;
    const count = lengths[caseIndex] ?? 0;
    const lines = bodyLines(random, entry, count - 1 - (closing ? 1 : 0));
    const start = Date.parse(record.dateCreated);
    const end = Date.parse(record.dateClosed ?? record.dateUpdated);
    const step = (end - start) / (lines.length + 1);
    const messages: MessageRecord[] = [];
    const add = (line: Line | MessageRecord, at: number): void => {
      const message: MessageRecord = {
        id: 0,
        caseId: record.id,
        channel: record.channel,
        senderId: line.senderId,
        senderType: line.senderType,
        type: line.type,
        message: 'text' in line ? line.text : line.message,
        dateCreated: new Date(at).toISOString(),
        dateUpdated: null,
        seen: line.seen,
        meta: EMPTY_META,
      };
      messages.push(message);
      all.push(message);
      times.push(at);
    };
    if (opening) add(opening, start);
    lines.forEach((line, index) => add(line, Math.floor(start + step * (index + 1))));
    if (closing) add(closing, end);
    entry.messages = messages;
  });
  const order = all.map((_, index) => index).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
  let next = firstId;
  for (const index of order) {
    const message = all[index];
    if (message) message.id = next++;
  }
  return next;
}

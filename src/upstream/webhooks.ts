/**
 * Acquire's outbound webhooks: their signature, and their payloads read into live events.
 *
 * The 2.0 docs list the triggers (Case new; case status set to Pending, Active, Queue or Closed;
 * Agent status change) and the signature (`x-acquire-signature`, the hex HMAC-SHA256 of
 * `JSON.stringify(body)` keyed with the webhook's secret), but not the payload. So a payload is
 * read defensively: an event name under any of the plausible keys, recognised by its words (the
 * 2.0 trigger names, 1.0's `CHAT_ON_START`, `CHAT_ON_ACCEPT`, `CHAT_ON_MESSAGE`, `CHAT_ON_CLOSE`),
 * and the case, contact, agent or message id under the camelCase or snake_case keys of either
 * version, at the top or nested a little. What cannot be read is reported, never thrown.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AgentAvailability, CaseStatus, PresenceChannel } from '../domain/enums.js';
import type { AgentPresence, CaseEventType, NewLiveEvent } from '../domain/events.js';

export const SIGNATURE_HEADER = 'x-acquire-signature';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * Whether `signature` is the body's HMAC-SHA256 keyed with `secret`, computed over the raw body
 * or over `JSON.stringify` of the parsed body (the docs' example, which a re-serialised body may
 * only match this way). Both are always computed and compared in constant time.
 */
export function verifySignature(secret: string, raw: Buffer, parsed: unknown, signature: string | undefined): boolean {
  const given = signature?.trim().replace(/^sha256=/i, '').toLowerCase() ?? '';
  const expected = HEX_SHA256.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(32);
  const overRaw = createHmac('sha256', secret).update(raw).digest();
  const overParsed = createHmac('sha256', secret)
    .update(parsed === undefined ? raw : Buffer.from(JSON.stringify(parsed), 'utf8'))
    .digest();
  const rawMatches = timingSafeEqual(overRaw, expected);
  const parsedMatches = timingSafeEqual(overParsed, expected);
  return HEX_SHA256.test(given) && (rawMatches || parsedMatches);
}

/**
 * What identifies one delivery, so that the same one seen again is recognised whatever its
 * spacing: the delivery id the payload carries under a plausible top-level key, else the digest
 * of `JSON.stringify` of the parsed body, the canonical form the signature covers (the docs'
 * example signs exactly that). And when it was sent, if the payload says: a delivery sent outside
 * the replay window cannot be told from a replay of an old one, so it is refused.
 *
 * A GUESS, as the 2.0 payload is not documented: the keys below. `dateCreated` (the emulator's
 * guess of the envelope) counts only on an envelope, never on a bare case, whose `dateCreated` is
 * the case's own creation, which may be days old.
 */
export interface WebhookDelivery {
  readonly key: string;
  /** Milliseconds since the epoch; null when the payload carries no time it was sent. */
  readonly sentAt: number | null;
}

const DELIVERY_ID_KEYS = ['deliveryId', 'delivery_id', 'eventId', 'event_id', 'webhookEventId', 'webhook_event_id'];
const SENT_AT_KEYS = ['timestamp', 'sentAt', 'sent_at', 'triggeredAt', 'triggered_at', 'eventTime', 'event_time'];
const ENVELOPE_SENT_AT_KEYS = ['dateCreated', 'date_created', 'createdAt', 'created_at'];

/** The last time a JavaScript Date can hold: past it a number is no time. */
const MAX_TIME_MS = 8.64e15;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Seconds or milliseconds since the epoch, or an ISO 8601 time (without a zone read as UTC, as
 * Acquire writes its zone-less times); null for anything else, which is then no time at all.
 */
function timeOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const ms = value < 1e11 ? value * 1000 : value;
    return ms <= MAX_TIME_MS ? ms : null;
  }
  if (typeof value !== 'string' || value.length > 40) return null;
  const text = value.trim();
  if (/^\d{9,13}$/.test(text)) return timeOf(Number(text));
  const iso = ISO_TIME.exec(text);
  if (!iso) return null;
  const parsed = Date.parse(iso[1] ? text : `${text.replace(' ', 'T')}Z`);
  return Number.isNaN(parsed) ? null : parsed;
}

export function deliveryOf(parsed: unknown): WebhookDelivery {
  const canonical = createHash('sha256').update(JSON.stringify(parsed), 'utf8').digest('base64url');
  if (!isObject(parsed)) return { key: `sha256:${canonical}`, sentAt: null };
  const id = DELIVERY_ID_KEYS.map((key) => parsed[key]).find((value) => (typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value)) || (typeof value === 'number' && Number.isSafeInteger(value)));
  const envelope = bareCaseId([parsed]) === null;
  const keys = envelope ? [...SENT_AT_KEYS, ...ENVELOPE_SENT_AT_KEYS] : SENT_AT_KEYS;
  const sentAt = keys.map((key) => timeOf(parsed[key])).find((time) => time !== null) ?? null;
  return { key: id === undefined ? `sha256:${canonical}` : `id:${String(id)}`, sentAt };
}

export type WebhookReading = { events: NewLiveEvent[] } | { unrecognised: string };

type Json = Record<string, unknown>;

const NAME_KEYS = ['event', 'eventName', 'event_name', 'eventType', 'event_type', 'trigger', 'triggerName', 'trigger_name', 'type', 'action', 'topic', 'name'];
const ID_KEYS = {
  case: ['caseId', 'case_id', 'chatId', 'chat_id', 'conversationId', 'conversation_id'],
  contact: ['contactId', 'contact_id', 'visitorId', 'visitor_id', 'leadId', 'lead_id', 'customerId', 'customer_id'],
  agent: ['agentId', 'agent_id', 'userId', 'user_id', 'operatorId', 'operator_id'],
  message: ['messageId', 'message_id', 'msgId', 'msg_id'],
} as const;
/** Objects whose own `id` is the id of that kind: `{case: {id}}`, `{visitor: {id}}`... */
const HOLDERS = {
  case: ['case', 'chat', 'conversation'],
  contact: ['contact', 'visitor', 'lead', 'customer'],
  agent: ['agent', 'user', 'operator'],
  message: ['message'],
} as const;
type IdKind = keyof typeof ID_KEYS;

const MAX_DEPTH = 3;
const MAX_BATCH = 100;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value.trim())) return value.trim();
  return null;
}

/** The objects of a payload, shallowest first, down to MAX_DEPTH. */
function objectsOf(body: Json): Json[] {
  const found: Json[] = [];
  let level: Json[] = [body];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth += 1) {
    found.push(...level);
    level = level.flatMap((object) => Object.values(object).filter(isObject));
  }
  return found;
}

function idFor(kind: IdKind, objects: Json[]): string | null {
  for (const object of objects) {
    for (const key of ID_KEYS[kind]) {
      const id = idOf(object[key]);
      if (id !== null) return id;
    }
    for (const key of HOLDERS[kind]) {
      const holder = object[key];
      const id = isObject(holder) ? idOf(holder.id) : null;
      if (id !== null) return id;
    }
  }
  return null;
}

function nameOf(objects: Json[]): string | null {
  for (const object of objects) {
    for (const key of NAME_KEYS) {
      const value = object[key];
      if (typeof value === 'string' && value.trim() !== '' && value.length <= 200) return value;
    }
  }
  return null;
}

type Meaning = { kind: 'case'; type: CaseEventType; status?: CaseStatus } | { kind: 'message' } | { kind: 'agent' };

/** The status a status trigger names: "Chat status is set to Closed", `CHAT_ON_ACCEPT`... */
function statusNamed(has: (...parts: string[]) => boolean): CaseStatus | undefined {
  if (has('CLOSE')) return 'CLOSED';
  if (has('PENDING')) return 'PENDING';
  if (has('QUEUE')) return 'QUEUE';
  if (has('ACTIVE', 'ACCEPT')) return 'ACTIVE';
  return undefined;
}

/**
 * An agent's presence in an Agent Status Change payload. The events page says the event captures
 * "available, unavailable, Chat-chat channel is turned on, Email-email channel is turned on,
 * VOIP-VOIP channel is turned on" (webhook-api/webhook-events-1.md:33-37) and the set-up page that
 * agents "change their status to active/inactive" (webhook-api/webhook-subscribe.md:53); neither
 * shows the payload. So availability is read under any plausible key (the agent's object first),
 * as a word or a flag, and channels as a list of names, an object of flags, flags of their own, or
 * a status that names a channel. What is not recognisable is UNKNOWN or left out, never thrown.
 */
const AVAILABILITY_KEYS = ['availability', 'available', 'isAvailable', 'is_available', 'presence', 'online', 'isOnline', 'agentStatus', 'agent_status', 'status', 'state'];
const AVAILABLE_WORDS = new Set(['available', 'online', 'active', 'on', 'yes', 'true', '1']);
const UNAVAILABLE_WORDS = new Set(['unavailable', 'offline', 'away', 'busy', 'inactive', 'off', 'no', 'false', '0']);
// A Map, so that a key such as `constructor` names nothing.
const CHANNEL_WORDS: ReadonlyMap<string, PresenceChannel> = new Map([['chat', 'CHAT'], ['email', 'EMAIL'], ['mail', 'EMAIL'], ['voip', 'VOIP'], ['call', 'VOIP'], ['phone', 'VOIP']]);
const MAX_WORD = 100;

/** A flag as payloads write them: true/false, 1/0, "yes"/"on"/... ; null for anything else. */
function flagOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string' || value.length > MAX_WORD) return null;
  const word = value.trim().toLowerCase();
  return AVAILABLE_WORDS.has(word) ? true : UNAVAILABLE_WORDS.has(word) ? false : null;
}

/** The channel a word names (`chat`, `Email`, `VOIP channel`, `Chat-chat channel is turned on`), or null. */
function channelOf(value: unknown): PresenceChannel | null {
  if (typeof value !== 'string' || value.length > MAX_WORD) return null;
  const first = /^[a-z]+/.exec(value.trim().toLowerCase())?.[0];
  return first === undefined ? null : (CHANNEL_WORDS.get(first) ?? null);
}

function availabilityOf(value: unknown): AgentAvailability | null {
  if (value === null || value === undefined || typeof value === 'object') return null;
  const flag = flagOf(value);
  if (flag !== null) return flag ? 'AVAILABLE' : 'UNAVAILABLE';
  // A status naming a channel says which channel, not whether the agent is available.
  return channelOf(value) !== null ? null : 'UNKNOWN';
}

function channelsOf(objects: Json[]): PresenceChannel[] | null {
  const on = new Set<PresenceChannel>();
  let said = false;
  for (const object of objects) {
    const own = (key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);
    const listed = own('channels') ?? own('enabledChannels') ?? own('enabled_channels');
    if (Array.isArray(listed)) {
      said = true;
      for (const item of listed.slice(0, 20)) {
        const channel = channelOf(isObject(item) ? (item.name ?? item.channel ?? item.type) : item);
        if (channel && (!isObject(item) || flagOf(item.enabled ?? item.on ?? item.status ?? true) !== false)) on.add(channel);
      }
    }
    const flags = isObject(listed) ? listed : object;
    for (const [key, value] of Object.entries(flags).slice(0, 200)) {
      const channel = CHANNEL_WORDS.get(key.toLowerCase().replace(/(_?(enabled|status|on))$/, ''));
      const flag = flagOf(value);
      if (channel === undefined || flag === null) continue;
      said = true;
      if (flag) on.add(channel);
    }
    const named = channelOf(own('status'));
    if (named) {
      said = true;
      on.add(named);
    }
    if (said) break;
  }
  return said ? [...on].sort() : null;
}

/** The presence an agent event's payload carries, or undefined when it says nothing of it. */
export function readPresence(objects: Json[]): AgentPresence | undefined {
  const holders = objects.flatMap((object) => HOLDERS.agent.map((key) => object[key]).filter(isObject));
  const candidates = [...holders, ...objects];
  let availability: AgentAvailability | null = null;
  search: for (const object of candidates) {
    for (const key of AVAILABILITY_KEYS) {
      if (!Object.hasOwn(object, key)) continue;
      const read = availabilityOf(object[key]);
      if (read !== null) {
        availability = read;
        break search;
      }
    }
  }
  const channels = channelsOf(candidates);
  return availability === null && channels === null ? undefined : { availability, channels };
}

/** What an event name means, by its words: `Case new`, `case_status_pending`, `CHAT_ON_CLOSE`... */
function meaningOf(name: string): Meaning | null {
  const words = name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const has = (...parts: string[]): boolean => parts.some((part) => words.includes(part));
  if (has('AGENT', 'OPERATOR') || (has('USER') && has('STATUS'))) return { kind: 'agent' };
  if (has('MESSAGE')) return { kind: 'message' };
  if (has('NEW', 'CREATE', 'START')) return { kind: 'case', type: 'CREATED' };
  if (has('PENDING', 'ACTIVE', 'QUEUE', 'CLOSE', 'ACCEPT', 'STATUS', 'REOPEN')) {
    const status = has('REOPEN') ? undefined : statusNamed(has);
    return { kind: 'case', type: 'STATUS_CHANGED', ...(status ? { status } : {}) };
  }
  if (has('CASE', 'CHAT', 'CONVERSATION')) return { kind: 'case', type: 'UPDATED' };
  return null;
}

/**
 * The case a case event is about may be the payload itself (`{event, data: {id, status, ...}}`):
 * an object carrying the event, or its `data`, with an `id` and case columns.
 */
function bareCaseId(objects: Json[]): string | null {
  for (const object of objects.slice(0, 2)) {
    if ('status' in object || 'threadId' in object || 'thread_id' in object || 'channel' in object) {
      const id = idOf(object.id);
      if (id !== null) return id;
    }
  }
  return null;
}

function readOne(body: unknown): NewLiveEvent | string {
  if (!isObject(body)) return 'the payload is not a JSON object';
  const objects = objectsOf(body);
  const name = nameOf(objects);
  if (name === null) return 'no event name under any known key';
  const meaning = meaningOf(name);
  if (meaning === null) return `an event name that means nothing known: "${name.slice(0, 60)}"`;
  const source = 'webhook' as const;
  switch (meaning.kind) {
    case 'agent': {
      const userId = idFor('agent', objects) ?? idOf(body.id);
      if (userId === null) return `"${name}" without an agent id`;
      const presence = readPresence(objects);
      return presence ? { kind: 'agent', userId, source, presence } : { kind: 'agent', userId, source };
    }
    case 'message': {
      const caseId = idFor('case', objects);
      const messageId = idFor('message', objects);
      return caseId === null || messageId === null ? `"${name}" without a case id and a message id` : { kind: 'message', type: 'ADDED', caseId, messageId, source };
    }
    case 'case': {
      const caseId = idFor('case', objects) ?? bareCaseId([body, ...objects.filter((object) => object === body.data)]);
      const contactId = idFor('contact', objects);
      if (caseId === null && contactId === null) return `"${name}" without a case id or a contact id`;
      return { kind: 'case', type: meaning.type, caseId, contactId, source, ...(meaning.status ? { status: meaning.status } : {}) };
    }
    default: {
      const unreachable: never = meaning;
      return `unknown meaning ${JSON.stringify(unreachable)}`;
    }
  }
}

/** The live events of a webhook's parsed body (one event, or a batch of them). */
export function readWebhook(body: unknown): WebhookReading {
  const items = Array.isArray(body) ? body.slice(0, MAX_BATCH) : [body];
  const events: NewLiveEvent[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const read = readOne(item);
    if (typeof read === 'string') problems.push(read);
    else events.push(read);
  }
  if (events.length === 0) return { unrecognised: problems[0] ?? 'an empty batch' };
  return { events };
}

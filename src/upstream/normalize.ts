/**
 * Scalar and enum normalisation of upstream values. Every function accepts anything (the API is
 * loosely typed and undocumented in places) and never throws: a value it cannot read becomes null,
 * an enum value it does not know becomes UNKNOWN.
 */
import type {
  CaseStatus,
  Channel,
  DepartmentStatus,
  MessageType,
  ParticipantType,
  SenderType,
  UserStatus,
} from '../domain/enums.js';
import type { UpstreamDialect } from '../domain/context.js';

/** Ids arrive as integers or as strings of digits; GraphQL ids are strings. */
export function toId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  return null;
}

export function toStr(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function toInt(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

const TRUE_WORDS = new Set(['yes', 'true', '1', 'y']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'n']);

/** `"yes"`/`"no"` (any case), real booleans, 1/0. */
export function toBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * ISO-8601 UTC. Zone-less `YYYY-MM-DD HH:MM:SS` (contact filter list, timeline) is read as UTC,
 * as the fact sheet recommends; numbers are epoch seconds or milliseconds.
 */
export function toIsoDate(value: unknown): string | null {
  let date: Date | null = null;
  if (typeof value === 'string') {
    // Most upstream dates already have the exact output form; they need no round trip through Date.
    if (CANONICAL.test(value)) return Number.isNaN(Date.parse(value)) ? null : value;
    const text = value.trim();
    if (ZONELESS.test(text)) date = new Date(`${text.replace(' ', 'T')}Z`);
    else if (DATE_ONLY.test(text)) date = new Date(`${text}T00:00:00Z`);
    else if (HAS_ZONE.test(text)) date = new Date(text);
  } else if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    date = new Date(value < 1e11 ? value * 1000 : value);
  }
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

function lower(value: unknown): string | null {
  return typeof value === 'string' ? value.trim().toLowerCase() : null;
}

const CASE_STATUSES: Record<string, CaseStatus> = {
  queue: 'QUEUE',
  pending: 'PENDING',
  active: 'ACTIVE',
  closed: 'CLOSED',
  // The docs' README spells it "close".
  close: 'CLOSED',
};

export function toCaseStatus(value: unknown): CaseStatus | null {
  const key = lower(value);
  return key === null || key === '' ? null : (CASE_STATUSES[key] ?? 'UNKNOWN');
}

const CHANNELS: Record<string, Channel> = {
  chat: 'CHAT',
  mail: 'EMAIL',
  email: 'EMAIL',
  sms: 'SMS',
  voip: 'VOIP',
  'audio-call': 'AUDIO_CALL',
  'video-call': 'VIDEO_CALL',
  'private-form': 'PRIVATE_FORM',
  view: 'VIEW',
};

export function toChannel(value: unknown): Channel | null {
  const key = lower(value)?.replace(/_/g, '-');
  return key === undefined || key === '' ? null : (CHANNELS[key] ?? 'UNKNOWN');
}

const UPSTREAM_CHANNELS: Record<Exclude<Channel, 'UNKNOWN' | 'EMAIL'>, string> = {
  CHAT: 'chat',
  SMS: 'sms',
  VOIP: 'voip',
  AUDIO_CALL: 'audio-call',
  VIDEO_CALL: 'video-call',
  PRIVATE_FORM: 'private-form',
  VIEW: 'view',
};

/**
 * The upstream's name for a channel. EMAIL is `mail` in the drafts' channel list and `email` on
 * the page that sends mail ("must have its channel set to email",
 * rest-apis/conversation/conversation-or-cases/messages-1/add.md:220): the account's dialect says
 * which (ACQUIRE_EMAIL_CHANNEL); both are read.
 */
export function upstreamChannel(channel: Exclude<Channel, 'UNKNOWN'>, dialect: Pick<UpstreamDialect, 'emailChannel'>): string {
  return channel === 'EMAIL' ? dialect.emailChannel : UPSTREAM_CHANNELS[channel];
}

/** The status a `where` sends for a case status: a queued case is `pending` upstream when the dialect says so. */
export function upstreamCaseStatus(status: Exclude<CaseStatus, 'UNKNOWN'>, dialect: Pick<UpstreamDialect, 'queueStatus'>): string {
  return status === 'QUEUE' ? dialect.queueStatus : status.toLowerCase();
}

const MESSAGE_TYPES: Record<string, MessageType> = {
  message: 'MESSAGE',
  note: 'NOTE',
  event: 'EVENT',
  sms: 'SMS',
};

export function toMessageType(value: unknown): MessageType | null {
  const key = lower(value);
  return key === null || key === '' ? null : (MESSAGE_TYPES[key] ?? 'UNKNOWN');
}

const SENDER_TYPES: Record<string, SenderType> = {
  user: 'USER',
  contact: 'CONTACT',
  // The legacy 1.0 API's words.
  agent: 'USER',
  visitor: 'CONTACT',
};

export function toSenderType(value: unknown): SenderType | null {
  const key = lower(value);
  return key === null || key === '' ? null : (SENDER_TYPES[key] ?? 'UNKNOWN');
}

export function toParticipantType(value: unknown): ParticipantType | null {
  return toSenderType(value);
}

export function toUserStatus(value: unknown): UserStatus | null {
  const key = lower(value);
  if (key === null || key === '') return null;
  return key === 'active' ? 'ACTIVE' : key === 'inactive' ? 'INACTIVE' : 'UNKNOWN';
}

/** The department page documents "active" | "disabled" (account-department/add-1.md:29). */
export function toDepartmentStatus(value: unknown): DepartmentStatus | null {
  const key = lower(value);
  if (key === null || key === '') return null;
  return key === 'active' ? 'ACTIVE' : key === 'disabled' ? 'DISABLED' : 'UNKNOWN';
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Argument checks that run before any upstream call; each failure names its argument. */
import type { CaseStatus, Channel, SenderType } from '../__generated__/resolvers-types.js';
import { EmailAddressResolver } from 'graphql-scalars';
import { badUserInput } from '../domain/errors.js';
import { EVENT_ID } from '../domain/events.js';
import { isUpstreamId } from '../upstream/ids.js';

/** Upstream ids are positive integers; anything else cannot exist, so it never reaches the upstream. */
export function parseId(value: string, argumentName: string): string {
  const id = value.trim();
  if (!isUpstreamId(id)) {
    throw badUserInput(`${argumentName} must be a positive integer id, got "${clip(value)}"`, argumentName);
  }
  return id;
}

export function parseIds(values: readonly string[], argumentName: string): string[] {
  return [...new Set(values.map((value, index) => parseId(value, `${argumentName}[${index}]`)))];
}

export function parseOptionalId(value: string | null | undefined, argumentName: string): string | undefined {
  return value === null || value === undefined ? undefined : parseId(value, argumentName);
}

/** A subscription's `after`: an event id as the gateway gives them; whether the log still has it is the live layer's to say. */
export function parseEventCursor(value: string | null | undefined, argumentName: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!EVENT_ID.test(value)) throw badUserInput(`${argumentName} must be the id of an event, like "1765101234567-0", got "${clip(value)}"`, argumentName);
  return value;
}

export function requireText(value: string, argumentName: string, maxLength: number): string {
  if (value.trim() === '') throw badUserInput(`${argumentName} must not be empty`, argumentName);
  return boundedText(value, argumentName, maxLength);
}

export function boundedText(value: string, argumentName: string, maxLength: number): string {
  if (value.length > maxLength) {
    throw badUserInput(`${argumentName} is longer than ${maxLength} characters`, argumentName);
  }
  return value;
}

export function knownChannel(value: Channel, argumentName: string): Exclude<Channel, 'UNKNOWN'> {
  if (value === 'UNKNOWN') throw badUserInput(`${argumentName} cannot be UNKNOWN`, argumentName);
  return value;
}

export function knownSenderType(value: SenderType, argumentName: string): Exclude<SenderType, 'UNKNOWN'> {
  if (value === 'UNKNOWN') throw badUserInput(`${argumentName} cannot be UNKNOWN`, argumentName);
  return value;
}

export function knownStatus(value: CaseStatus, argumentName: string): Exclude<CaseStatus, 'UNKNOWN'> {
  if (value === 'UNKNOWN') throw badUserInput(`${argumentName} cannot be UNKNOWN`, argumentName);
  return value;
}

/** A DateTime argument (an ISO string by then) that must lie ahead. */
export function futureDate(value: string, argumentName: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) throw badUserInput(`${argumentName} must be in the future`, argumentName);
  return date;
}

function isEmail(email: string): boolean {
  try {
    EmailAddressResolver.parseValue(email);
    return email.length <= 254;
  } catch {
    return false;
  }
}

export function parseEmail(value: string, argumentName: string): string {
  const email = value.trim();
  if (!isEmail(email)) throw badUserInput(`${argumentName} is not an email address: "${clip(value)}"`, argumentName);
  return email;
}

// graphql-scalars' PhoneNumber also takes numbers without a country code, which SMS cannot use.
const E164 = /^\+[1-9]\d{6,14}$/;

/** The SMS endpoint wants numbers with their country code. */
export function parsePhone(value: string, argumentName: string): string {
  const phone = value.replace(/[\s().-]/g, '');
  if (!E164.test(phone)) {
    throw badUserInput(`${argumentName} must be a phone number in E.164 form, like +12513188609`, argumentName);
  }
  return phone;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** A contact's details from a create or update input, checked before any call, as the upstream's `fields`. */
import type { CreateContactInput, UpdateContactInput } from '../__generated__/resolvers-types.js';
import { badUserInput } from '../domain/errors.js';
import { boundedText, parseEmail, parseId } from './inputs.js';
import { MAX_TITLE_LENGTH } from './textLimits.js';

const TEXT_FIELDS = ['name', 'city', 'state'] as const;
const STANDARD_KEYS: ReadonlySet<string> = new Set(['name', 'email', 'phone', 'city', 'state', 'countryId', 'country', 'ip']);
const PHONE = /^\+?[0-9][0-9 ().-]{2,31}$/;
const ATTRIBUTE_KEY = /^[A-Za-z0-9_.-]{1,100}$/;
const MAX_ATTRIBUTES = 50;
const MAX_ATTRIBUTE_LENGTH = 2_000;

type Input = CreateContactInput | UpdateContactInput;

function customAttributes(value: unknown, into: Record<string, unknown>): void {
  const name = 'input.customAttributes';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badUserInput(`${name} must be an object of attribute keys and values`, name);
  const entries = Object.entries(value);
  if (entries.length > MAX_ATTRIBUTES) throw badUserInput(`${name} has more than ${MAX_ATTRIBUTES} attributes`, name);
  for (const [key, item] of entries) {
    if (!ATTRIBUTE_KEY.test(key)) throw badUserInput(`${name} has a key that is not an attribute key: "${key.slice(0, 40)}"`, name);
    if (STANDARD_KEYS.has(key)) throw badUserInput(`${name}.${key} is a standard field: give it as input.${key}`, name);
    const scalar = item === null || typeof item === 'number' || typeof item === 'boolean' || (typeof item === 'string' && item.length <= MAX_ATTRIBUTE_LENGTH);
    if (!scalar) throw badUserInput(`${name}.${key} must be a string of at most ${MAX_ATTRIBUTE_LENGTH} characters, a number, a boolean or null`, name);
    into[key] = item;
  }
}

/**
 * The `fields` body. Only the fields the input gives are sent; on an update a field given as null
 * is sent as null, which clears it, while on a create null means "not given".
 */
export function contactFields(input: Input, { update }: { update: boolean }): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const given = (key: keyof Input): boolean => key in input && (input[key] !== null || update);
  for (const key of TEXT_FIELDS) {
    if (!given(key)) continue;
    const value = input[key];
    fields[key] = value === null || value === undefined ? null : boundedText(value, `input.${key}`, MAX_TITLE_LENGTH);
  }
  if (given('email')) fields.email = input.email === null || input.email === undefined ? null : parseEmail(input.email, 'input.email');
  if (given('phone')) {
    const phone = input.phone?.trim() ?? null;
    if (phone !== null && !PHONE.test(phone)) throw badUserInput('input.phone is not a phone number', 'input.phone');
    fields.phone = phone;
  }
  if (given('countryId')) fields.countryId = input.countryId === null || input.countryId === undefined ? null : Number(parseId(input.countryId, 'input.countryId'));
  if (input.customAttributes !== null && input.customAttributes !== undefined) customAttributes(input.customAttributes, fields);
  return fields;
}

/**
 * The body of add and update contact: `fields` (name, email, phone, city, state, countryId, ip) and
 * the client columns. The docs also list top-level name, email and phone; `fields` wins where both are sent.
 */
import { invalidInput } from './errors.js';
import { isObject, parseId, type JsonBody } from './query.js';
import { CLIENT_TYPES, type ContactFields } from './records.js';
import { COUNTRIES } from './seedText.js';
import type { ClientColumns, ContactInput } from './store.js';

const TOP_LEVEL_FIELDS = ['name', 'email', 'phone'] as const;
const TEXT_COLUMNS = ['clientName', 'clientVersion', 'clientOsName', 'clientOsVersion', 'clientDeviceType', 'clientDeviceVendor', 'clientDeviceModel'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{3,24}$/;

function nullableText(value: unknown, name: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw invalidInput(`${name} must be a string or null`);
  return value;
}

function fieldValue(fields: ContactFields, key: string, value: unknown): void {
  const name = `fields.${key}`;
  switch (key) {
    case 'email': {
      const email = nullableText(value, name);
      if (email !== null && email !== '' && !EMAIL.test(email)) throw invalidInput(`${name} is not an email address`);
      fields.email = email;
      return;
    }
    case 'phone': {
      const phone = nullableText(value, name);
      if (phone !== null && phone !== '' && !PHONE.test(phone)) throw invalidInput(`${name} is not a phone number`);
      fields.phone = phone;
      return;
    }
    case 'countryId': {
      if (value === null) {
        fields.countryId = null;
        fields.country = null;
        return;
      }
      const id = parseId(value);
      // Acquire knows every country; the emulator only the few its seed uses.
      const profile = id === null ? undefined : COUNTRIES.find((country) => country.countryId === String(id));
      if (!profile) throw invalidInput(`${name} is not a known country id`);
      fields.countryId = profile.countryId;
      fields.country = { ...profile.country };
      return;
    }
    case 'name':
    case 'city':
    case 'state':
    case 'ip':
      fields[key] = nullableText(value, name);
      return;
    default:
      // The account defines no custom attributes, and Acquire checks values against their definitions.
      throw invalidInput(`${name} is not a contact field or custom attribute of this account`);
  }
}

export function contactInput(body: JsonBody): ContactInput {
  const fields: ContactFields = {};
  for (const key of TOP_LEVEL_FIELDS) if (body[key] !== undefined) fieldValue(fields, key, body[key]);
  const given = body['fields'];
  if (given !== undefined && given !== null) {
    if (!isObject(given)) throw invalidInput('fields must be an object');
    for (const [key, value] of Object.entries(given)) fieldValue(fields, key, value);
  }
  const columns: Partial<ClientColumns> = {};
  if (body['clientType'] !== undefined) {
    const clientType = body['clientType'];
    if (clientType !== null && !(CLIENT_TYPES as readonly unknown[]).includes(clientType)) {
      throw invalidInput(`clientType must be one of ${CLIENT_TYPES.join(', ')} or null`);
    }
    columns.clientType = clientType as ClientColumns['clientType'];
  }
  for (const column of TEXT_COLUMNS) if (body[column] !== undefined) columns[column] = nullableText(body[column], column);
  if (body['clientDetails'] !== undefined) {
    const details = body['clientDetails'];
    if (details !== null && !isObject(details)) throw invalidInput('clientDetails must be an object or null');
    columns.clientDetails = details;
  }
  // dateCreated and dateUpdated are in the docs' example body as "string" placeholders; Acquire sets them.
  return { fields, columns };
}

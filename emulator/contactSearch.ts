/**
 * The rows of the contact filter list (POST /crm/contact/list). Each row is a contact joined with
 * the field value the search matched (`field_id`, `value`, `key`, `config` as a JSON string...),
 * with zone-less dates, as the docs' example shows.
 */
import { FIELD_DEFINITIONS, fieldConfig, type FieldDefinition } from './contactFieldRecords.js';
import { listedCompanyFields } from './contactList.js';
import { zonelessDate } from './dates.js';
import type { ContactEntry, JsonObject } from './records.js';
import type { AccountStore } from './store.js';

export interface FieldMatch {
  definition: FieldDefinition;
  value: string;
}

/**
 * The first field (in definition order) whose value contains the search, ignoring case. An empty
 * search matches every contact, by its first field with a value (a guess: the docs only show a search).
 */
export function matchField(contact: ContactEntry, search: string): FieldMatch | null {
  const needle = search.trim().toLowerCase();
  for (const definition of FIELD_DEFINITIONS) {
    const value = contact.fields[definition.key];
    if (typeof value !== 'string' || value === '') continue;
    if (needle === '' || value.toLowerCase().includes(needle)) return { definition, value };
  }
  return null;
}

const zoneless = (iso: string | null): string | null => (iso === null ? null : zonelessDate(iso));

export function contactSearchRow(store: AccountStore, contact: ContactEntry, match: FieldMatch | null): JsonObject {
  const { record, fields } = contact;
  const company = record.companyId === null ? undefined : store.companiesById.get(record.companyId);
  return {
    id: record.id,
    meta: {},
    archive: record.archive,
    field_id: match ? match.definition.id : null,
    value: match ? match.value : null,
    owner: 'contact',
    object: 'contact',
    key: match ? match.definition.key : null,
    type: 'text',
    config: match ? JSON.stringify(fieldConfig(match.definition)) : null,
    system: 'yes',
    mainContactId: record.id,
    contactId: record.id,
    clientType: record.clientType,
    clientName: record.clientName,
    clientVersion: record.clientVersion,
    clientOsName: record.clientOsName,
    clientOsVersion: record.clientOsVersion,
    clientDeviceType: record.clientDeviceType,
    clientDeviceVendor: record.clientDeviceVendor,
    clientDeviceModel: record.clientDeviceModel,
    companyId: record.companyId,
    dateCreated: zonelessDate(record.dateCreated),
    dateUpdated: zonelessDate(record.dateUpdated),
    clientDetails: record.clientDetails,
    fields: fields.country ? { ...fields, calling_code: String(fields.country.calling_code1), contact_country_flag: fields.country.cca3 } : fields,
    tags: [],
    company: company
      ? { fields: listedCompanyFields(company), id: company.id, dateCreated: zonelessDate(company.dateCreated), dateUpdated: zoneless(company.dateUpdated) }
      : { fields: {} },
  };
}

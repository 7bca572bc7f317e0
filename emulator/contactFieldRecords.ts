/**
 * The contact field definitions (the docs' example), and the field-value records that create and
 * reopen responses embed as `contact.fields` (an array there, a flat object on the contact endpoints).
 */
import type { ContactEntry, ContactFields } from './records.js';

export interface FieldDefinition {
  id: number;
  key: Exclude<keyof ContactFields, 'country'>;
  label: string;
  validationFormat: string;
}

export const FIELD_DEFINITIONS: readonly FieldDefinition[] = [
  { id: 1, key: 'name', label: 'Name', validationFormat: 'any' },
  { id: 2, key: 'email', label: 'Email', validationFormat: 'email' },
  { id: 3, key: 'phone', label: 'Phone', validationFormat: 'phone' },
  { id: 5, key: 'city', label: 'City', validationFormat: 'any' },
  { id: 6, key: 'state', label: 'State', validationFormat: 'any' },
  { id: 7, key: 'countryId', label: 'Country', validationFormat: 'any' },
  { id: 8, key: 'ip', label: 'IP address', validationFormat: 'any' },
];

export const fieldConfig = (definition: FieldDefinition): Record<string, unknown> => ({
  input: {
    type: 'text',
    label: definition.label,
    required: false,
    placeholder: '',
    validationType: 'format',
    validationFormat: definition.validationFormat,
    requiredErrorMessage: 'Unfortunately this cannot be blank.',
    validationErrorMessage: 'Oops! Seems incorrect format that you entered.',
  },
  label: definition.label,
  backend: { list: false },
  capture: ['api', 'chat-online-pre'],
  online_order: definition.id,
  offline_order: definition.id,
  attributeInputDelay: 0,
});

const FIELDS = FIELD_DEFINITIONS.map((definition) => ({
  key: definition.key,
  field: { id: definition.id, object: 'contact', key: definition.key, type: 'text', config: fieldConfig(definition), system: 'yes' },
}));

export function contactFieldRecords(contact: ContactEntry): Record<string, unknown>[] {
  return FIELDS.map(({ key, field }) => ({
    value: contact.fields[key] ?? null,
    owner: 'contact',
    contactId: contact.record.id,
    field,
  }));
}

/** Where the emulator follows the project's brief rather than a docs example, and why. */
export const CLOSING_STATE_UNTIL_CLOSED =
  'closingState is null until the case is closed (brief); the docs examples show "handled" on active cases too';
export const TIMELINE_CONTACT_ID_AS_STRING = 'timeline contactId is a string (brief); the SMS example shows a number';
export const CASE_FIELDS_EMPTY_ARRAY = 'case fields are [] when empty (brief, create example); the SMS example shows {}';
export const NO_PROTOBUF_USER_META =
  'the SMS example\'s users carry a protobuf-encoded settings `meta`; the emulator sends the conversation user shape without it';
export const NO_VISIT_OFF_WEBSITE = 'SMS and VoIP cases do not start on the website, so their visitId is null';

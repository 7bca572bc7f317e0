import type { UpstreamCall } from '../upstream/client.js';
import { createCaseLoader, type CaseLoader } from './cases.js';
import { createContactLoader, type ContactLoader } from './contacts.js';
import { createMessageLoader, type MessageLoader } from './messages.js';
import { createUserLoader, type UserLoader } from './users.js';

/** The loaders of one GraphQL request; never shared between requests (or callers). */
export interface Loaders {
  cases: CaseLoader;
  contacts: ContactLoader;
  messages: MessageLoader;
  users: UserLoader;
}

export function createLoaders(call: UpstreamCall): Loaders {
  return {
    cases: createCaseLoader(call),
    contacts: createContactLoader(call),
    messages: createMessageLoader(call),
    users: createUserLoader(call),
  };
}

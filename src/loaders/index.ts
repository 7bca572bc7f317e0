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

export interface LoaderOptions {
  /** False turns batching, caching and priming off: every load is its own upstream call. */
  batch: boolean;
  /** Told the size of every batch, for metrics. */
  onBatch?: (loader: string, size: number) => void;
}

export function createLoaders(call: UpstreamCall, options: LoaderOptions = { batch: true }): Loaders {
  return {
    cases: createCaseLoader(call, options),
    contacts: createContactLoader(call, options),
    messages: createMessageLoader(call, options),
    users: createUserLoader(call, options),
  };
}

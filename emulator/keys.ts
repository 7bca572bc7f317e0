/** The API keys the emulator accepts, and what each may do. */
export const DEMO_API_KEY = 'demo-full-access';
export const NO_CASE_ACCESS_API_KEY = 'demo-no-case-access';
export const OTHER_ACCOUNT_API_KEY = 'acme-full-access';

export interface ApiKeyGrant {
  account: string;
  /** Acquire's "case access permission": cases, messages, mail and VoIP routes. */
  caseAccess: boolean;
}

export const API_KEYS: ReadonlyMap<string, ApiKeyGrant> = new Map([
  [DEMO_API_KEY, { account: 'demo', caseAccess: true }],
  [NO_CASE_ACCESS_API_KEY, { account: 'demo', caseAccess: false }],
  [OTHER_ACCOUNT_API_KEY, { account: 'acme', caseAccess: true }],
]);

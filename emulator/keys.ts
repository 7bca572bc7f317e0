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

/**
 * The grant of a key. Besides the three keys above, `<full-access key>-<suffix>` (for example
 * `demo-full-access-7`) is another key of the same account: benchmarks give every connection a
 * key of its own, over the same data.
 */
export function grantOf(key: string): ApiKeyGrant | undefined {
  const exact = API_KEYS.get(key);
  if (exact) return exact;
  const family = /^(.+)-[A-Za-z0-9]{1,32}$/.exec(key)?.[1];
  return family === DEMO_API_KEY || family === OTHER_ACCOUNT_API_KEY ? API_KEYS.get(family) : undefined;
}

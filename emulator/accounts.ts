/** The accounts the emulator serves: each has its own data, seeded from its own number. */
export interface AccountProfile {
  name: string;
  seed: number;
  /** `organization` of GET /account/user/{id}. */
  organization: string;
  emailDomain: string;
}

export const ACCOUNTS: readonly AccountProfile[] = [
  { name: 'demo', seed: 1, organization: 'Demo Support', emailDomain: 'demo-support.example' },
  { name: 'acme', seed: 2, organization: 'Acme Support', emailDomain: 'acme.example' },
];

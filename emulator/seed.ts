/** Builds the initial, deterministic data of one account from its seed number. */
import type { AccountProfile } from './accounts.js';
import { createRandom } from './prng.js';
import type { Agent, CaseEntry, Company, ContactEntry, Department } from './records.js';
import { FIRST_IDS, seedCases } from './seedCases.js';
import { seedAgents, seedCompanies, seedContacts, seedDepartments } from './seedPeople.js';

export interface IdCounters {
  case: number;
  message: number;
  participant: number;
  timeline: number;
  visit: number;
  feedback: number;
  sms: number;
  mail: number;
}

export interface AccountData {
  profile: AccountProfile;
  agents: Agent[];
  departments: Department[];
  companies: Company[];
  contacts: ContactEntry[];
  /** Id order. */
  cases: CaseEntry[];
  next: IdCounters;
}

export function seedAccount(profile: AccountProfile): AccountData {
  const random = createRandom(profile.seed);
  const agents = seedAgents(random, profile);
  const departments = seedDepartments(random, agents);
  const companies = seedCompanies(random);
  const contacts = seedContacts(random, companies);
  const { cases, next } = seedCases(random, contacts, agents);
  return { profile, agents, departments, companies, contacts, cases, next: { ...next, sms: FIRST_IDS.sms, mail: FIRST_IDS.mail } };
}

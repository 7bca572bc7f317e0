/** Builds the initial, deterministic data of one account from its seed number. */
import type { AccountProfile } from './accounts.js';
import { createRandom } from './prng.js';
import type { Agent, CaseEntry, Company, ContactEntry, Department, NoteEntry, Snooze } from './records.js';
import { FIRST_IDS, seedCases } from './seedCases.js';
import { seedNotes } from './seedNotes.js';
import { rewriteThreads, type DataOptions } from './seedThreads.js';
import { CONTACT_COUNT, FIRST_CONTACT_ID, seedAgents, seedCompanies, seedContacts, seedDepartments } from './seedPeople.js';

/** Notes and other thread lengths draw from streams of their own, so the default seed stays as it was. */
const NOTES_STREAM = 0x6e6f7465;
const THREADS_STREAM = 0x74687264;

export interface IdCounters {
  case: number;
  message: number;
  participant: number;
  timeline: number;
  visit: number;
  feedback: number;
  sms: number;
  mail: number;
  contact: number;
  note: number;
  noteUser: number;
  noteMessage: number;
  snooze: number;
}

export interface AccountData {
  profile: AccountProfile;
  agents: Agent[];
  departments: Department[];
  companies: Company[];
  contacts: ContactEntry[];
  /** Id order. */
  cases: CaseEntry[];
  notes: NoteEntry[];
  snoozes: Snooze[];
  next: IdCounters;
}

export function seedAccount(profile: AccountProfile, options: DataOptions = {}): AccountData {
  const random = createRandom(profile.seed);
  const agents = seedAgents(random, profile);
  const departments = seedDepartments(random, agents);
  const companies = seedCompanies(random);
  const contacts = seedContacts(random, companies);
  const { cases, next } = seedCases(random, contacts, agents);
  next.message = rewriteThreads(createRandom(profile.seed ^ THREADS_STREAM), cases, options, FIRST_IDS.message) ?? next.message;
  const noted = seedNotes(createRandom(profile.seed ^ NOTES_STREAM), contacts, agents, cases);
  return {
    profile,
    agents,
    departments,
    companies,
    contacts,
    cases,
    notes: noted.notes,
    snoozes: noted.snoozes,
    next: { ...next, ...noted.next, sms: FIRST_IDS.sms, mail: FIRST_IDS.mail, contact: FIRST_CONTACT_ID + CONTACT_COUNT },
  };
}

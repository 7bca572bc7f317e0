/** Seeds the people of an account: agents, departments, companies and contacts. */
import type { AccountProfile } from './accounts.js';
import { DAY, isoDate } from './dates.js';
import type { Random } from './prng.js';
import type { Agent, Company, ContactEntry, Department } from './records.js';
import { CLIENTS, COMPANIES, COUNTRIES, DEPARTMENT_NAMES, FIRST_NAMES, LAST_NAMES, NETWORK_TYPES } from './seedText.js';

const AGENT_IDS = [1, 12, 19, 20, 25, 28, 31, 34] as const;
const DEPARTMENT_IDS = [2, 3, 4] as const;
export const FIRST_CONTACT_ID = 750901;
export const CONTACT_COUNT = 50;

const asciiWord = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export function seedAgents(random: Random, account: AccountProfile): Agent[] {
  const firstNames = random.shuffle([...FIRST_NAMES]);
  const lastNames = random.shuffle([...LAST_NAMES]);
  const agents = AGENT_IDS.map((id, index): Agent => {
    const firstName = firstNames[index] ?? 'Alex';
    const lastName = lastNames[index] ?? 'Smith';
    return {
      id,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      email: `${asciiWord(firstName)}.${asciiWord(lastName)}@${account.emailDomain}`,
      // The account owner (the first agent) has a phone, as in the docs' user list.
      phone: index === 0 || random.chance(0.5) ? `+1-555-01${String(random.int(10, 99))}` : null,
      photo: random.chance(0.6) ? `https://cdn.acquire.example/avatars/${account.name}/${id}.png` : '',
      language: random.chance(0.7) ? 'en' : null,
      dateCreated: isoDate(Date.UTC(2024, 0, 8) + random.int(0, 500) * DAY + random.int(0, 86_399) * 1000),
      online: random.chance(0.5),
      // Not drawn from the seed's stream, so the rest of the data stays as it was.
      channels: { chat: true, email: index % 2 === 0, voip: index % 3 === 0 },
      status: 'active',
    };
  });
  // Invitations must show both outcomes, whatever the seed.
  const [first] = agents;
  const last = agents[agents.length - 1];
  if (first) first.online = true;
  if (last) last.online = false;
  return agents;
}

export function seedDepartments(random: Random, agents: readonly Agent[]): Department[] {
  const departments = DEPARTMENT_IDS.map((id, index) => ({ id, name: DEPARTMENT_NAMES[index] ?? `Team ${id}`, agentIds: [] as number[] }));
  random.shuffle([...agents]).forEach((agent, index) => {
    const home = departments[index % departments.length];
    home?.agentIds.push(agent.id);
    const extra = random.pick(departments);
    if (extra !== home && random.chance(0.3)) extra.agentIds.push(agent.id);
  });
  for (const department of departments) department.agentIds.sort((a, b) => a - b);
  return departments;
}

export function seedCompanies(random: Random): Company[] {
  return COMPANIES.map(({ name, website }, index) => {
    const created = Date.UTC(2023, 2, 1) + random.int(0, 700) * DAY + random.int(0, 86_399) * 1000;
    return {
      dateCreated: isoDate(created),
      dateUpdated: random.chance(0.5) ? isoDate(created + random.int(1, 60) * DAY) : null,
      id: index + 1,
      fields: { name, website, logo: `https://organization.acquire.io/logo/${website}.png` },
    };
  });
}

/** Contacts get their dates once their cases exist; until then they carry a placeholder. */
export function seedContacts(random: Random, companies: readonly Company[]): ContactEntry[] {
  const anonymous = new Set<number>();
  while (anonymous.size < 2) anonymous.add(random.int(0, CONTACT_COUNT - 1));
  return Array.from({ length: CONTACT_COUNT }, (_, index): ContactEntry => {
    const id = FIRST_CONTACT_ID + index;
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const company = random.chance(0.4) ? random.pick(companies) : null;
    const profile = random.pick(COUNTRIES);
    const [city, state] = random.pick(profile.places);
    const client = random.pick(CLIENTS);
    const mailDomain = company ? company.fields.website : random.pick(['mail.example', 'inbox.example', 'post.example']);
    const subscriber = String(random.int(100_000_000, 999_999_999)) + String(random.int(0, 9));
    const ip = random.chance(0.15)
      ? `2402:8100:${random.int(0x1000, 0xffff).toString(16)}:${random.int(0x1000, 0xffff).toString(16)}::${random.int(1, 0xffff).toString(16)}`
      : `${random.int(11, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
    return {
      record: {
        dateCreated: '',
        dateUpdated: '',
        id,
        clientType: client.clientType,
        clientName: client.clientName,
        clientVersion: client.clientVersion,
        clientOsName: client.clientOsName,
        clientOsVersion: client.clientOsVersion,
        clientDeviceType: client.clientDeviceType,
        clientDeviceVendor: client.clientDeviceVendor,
        clientDeviceModel: client.clientDeviceModel,
        clientDetails: {
          ua: client.ua,
          engine: { ...client.engine },
          network: { type: random.pick(NETWORK_TYPES), speed: String(random.int(40, 2500) / 100) },
        },
        archive: random.chance(0.08) ? 'yes' : 'no',
        companyId: company ? company.id : null,
      },
      fields: {
        name: anonymous.has(index) ? null : `${firstName} ${lastName}`,
        email: anonymous.has(index) ? null : `${asciiWord(firstName)}.${asciiWord(lastName)}${random.int(1, 99)}@${mailDomain}`,
        phone: `${profile.country.calling_code1}${subscriber}`,
        city,
        state,
        country: { ...profile.country },
        countryId: profile.countryId,
        ip,
      },
      block: null,
    };
  });
}

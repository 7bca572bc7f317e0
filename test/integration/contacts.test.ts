/**
 * Contacts for an inbox: list, search, create (to start a conversation with a new customer),
 * update, block and merge, with the upstream calls pinned.
 */
import { callLines, useStack } from '../helpers/emulatorSetup.js';
import { codes, graphql } from '../helpers/graphql.js';
import { underDialect } from '../helpers/dialect.js';

const stack = useStack('reset');

interface ContactNode {
  id: string;
  name: string | null;
  email: string | null;
  company: { id: string; name: string | null } | null;
  tags: Array<{ id: string }>;
}

const NODE = 'id name email company { id name } tags { id }';

describe('contacts', () => {
  it('lists a page of contacts with their fields, company and tags in one call, and pages on with the cursor', async () => {
    const first = await graphql(stack.url, `{ contacts(first: 3) { totalCount nodes { ${NODE} } pageInfo { hasNextPage endCursor } } }`);
    expect(first.errors).toBeUndefined();
    const page = first.data.contacts;
    expect(page.totalCount).toBe(50);
    expect(page.nodes).toHaveLength(3);
    for (const node of page.nodes as ContactNode[]) {
      expect(node.id).toMatch(/^\d+$/);
      expect(node.tags).toEqual([]);
    }
    expect(page.nodes.some((node: ContactNode) => node.name !== null && node.email !== null)).toBe(true);
    expect(callLines(stack.emulator.calls)).toEqual([underDialect({ default: 'GET /crm/objects/contact?limit=3&page=0&relations=company&relations=fields&relations=tags', docs: 'POST /crm/contact/list' })]);

    stack.emulator.resetCalls();
    const next = await graphql(stack.url, 'query ($after: String) { contacts(first: 3, after: $after) { nodes { id } pageInfo { hasPreviousPage } } }', { after: page.pageInfo.endCursor });
    expect(next.data.contacts.pageInfo.hasPreviousPage).toBe(true);
    const ids = [...page.nodes, ...next.data.contacts.nodes].map((node: { id: string }) => node.id);
    expect(new Set(ids).size).toBe(6);
    expect(callLines(stack.emulator.calls)).toEqual([underDialect({ default: 'GET /crm/objects/contact?limit=3&page=1', docs: 'POST /crm/contact/list' })]);
  });

  it('searches with the filter list: one POST that is a read, shared by identical searches of the request', async () => {
    const listed = await graphql(stack.url, '{ contacts(first: 10) { nodes { id name email } } }');
    const target = (listed.data.contacts.nodes as ContactNode[]).find((node) => node.email !== null)!;
    stack.emulator.resetCalls();
    const found = await graphql(stack.url, `query ($q: String) { a: contacts(search: $q) { totalCount nodes { ${NODE} } } b: contacts(search: $q) { totalCount } }`, { q: target.email });
    expect(found.errors).toBeUndefined();
    expect(found.data.a.totalCount).toBeGreaterThanOrEqual(1);
    expect(found.data.a.nodes[0]).toMatchObject({ id: target.id, name: target.name, email: target.email });
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/contact/list']);
  });

  it('reads what a search row lacks (the contact\'s cases) by id, one read per contact', async () => {
    const listed = await graphql(stack.url, '{ contacts(first: 1) { nodes { id email } } }');
    const target = listed.data.contacts.nodes[0];
    stack.emulator.resetCalls();
    const found = await graphql(stack.url, 'query ($q: String) { contacts(search: $q, first: 1) { nodes { id cases { id } } } }', { q: target.email });
    expect(found.data.contacts.nodes[0].cases.length).toBeGreaterThan(0);
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/contact/list', `GET /crm/objects/contact/${target.id}?relations=cases`]);
  });

  it('treats an empty search as none, and refuses a search longer than 200 characters before any call', async () => {
    await graphql(stack.url, '{ contacts(search: "  ", first: 1) { totalCount } }');
    expect(callLines(stack.emulator.calls)).toEqual([underDialect({ default: 'GET /crm/objects/contact?limit=1&page=0', docs: 'POST /crm/contact/list' })]);
    stack.emulator.resetCalls();
    const long = await graphql(stack.url, 'query ($q: String) { contacts(search: $q) { totalCount } }', { q: 'x'.repeat(201) });
    expect(codes(long)).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls).toHaveLength(0);
  });

  it('gives a contact its company and tags through the contact read, in one call', async () => {
    const listed = await graphql(stack.url, '{ contacts(first: 20) { nodes { id company { id name website } } } }');
    const withCompany = (listed.data.contacts.nodes as ContactNode[]).find((node) => node.company !== null)!;
    stack.emulator.resetCalls();
    const read = await graphql(stack.url, 'query ($id: ID!) { contact(id: $id) { company { id name website } tags { id } } }', { id: withCompany.id });
    expect(read.data.contact.company).toEqual(listed.data.contacts.nodes.find((node: ContactNode) => node.id === withCompany.id).company);
    expect(callLines(stack.emulator.calls)).toEqual([`GET /crm/objects/contact/${withCompany.id}?relations=company&relations=tags`]);
  });
});

describe('starting a conversation with a new customer', () => {
  it('creates the contact with one call, then a case with it', async () => {
    const created = await graphql(
      stack.url,
      'mutation ($input: CreateContactInput!) { createContact(input: $input) { contact { id name email phone fields } } }',
      { input: { name: 'Ada Lovelace', email: 'ada@example.org', phone: '+44 20 7946 0000', city: 'London' } },
    );
    expect(created.errors).toBeUndefined();
    const contact = created.data.createContact.contact;
    expect(contact).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org', phone: '+44 20 7946 0000' });
    expect(contact.fields.city).toBe('London');
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/objects/contact']);

    const started = await graphql(stack.url, 'mutation ($id: ID!) { createCase(input: {contactId: $id, title: "Welcome", message: "Hello Ada!"}) { case { id status contact { id name } } } }', {
      id: contact.id,
    });
    expect(started.errors).toBeUndefined();
    expect(started.data.createCase.case.contact).toEqual({ id: contact.id, name: 'Ada Lovelace' });
    const found = await graphql(stack.url, '{ contacts(search: "ada@example.org") { nodes { id } } }');
    expect(found.data.contacts.nodes).toEqual([{ id: contact.id }]);
  });

  it('refuses malformed details before any call', async () => {
    for (const [input, argumentName] of [
      [{ email: 'not an address' }, 'input.email'],
      [{ phone: 'call me' }, 'input.phone'],
      [{ countryId: '-3' }, 'input.countryId'],
      [{ customAttributes: { email: 'x@example.org' } }, 'input.customAttributes'],
      [{ customAttributes: { plan: { nested: true } } }, 'input.customAttributes'],
      [{ customAttributes: ['gold'] }, 'input.customAttributes'],
    ] as const) {
      const result = await graphql(stack.url, 'mutation ($input: CreateContactInput!) { createContact(input: $input) { contact { id } } }', { input });
      expect({ input, codes: codes(result), argumentName: result.errors?.[0]?.extensions?.argumentName }).toEqual({ input, codes: ['BAD_USER_INPUT'], argumentName });
    }
    expect(stack.emulator.calls).toHaveLength(0);
  });
});

describe('updateContact', () => {
  const UPDATE = 'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { contact { id name email city: fields } } }';

  it('changes only the fields given with one PUT, clears a field given as null, and later reads see it', async () => {
    const target = (await graphql(stack.url, '{ contacts(first: 1) { nodes { id email } } }')).data.contacts.nodes[0];
    stack.emulator.resetCalls();
    const updated = await graphql(stack.url, UPDATE, { input: { id: target.id, name: 'Renamed Customer', city: null } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateContact.contact).toMatchObject({ id: target.id, name: 'Renamed Customer', email: target.email });
    expect(updated.data.updateContact.contact.city.city).toBeNull();
    expect(callLines(stack.emulator.calls)).toEqual([`PUT /crm/objects/contact/${target.id}`]);
    const read = await graphql(stack.url, 'query ($id: ID!) { contact(id: $id) { name } }', { id: target.id });
    expect(read.data.contact.name).toBe('Renamed Customer');
  });

  it('refuses an update with nothing to change, or a bad id, before any call', async () => {
    expect(codes(await graphql(stack.url, UPDATE, { input: { id: '750901' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await graphql(stack.url, UPDATE, { input: { id: 'abc', name: 'x' } }))).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls).toHaveLength(0);
  });

  it('is NOT_FOUND for a contact that does not exist', async () => {
    expect(codes(await graphql(stack.url, UPDATE, { input: { id: '999999', name: 'Nobody' } }))).toEqual(['NOT_FOUND']);
  });
});

describe('blockContacts and mergeContacts', () => {
  it('blocks contacts until a date with one call', async () => {
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const result = await graphql(stack.url, 'mutation ($until: DateTime) { blockContacts(input: {contactIds: ["750901", "750902"], until: $until}) { blockedContactIds until } }', { until });
    expect(result.errors).toBeUndefined();
    expect(result.data.blockContacts).toEqual({ blockedContactIds: ['750901', '750902'], until });
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/block-visitor']);
  });

  it('refuses a block that ends in the past, or no contacts, before any call', async () => {
    expect(codes(await graphql(stack.url, 'mutation { blockContacts(input: {contactIds: ["750901"], until: "2001-01-01T00:00:00.000Z"}) { until } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await graphql(stack.url, 'mutation { blockContacts(input: {contactIds: []}) { until } }'))).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls).toHaveLength(0);
  });

  it("merges contacts: one call, then the primary's read shows the others' cases, and the others are gone", async () => {
    const before = await graphql(stack.url, '{ a: contact(id: "750901") { cases { id } } b: contact(id: "750902") { cases { id } } }');
    const expected = [...before.data.a.cases, ...before.data.b.cases].map((item: { id: string }) => item.id).sort();
    stack.emulator.resetCalls();
    const merged = await graphql(stack.url, 'mutation { mergeContacts(input: {primaryContactId: "750901", contactIds: ["750902"]}) { mergedContactIds contact { id cases { id } } } }');
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeContacts.mergedContactIds).toEqual(['750902']);
    expect(merged.data.mergeContacts.contact.cases.map((item: { id: string }) => item.id).sort()).toEqual(expected);
    expect(callLines(stack.emulator.calls)).toEqual(['POST /crm/contact/merge/750901', 'GET /crm/objects/contact/750901?relations=cases']);
    expect(codes(await graphql(stack.url, '{ contact(id: "750902") { id } }'))).toEqual(['NOT_FOUND']);
  });

  it('refuses merging a contact into itself before any call', async () => {
    const result = await graphql(stack.url, 'mutation { mergeContacts(input: {primaryContactId: "750901", contactIds: ["750901"]}) { mergedContactIds } }');
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls).toHaveLength(0);
  });
});

import { NO_CASE_ACCESS_API_KEY, OTHER_ACCOUNT_API_KEY } from '../../emulator/keys.js';
import { callLines, countCalls, useStack } from '../helpers/emulatorSetup.js';
import { underDialect } from '../helpers/dialect.js';
import { codes, graphql, type GraphQLResult } from '../helpers/graphql.js';

const stack = useStack('calls');

interface CaseNode {
  id: string;
  status: string;
  channel: string;
  contactId: string;
  threadId: string;
}

interface CasePage {
  cases: { nodes: CaseNode[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

async function allCases(): Promise<CaseNode[]> {
  const cases: CaseNode[] = [];
  let after: string | null = null;
  for (;;) {
    const result: GraphQLResult<CasePage> = await graphql<CasePage>(
      stack.url,
      'query ($after: String) { cases(first: 100, after: $after) { nodes { id status channel contactId threadId } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    const page: CasePage['cases'] = result.data!.cases;
    cases.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return cases;
    after = page.pageInfo.endCursor;
  }
}

describe('Query.cases', () => {
  it('answers the README query, with no call per row', async () => {
    const result = await graphql(stack.url, '{ cases(first: 3) { totalCount nodes { id title contact { id name } messages { text } } } }');
    expect(result.errors).toBeUndefined();
    const { totalCount, nodes } = result.data.cases;
    expect(totalCount).toBeGreaterThanOrEqual(200);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.id).toMatch(/^\d+$/);
      expect(node.contact.id).toMatch(/^\d+$/);
      expect(node.messages.length).toBeGreaterThanOrEqual(3);
      expect(typeof node.messages[0].text).toBe('string');
    }
    const calls = stack.emulator.calls;
    const distinctContacts = new Set(nodes.map((node: { contact: { id: string } }) => node.contact.id)).size;
    expect(countCalls(calls, 'GET', /^\/crm\/objects\/case$/)).toBe(1);
    expect(countCalls(calls, 'GET', /^\/crm\/objects\/contact\/\d+$/)).toBe(distinctContacts);
    expect(calls).toHaveLength(1 + distinctContacts);
    expect(callLines(calls)[0]).toBe('GET /crm/objects/case?limit=3&page=0&relations=messages&select=contactId&select=id&select=title');
  });

  it('pages with opaque cursors that continue where the last page ended', async () => {
    const whole = await graphql(stack.url, '{ cases(first: 10) { nodes { id } } }');
    const first = await graphql(stack.url, '{ cases(first: 4) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }');
    const { pageInfo, edges } = first.data.cases;
    expect(pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(pageInfo.startCursor).toBe(edges[0].cursor);
    expect(pageInfo.endCursor).toBe(edges[3].cursor);
    const second = await graphql(stack.url, 'query ($after: String) { cases(first: 6, after: $after) { nodes { id } pageInfo { hasPreviousPage } } }', {
      after: pageInfo.endCursor,
    });
    expect(second.data.cases.pageInfo.hasPreviousPage).toBe(true);
    expect([...edges.map((edge: { node: { id: string } }) => edge.node.id), ...second.data.cases.nodes.map((node: { id: string }) => node.id)]).toEqual(
      whole.data.cases.nodes.map((node: { id: string }) => node.id),
    );
    // Rows 4..9 do not start on a multiple of 6: one wider upstream page serves them.
    expect(countCalls(stack.emulator.calls, 'GET', /^\/crm\/objects\/case$/)).toBe(3);
  });

  it('ends with hasNextPage false and an empty page past the end', async () => {
    const all = await allCases();
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((node) => node.id)).size).toBe(all.length);
    const last = await graphql(stack.url, '{ cases(first: 0) { totalCount edges { cursor } pageInfo { startCursor endCursor hasNextPage } } }');
    expect(last.data.cases).toEqual({ totalCount: all.length, edges: [], pageInfo: { startCursor: null, endCursor: null, hasNextPage: true } });
  });

  it('filters on status, channel and contact, sending where= conditions', async () => {
    const closed = await graphql(stack.url, '{ cases(first: 50, filter: {status: CLOSED}) { totalCount nodes { status } } }');
    expect(closed.data.cases.nodes.length).toBeGreaterThan(0);
    expect(closed.data.cases.nodes.every((node: { status: string }) => node.status === 'CLOSED')).toBe(true);
    const email = await graphql(stack.url, '{ cases(first: 50, filter: {channel: EMAIL}) { totalCount nodes { channel contactId } } }');
    expect(email.data.cases.nodes.length).toBeGreaterThan(0);
    expect(email.data.cases.nodes.every((node: { channel: string }) => node.channel === 'EMAIL')).toBe(true);
    expect(callLines(stack.emulator.calls)).toEqual(
      underDialect({
        default: [
          'GET /crm/objects/case?limit=50&page=0&where=status|eq|closed&select=id&select=status',
          'GET /crm/objects/case?limit=50&page=0&where=channel|eq|mail&select=channel&select=contactId&select=id',
        ],
        // A status there needs the queue columns to tell QUEUE from PENDING; e-mail is `email`.
        docs: [
          'GET /crm/objects/case?limit=50&page=0&where=status|eq|closed&select=id&select=status&select=queueId&select=dateActive',
          'GET /crm/objects/case?limit=50&page=0&where=channel|eq|email&select=channel&select=contactId&select=id',
        ],
      }),
    );
    const contactId = email.data.cases.nodes[0].contactId;
    const mine = await graphql(stack.url, 'query ($c: ID!) { cases(first: 100, filter: {contactId: $c, channel: EMAIL}) { totalCount nodes { contactId channel } } }', {
      c: contactId,
    });
    expect(mine.data.cases.totalCount).toBe(mine.data.cases.nodes.length);
    expect(mine.data.cases.nodes.every((node: { contactId: string; channel: string }) => node.contactId === contactId && node.channel === 'EMAIL')).toBe(true);
  });

  it('reads every status and channel of the seed as a known value', async () => {
    const all = await allCases();
    const statuses = new Set(all.map((node) => node.status));
    expect(statuses).toEqual(new Set(['QUEUE', 'PENDING', 'ACTIVE', 'CLOSED']));
    const channels = new Set(all.map((node) => node.channel));
    expect(channels).toEqual(new Set(['CHAT', 'EMAIL', 'SMS', 'VOIP', 'AUDIO_CALL', 'VIDEO_CALL', 'PRIVATE_FORM', 'VIEW']));
  });

  it('costs one list call plus one read per distinct contact for twenty cases with everything', async () => {
    const result = await graphql(
      stack.url,
      `{ cases(first: 20) { nodes {
          id lastMessage { id text dateCreated }
          contact { id name email clientName }
          users { type status user { id name } contact { id } }
          messages { id text seen dateCreated }
          timeline { id objectType dateUpdated }
          feedbacks
      } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data.cases.nodes;
    expect(nodes).toHaveLength(20);
    const distinctContacts = new Set(nodes.map((node: { contact: { id: string } }) => node.contact.id)).size;
    expect(callLines(stack.emulator.calls)[0]).toBe(
      'GET /crm/objects/case?limit=20&page=0&relations=feedbacks&relations=messages&relations=timeline&relations=users&select=contactId&select=id',
    );
    expect(stack.emulator.calls).toHaveLength(1 + distinctContacts);
    for (const node of nodes) {
      expect(node.lastMessage).toEqual(node.messages.at(-1) && expect.objectContaining({ id: node.messages.at(-1).id }));
      const dates = node.messages.map((message: { dateCreated: string }) => message.dateCreated);
      expect([...dates].sort()).toEqual(dates);
      for (const participant of node.users) {
        if (participant.type === 'USER') expect(participant.user.name).toEqual(expect.any(String));
        else expect(participant.contact.id).toBe(node.contact.id);
      }
      for (const entry of node.timeline) expect(entry.dateUpdated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });
});

describe('Query.case', () => {
  it('reads one case with all its relations in one call, plus the contact read for its name', async () => {
    const list = await graphql(stack.url, '{ cases(first: 100, filter: {status: CLOSED}) { nodes { id } } }');
    const id = list.data.cases.nodes[0].id;
    stack.emulator.resetCalls();
    const result = await graphql(
      stack.url,
      `query ($id: ID!) { case(id: $id) {
        id contactId status dateClosed closingState fields feedbacks
        contact { name email phone archived fields }
        users { role closed dateLastAssigned user { name email } }
        messages { type text senderType }
        timeline { id }
        lastMessage { text }
      } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.case).toMatchObject({ id, status: 'CLOSED', closingState: 'handled' });
    expect(result.data.case.dateClosed).toEqual(expect.any(String));
    expect(typeof result.data.case.contact.archived).toBe('boolean');
    expect(callLines(stack.emulator.calls)).toEqual([
      `GET /crm/objects/case/${id}?relations=feedbacks&relations=fields&relations=messages&relations=timeline&relations=users`,
      `GET /crm/objects/contact/${result.data.case.contactId}?relations=fields`,
    ]);
  });

  it('is null with NOT_FOUND for an id that does not exist', async () => {
    const result = await graphql(stack.url, '{ case(id: "999999") { id } }');
    expect(result.data).toEqual({ case: null });
    expect(codes(result)).toEqual(['NOT_FOUND']);
    expect(result.errors?.[0]?.path).toEqual(['case']);
  });

  it('shares one upstream call between aliases of the same case', async () => {
    const result = await graphql(stack.url, '{ a: case(id: "1001") { id title } b: case(id: "1001") { id status } }');
    expect(result.data.a.id).toBe('1001');
    expect(result.data.b.id).toBe('1001');
    expect(stack.emulator.calls).toHaveLength(1);
  });

  it('shares one list call between aliases of the same page, embedding what each selects', async () => {
    const result = await graphql(
      stack.url,
      `{ a: cases(first: 5) { nodes { id messages { id } } }
         b: cases(first: 5) { totalCount nodes { id timeline { id } } }
         c: cases(first: 6) { nodes { id } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.a.nodes.map((node: { id: string }) => node.id)).toEqual(result.data.b.nodes.map((node: { id: string }) => node.id));
    expect(callLines(stack.emulator.calls)).toEqual([
      'GET /crm/objects/case?limit=5&page=0&relations=messages&relations=timeline&select=id',
      'GET /crm/objects/case?limit=6&page=0&select=id',
    ]);
  });

  it('follows parent links of reopened cases', async () => {
    const all = await graphql(stack.url, '{ cases(first: 100) { nodes { id threadId parent { id threadId } } } }');
    const reopened = all.data.cases.nodes.filter((node: { parent: unknown }) => node.parent !== null);
    expect(reopened.length).toBeGreaterThan(0);
    for (const node of reopened) expect(node.threadId).toBe(node.parent.id);
    expect(countCalls(stack.emulator.calls, 'GET', /^\/crm\/objects\/case\/\d+$/)).toBe(0);
  });
});

describe('Query.thread', () => {
  it('returns the cases of a thread, each with its last message, in one call', async () => {
    const all = await graphql(stack.url, '{ cases(first: 100) { nodes { id contactId threadId parent { id } } } }');
    const reopened = all.data.cases.nodes.find((node: { parent: unknown }) => node.parent !== null);
    stack.emulator.resetCalls();
    const result = await graphql(
      stack.url,
      'query ($c: ID!, $t: ID!) { thread(contactId: $c, threadId: $t) { id threadId contactId lastMessage { id text } users { type user { name } } } }',
      { c: reopened.contactId, t: reopened.threadId },
    );
    expect(result.errors).toBeUndefined();
    const cases = result.data.thread;
    expect(cases.length).toBeGreaterThanOrEqual(2);
    for (const item of cases) {
      expect(item.threadId).toBe(reopened.threadId);
      expect(item.contactId).toBe(reopened.contactId);
      expect(item.lastMessage.text).toEqual(expect.any(String));
    }
    expect(callLines(stack.emulator.calls)).toEqual([
      `GET /crm/messenger/chat/messages?contactId=${reopened.contactId}&threadId=${reopened.threadId}`,
    ]);
  });

  it('is an empty list for a thread that does not exist', async () => {
    const result = await graphql(stack.url, '{ thread(contactId: "750901", threadId: "999999") { id } }');
    expect(result.data).toEqual({ thread: [] });
  });
});

describe('Query.message, contact, user, users', () => {
  it('reads a message with its case and sender', async () => {
    const page = await graphql(stack.url, '{ cases(first: 5, filter: {status: ACTIVE, channel: CHAT}) { nodes { id messages { id senderType } } } }');
    const message = page.data.cases.nodes[0].messages.find((item: { senderType: string }) => item.senderType === 'CONTACT');
    const result = await graphql(
      stack.url,
      'query ($id: ID!) { message(id: $id) { id caseId text seen senderType sender { __typename ... on Contact { id name } ... on User { id name } } case { id status } } }',
      { id: message.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.message).toMatchObject({ id: message.id, caseId: page.data.cases.nodes[0].id, senderType: 'CONTACT' });
    expect(result.data.message.sender.__typename).toBe('Contact');
    expect(typeof result.data.message.seen).toBe('boolean');
    expect(result.data.message.case.id).toBe(result.data.message.caseId);
  });

  it('resolves the agent senders of a case\'s messages (which embed none) from the directory, and the API pseudo-agent it lacks to null', async () => {
    const result = await graphql(stack.url, '{ cases(first: 60) { nodes { messages { senderType senderId sender { __typename ... on User { id name } } } } } }');
    const fromUsers = result.data.cases.nodes.flatMap((node: { messages: Array<{ senderType: string }> }) =>
      node.messages.filter((message) => message.senderType === 'USER'),
    );
    const pseudo = fromUsers.filter((message: { senderId: string }) => message.senderId === '99');
    const agents = fromUsers.filter((message: { senderId: string }) => message.senderId !== '99');
    expect(agents.length).toBeGreaterThan(0);
    for (const message of agents) expect(message.sender).toEqual({ __typename: 'User', id: message.senderId, name: expect.any(String) });
    for (const message of pseudo) expect(message.sender).toBeNull();
    expect(result.errors).toBeUndefined();
    // Every agent read is served by one read of the agent list.
    expect(countCalls(stack.emulator.calls, 'GET', /^\/account\/user/)).toBe(1);
  });

  it('reads a contact with its fields and cases in one call', async () => {
    const result = await graphql(stack.url, '{ contact(id: "750901") { id name email phone fields clientType archived cases { id contactId } } }');
    expect(result.errors).toBeUndefined();
    const contact = result.data.contact;
    expect(contact.name).toBe(contact.fields.name);
    expect(contact.cases.length).toBeGreaterThan(1);
    for (const item of contact.cases) expect(item.contactId).toBe('750901');
    expect(callLines(stack.emulator.calls)).toEqual(['GET /crm/objects/contact/750901?relations=cases&relations=fields']);
  });

  it('reads agents one by one and all at once', async () => {
    const all = await graphql(stack.url, '{ users { id name firstName lastName email photo } }');
    expect(all.data.users).toHaveLength(8);
    const one = await graphql(stack.url, 'query ($id: ID!) { user(id: $id) { id name email } }', { id: all.data.users[1].id });
    expect(one.data.user).toEqual({ id: all.data.users[1].id, name: all.data.users[1].name, email: all.data.users[1].email });
    const missing = await graphql(stack.url, '{ user(id: "99") { id } }');
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });
});

describe('API keys', () => {
  it('maps a key without case permission to FORBIDDEN, and still reads what it may', async () => {
    const headers = { authorization: `Bearer ${NO_CASE_ACCESS_API_KEY}` };
    const denied = await graphql(stack.url, '{ case(id: "1001") { id } }', undefined, headers);
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    const allowed = await graphql(stack.url, '{ users { id } }', undefined, headers);
    expect(allowed.data.users).toHaveLength(8);
  });

  it('maps an unknown key to UNAUTHENTICATED', async () => {
    const result = await graphql(stack.url, '{ users { id } }', undefined, { authorization: 'Bearer not-a-key' });
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it("serves each key its own account's data", async () => {
    const query = '{ case(id: "1001") { id title contact { name } } }';
    const demo = await graphql(stack.url, query);
    const other = await graphql(stack.url, query, undefined, { authorization: `Bearer ${OTHER_ACCOUNT_API_KEY}` });
    expect(demo.data.case.id).toBe('1001');
    expect(other.data.case.id).toBe('1001');
    expect(other.data.case).not.toEqual(demo.data.case);
  });
});

/**
 * The benchmark's fixed operations, shared with the tests that pin their upstream call counts,
 * and the emulator data they run on.
 */

export interface Fixture {
  /** An active chat case reopened from an earlier one, so that it has a parent. */
  caseId: string;
  /** A message of that case, sent by the contact. */
  messageId: string;
}

export interface Operation {
  name: string;
  /** What the operation stands for, in the table. */
  label: string;
  document: string;
  variables(fixture: Fixture): Record<string, unknown>;
}

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'singleCase',
    label: 'single case with everything',
    document: `query SingleCase($id: ID!) {
  case(id: $id) {
    id title description channel status threadId closingState dateQueue datePending dateActive dateClosed
    userId waitTime contactId dateCreated dateUpdated fields feedbacks
    contact { id name email phone clientType clientName archived companyId }
    users { id type role status closed dateLastAssigned user { id name email } contact { id name } }
    messages { id type text senderType senderId seen dateCreated }
    timeline { id objectType dateCreated }
    parent { id title status }
    lastMessage { id text dateCreated }
  }
}`,
    variables: (fixture) => ({ id: fixture.caseId }),
  },
  {
    name: 'dashboard20',
    label: '20 cases with contact, participants, messages, timeline, lastMessage',
    document: `query Dashboard {
  cases(first: 20) {
    totalCount
    nodes {
      id title status channel dateCreated
      contact { id name email }
      users { type status user { id name } }
      messages { id text senderType dateCreated }
      timeline { id objectType }
      lastMessage { id text dateCreated }
    }
  }
}`,
    variables: () => ({}),
  },
  {
    name: 'contactNames100',
    label: '100 cases with contact names',
    document: `query ContactNames {
  cases(first: 100) { nodes { id contact { name } } }
}`,
    variables: () => ({}),
  },
  {
    name: 'messageWithSenderAndCase',
    label: 'a message with its sender and case',
    document: `query Message($id: ID!) {
  message(id: $id) {
    id text senderType dateCreated
    sender { ... on User { id name } ... on Contact { id name } }
    case { id title status }
  }
}`,
    variables: (fixture) => ({ id: fixture.messageId }),
  },
  {
    name: 'mutationThenRead',
    label: 'a mutation followed by a read (updateMessage, then its case)',
    document: `mutation Edit($id: ID!) {
  updateMessage(input: { id: $id, text: "Edited: the refund is on its way." }) {
    message { id text dateUpdated case { id status lastMessage { id text } } }
  }
}`,
    variables: (fixture) => ({ id: fixture.messageId }),
  },
];

interface RawCase {
  id: number;
  parentId: number | null;
  messages?: Array<{ id: number; senderType: string }>;
}

/** Picks the fixture from the emulator's seed through its REST API. */
export async function findFixture(emulatorUrl: string, apiKey: string): Promise<Fixture> {
  const response = await fetch(
    `${emulatorUrl}/crm/objects/case?limit=100&where=status|eq|active&where=channel|eq|chat&relations=messages`,
    { headers: { authorization: `Bearer ${apiKey}` } },
  );
  const body = (await response.json()) as { data: { data: RawCase[] } };
  const reopened = body.data.data.find((item) => item.parentId !== null);
  const message = reopened?.messages?.find((item) => item.senderType === 'contact');
  if (!reopened || !message) throw new Error('The emulator seed has no active reopened chat case with a contact message');
  return { caseId: String(reopened.id), messageId: String(message.id) };
}

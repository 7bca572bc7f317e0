/**
 * The hand-written baseline of the benchmark: an Apollo Server 5 gateway over the same SDL, as
 * Apollo's docs teach it. Per-request DataLoader for contacts (one call per distinct contact),
 * the list call always embedding the obvious relations, got for HTTP, no planning, no sharing
 * between requests. It serves what the dashboard query asks, and little more.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import DataLoader from 'dataloader';
import got from 'got';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { loadTypeDefs } from '../../src/schema.js';

type Raw = Record<string, any>;

interface Context {
  api: (path: string, searchParams: Array<[string, string]>) => Promise<Raw>;
  contacts: DataLoader<string, Raw>;
}

const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase().replace(/-/g, '_') : null);
const id = (record: Raw) => String(record.id);

const resolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  Query: {
    cases: async (_parent: unknown, args: { first?: number }, { api }: Context) => {
      const first = args.first ?? 20;
      const body = await api('crm/objects/case', [
        ['limit', String(first)],
        ['page', '0'],
        ['relations', 'contact'],
        ['relations', 'users'],
        ['relations', 'messages'],
        ['relations', 'timeline'],
      ]);
      const nodes: Raw[] = body.data.data;
      return { totalCount: body.data.count, nodes, edges: [], pageInfo: { hasNextPage: nodes.length < body.data.count, hasPreviousPage: false } };
    },
  },
  Case: {
    id,
    status: (record: Raw) => upper(record.status),
    channel: (record: Raw) => (record.channel === 'mail' ? 'EMAIL' : upper(record.channel)),
    contact: (record: Raw, _args: unknown, { contacts }: Context) => contacts.load(String(record.contactId)),
    users: (record: Raw) => record.users ?? [],
    messages: (record: Raw) => record.messages ?? [],
    timeline: (record: Raw) => record.timeline ?? [],
    lastMessage: (record: Raw) => record.messages?.at(-1) ?? null,
  },
  Contact: { id, name: (contact: Raw) => contact.fields?.name ?? null, email: (contact: Raw) => contact.fields?.email ?? null },
  CaseParticipant: { id, type: (participant: Raw) => upper(participant.type), user: (participant: Raw) => participant.user ?? null },
  User: { id },
  Message: { id, text: (message: Raw) => message.message, senderType: (message: Raw) => upper(message.senderType) },
  TimelineEntry: { id },
};

export async function startHandwritten(baseUrl: string, apiKey: string, port = 0): Promise<{ url: string }> {
  const client = got.extend({
    prefixUrl: baseUrl,
    agent: { http: new http.Agent({ keepAlive: true, maxSockets: 256 }) },
    timeout: { request: 10_000 },
    retry: { limit: 0 },
  });
  const server = new ApolloServer<Context>({ typeDefs: loadTypeDefs(), resolvers, introspection: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async ({ req }) => {
      const authorization = req.headers.authorization ?? `Bearer ${apiKey}`;
      const api = (path: string, searchParams: Array<[string, string]>) =>
        client.get(path, { headers: { authorization }, searchParams: new URLSearchParams(searchParams) }).json<Raw>();
      return {
        api,
        contacts: new DataLoader<string, Raw>((ids) =>
          Promise.all(ids.map((contactId) => api(`crm/objects/contact/${contactId}`, [['relations', 'fields']]).then((body) => body.data))),
        ),
      };
    },
  });
  return { url };
}

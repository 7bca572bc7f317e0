import { buildASTSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { caseRelationsFor, contactRelationsFor } from '../../src/planner/relations.js';
import { loadTypeDefs } from '../../src/schema.js';

/** Runs a query against the real SDL and returns what the planner derives for the root field. */
async function plan(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, string[]>> {
  const seen: Record<string, string[]> = {};
  const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
  const fields = schema.getQueryType()!.getFields();
  const capture = (name: string, derive: (info: GraphQLResolveInfo) => string[]) => {
    fields[name]!.resolve = (_parent, _args, _context, info) => {
      seen[name] = derive(info);
      return null;
    };
  };
  capture('case', (info) => caseRelationsFor(info));
  capture('cases', (info) => caseRelationsFor(info, ['nodes'], ['edges', 'node']));
  capture('contact', (info) => contactRelationsFor(info));
  await execute({ schema, document: parse(query), variableValues: variables });
  return seen;
}

describe('relations planner', () => {
  it('asks for nothing when only columns are selected', async () => {
    expect((await plan('{ case(id: "1") { id title status contactId contact { id } } }')).case).toEqual([]);
  });

  it('maps relation fields to relations, lastMessage to messages', async () => {
    expect((await plan('{ case(id: "1") { users { id } lastMessage { id } timeline { id } feedbacks fields parent { id } } }')).case).toEqual([
      'feedbacks',
      'fields',
      'messages',
      'parent',
      'timeline',
      'users',
    ]);
  });

  it('embeds the contact only for the columns an embedded contact carries', async () => {
    expect((await plan('{ case(id: "1") { contact { name email } } }')).case).toEqual([]);
    expect((await plan('{ case(id: "1") { contact { name clientName } } }')).case).toEqual(['contact']);
  });

  it('sees through aliases, fragments, inline fragments and both connection paths', async () => {
    const query = `
      query { cases { nodes { ...F } edges { node { ... on Case { talk: messages { id } } } } } }
      fragment F on Case { people: users { id } contact { ... on Contact { archived } } }`;
    expect((await plan(query)).cases).toEqual(['contact', 'messages', 'users']);
  });

  it('honours @skip and @include with variables', async () => {
    const query = 'query ($full: Boolean!) { case(id: "1") { messages @include(if: $full) { id } timeline @skip(if: $full) { id } } }';
    expect((await plan(query, { full: true })).case).toEqual(['messages']);
    expect((await plan(query, { full: false })).case).toEqual(['timeline']);
  });

  it('plans contact reads: fields for name, email, phone; cases when selected', async () => {
    expect((await plan('{ contact(id: "1") { id clientName } }')).contact).toEqual([]);
    expect((await plan('{ contact(id: "1") { name cases { id } } }')).contact).toEqual(['cases', 'fields']);
  });
});

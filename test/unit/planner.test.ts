import { buildASTSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { caseColumnsFor, caseRelationsFor, caseThreadReadsFor, contactRelationsFor } from '../../src/planner/relations.js';
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
  fields.case!.resolve = (_parent, _args, _context, info) => {
    seen.case = caseRelationsFor(info);
    seen.caseThreads = [caseThreadReadsFor(info) ? 'yes' : 'no'];
    return null;
  };
  capture('cases', (info) => caseRelationsFor(info, ['nodes'], ['edges', 'node']));
  fields.cases!.resolve = (_parent, _args, _context, info) => {
    seen.cases = caseRelationsFor(info, ['nodes'], ['edges', 'node']);
    seen.columns = caseColumnsFor(info, ['nodes'], ['edges', 'node']) ?? ['(all)'];
    return null;
  };
  capture('contact', (info) => contactRelationsFor(info));
  await execute({ schema, document: parse(query), variableValues: variables });
  return seen;
}

describe('relations planner', () => {
  it('asks for nothing when only columns are selected', async () => {
    expect((await plan('{ case(id: "1") { id title status contactId contact { id } } }')).case).toEqual([]);
  });

  it('maps relation fields to relations', async () => {
    expect((await plan('{ case(id: "1") { users { id } messages { id } timeline { id } feedbacks fields parent { id } } }')).case).toEqual([
      'feedbacks',
      'fields',
      'messages',
      'parent',
      'timeline',
      'users',
    ]);
  });

  it("reads a last message from the case's thread, unless the messages are embedded anyway", async () => {
    expect(await plan('{ case(id: "1") { lastMessage { id } } }')).toEqual({ case: [], caseThreads: ['yes'] });
    expect(await plan('{ case(id: "1") { messages { id } lastMessage { id } } }')).toEqual({ case: ['messages'], caseThreads: ['no'] });
    expect((await plan('{ cases { nodes { title lastMessage { id } } } }')).columns).toEqual(['contactId', 'id', 'title']);
  });

  it('embeds a contact or a parent only for their columns, and reads them by id when their own relations are asked', async () => {
    expect((await plan('{ case(id: "1") { contact { name email } } }')).case).toEqual([]);
    expect((await plan('{ case(id: "1") { contact { clientName } } }')).case).toEqual(['contact']);
    expect((await plan('{ case(id: "1") { contact { name clientName } } }')).case).toEqual([]);
    expect((await plan('{ case(id: "1") { parent { __typename } } }')).case).toEqual(['parent']);
    expect((await plan('{ case(id: "1") { parent { id messages { id } } } }')).case).toEqual([]);
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

describe('columns planner', () => {
  it('selects only the columns the selected fields read', async () => {
    const query = '{ cases { nodes { id title contact { name } parent { id } messages { id } lastMessage { id } } } }';
    expect((await plan(query)).columns).toEqual(['contactId', 'id', 'parentId', 'title']);
  });

  it('knows the column of every Case field, so no field is ever left without its data', async () => {
    const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
    const caseType = schema.getType('Case') as import('graphql').GraphQLObjectType;
    const selection = Object.values(caseType.getFields())
      .filter((field) => field.name !== 'timelineId')
      .map((field) => (/^\[?(Case|Contact|Message|CaseParticipant|TimelineEntry|User|Tag)\b/.test(String(field.type)) ? `${field.name} { __typename }` : field.name))
      .join(' ');
    const columns = (await plan(`{ cases { nodes { ${selection} } } }`)).columns;
    expect(columns).not.toEqual(['(all)']);
    expect(columns).toEqual(expect.arrayContaining(['title', 'status', 'channel', 'contactId', 'parentId', 'waitTime', 'dateClosed', 'closedBy', 'queueId', 'queueOrder', 'meta']));
  });

  it('reads whole rows for a column that rows read with select= lack, and selects one that they carry anyway', async () => {
    expect((await plan('{ cases { nodes { id timelineId } } }')).columns).toEqual(['(all)']);
    expect((await plan('{ cases { nodes { id threadId } } }')).columns).toEqual(['id']);
  });
});

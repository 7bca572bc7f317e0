/**
 * How the federation subgraph (GRAPHQL_SUBGRAPH=true, server/execution/subgraph.ts) turns a representation
 * from a router, `{ __typename: "Contact", id: "750905" }`, into the record: through the request's
 * loaders and read path, as the root fields read them, so a router's 100 representations of 12
 * contacts become 12 contact reads, sent together. A representation is input from outside like
 * any argument: its id is checked before it goes anywhere near a path.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../domain/context.js';
import { badUserInput } from '../domain/errors.js';
import type { CaseRecord, ContactRecord, DepartmentRecord, MessageRecord, NoteRecord, UserRecord } from '../domain/records.js';
import { parseId } from './inputs.js';
import { readCase } from './Query/case.js';
import { readDepartment } from './Query/department.js';

/** The types a router may ask for by `@key(fields: "id")`. */
export const ENTITY_TYPES = ['Case', 'Contact', 'Message', 'User', 'Note', 'Department'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

type ReferenceResolver<T> = (reference: Readonly<Record<string, unknown>>, context: GatewayContext, info: GraphQLResolveInfo) => Promise<T>;

/**
 * @apollo/subgraph marks what a reference resolver returns with its `__typename`, a change to the
 * object; records are shared between requests and never changed, so it gets a copy of its own.
 */
function forRouter<T extends object>(resolve: ReferenceResolver<T>): ReferenceResolver<T> {
  return async (reference, context, info) => ({ ...(await resolve(reference, context, info)) });
}

function idOf(reference: Readonly<Record<string, unknown>>, type: EntityType): string {
  const { id } = reference;
  if (typeof id !== 'string') throw badUserInput(`A ${type} representation needs its "id" as a string`, 'representations');
  return parseId(id, 'representations');
}

export const entityReferences: { [T in EntityType]: { __resolveReference: ReferenceResolver<unknown> } } = {
  Case: {
    __resolveReference: forRouter<CaseRecord>((reference, context, info) => readCase(idOf(reference, 'Case'), context, info)),
  },
  Contact: {
    __resolveReference: forRouter<ContactRecord>((reference, { loaders, planner }, info) => loaders.contacts.load(idOf(reference, 'Contact'), planner.contactRelations(info))),
  },
  Message: {
    __resolveReference: forRouter<MessageRecord>((reference, { loaders }) => loaders.messages.load(idOf(reference, 'Message'))),
  },
  User: {
    __resolveReference: forRouter<UserRecord>((reference, { loaders }) => loaders.users.load(idOf(reference, 'User'))),
  },
  Note: {
    __resolveReference: forRouter<NoteRecord>((reference, { loaders }) => loaders.notes.load(idOf(reference, 'Note'))),
  },
  Department: {
    // The department list is one read, remembered for the request: any number of departments cost one call.
    __resolveReference: forRouter<DepartmentRecord>((reference, { upstream }) => readDepartment(upstream, idOf(reference, 'Department'))),
  },
};

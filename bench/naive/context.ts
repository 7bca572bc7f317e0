/**
 * The benchmark's naive baseline: the gateway's schema and resolvers with every optimisation
 * off. Each resolver's read is its own upstream call: no planning of embedded relations, no
 * batching or caching in loaders, no sharing of reads within or across requests.
 */
import type { GatewayContext, Loaders, Planner, UpstreamDialect, UpstreamRequest, UpstreamSession } from '../../src/domain/context.js';
import type { Touched } from '../../src/domain/touches.js';
import type { CaseRelation, ContactRecord, ContactRelation } from '../../src/domain/records.js';
import { getCase, getThread } from '../../src/upstream/cases.js';
import type { UpstreamClient } from '../../src/upstream/client.js';
import type { Credential } from '../../src/domain/context.js';
import { getContact } from '../../src/upstream/contacts.js';
import { getMessage } from '../../src/upstream/messages.js';
import { getNote } from '../../src/upstream/notes.js';
import { getUser, listUsers } from '../../src/upstream/users.js';
import type { ContextFactory } from '../../src/server/execution/context.js';

function naiveSession(client: UpstreamClient, credential: Credential | null, requestId: string, onSend: () => void, dialect: UpstreamDialect): UpstreamSession {
  const send = (request: UpstreamRequest, repeatable: boolean): Promise<unknown> => {
    if (credential === null) return Promise.reject(new Error('no key'));
    onSend();
    return client.send(request, credential, { repeatable, requestId });
  };
  return {
    dialect,
    notice: () => {},
    read: (request, _kind, normalise) => send(request, true).then(normalise),
    write: (request, _touches: ReadonlyArray<Touched>, read) => send(request, false).then(read),
    onInvalidate: () => {},
    // The baseline measures what unplanned resolvers cost: a budget would cut that short.
    admit: () => {},
  };
}

function naiveLoaders(session: UpstreamSession): Loaders {
  return {
    cases: { load: (id, relations: readonly CaseRelation[] = []) => getCase(session, id, relations), prime: () => {}, flush: () => {} },
    contacts: {
      load: (id, relations: readonly ContactRelation[] = []): Promise<ContactRecord> => getContact(session, id, relations),
      prime: (_id: string, _record: ContactRecord) => {},
      flush: () => {},
    },
    messages: { load: (id) => getMessage(session, id), prime: () => {} },
    threads: { load: (contactId, threadId) => getThread(session, contactId, threadId), flush: () => {} },
    notes: { load: (id) => getNote(session, id) },
    users: { load: (id) => getUser(session, id), all: () => listUsers(session), prime: () => {} },
  };
}

const noPlanner: Planner = {
  caseRelations: (): CaseRelation[] => [],
  caseColumns: () => null,
  caseThreadReads: () => false,
  caseContactRelations: (): ContactRelation[] => [],
  contactRelations: (): ContactRelation[] => [],
};

export const naiveContext: ContextFactory = ({ client, credential, stats, live, scope }): GatewayContext => {
  const session = naiveSession(
    client,
    credential,
    stats.requestId,
    () => {
      stats.upstreamCalls += 1;
    },
    scope.upstream.dialect,
  );
  return { requestId: stats.requestId, upstream: session, loaders: naiveLoaders(session), planner: noPlanner, live, stats };
};

/**
 * What every resolver receives, and the interfaces of the layers below it that resolvers use:
 * the request's upstream session, its loaders and the planner. They are declared here, in the
 * base, so that generated types, resolvers and the server depend on this module and not on one
 * another; `src/upstream`, `src/loaders` and `src/planner` implement them.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { AgentLiveEvent, CaseEventPayload, MessageEventPayload, NewLiveEvent } from './events.js';
import type {
  CaseRecord,
  CaseRelation,
  ContactRecord,
  ContactRelation,
  MessageRecord,
  NoteRecord,
  UserRecord,
} from './records.js';
import type { Touched } from './touches.js';

/** One call to the upstream API, described by the upstream layer. */
export interface UpstreamRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the base URL, without a leading slash, path parameters already encoded. */
  readonly path: string;
  /** Repeated names are sent repeated (`relations=a&relations=b`), as the upstream expects. */
  readonly searchParams?: ReadonlyArray<readonly [string, string]>;
  readonly json?: unknown;
}

/**
 * How the account's API reads where the docs allow two readings; each is a setting (the README's
 * `ACQUIRE_*` table), and `npm run doctor` tells which one an account follows.
 */
export interface UpstreamDialect {
  /** How `select` and `relations` carry several values: repeated (`a=x&a=y`) or joined with `|` (`a=x|y`, as the docs write them). */
  readonly listParams: 'repeated' | 'pipe';
  /** What a case waiting in a routing queue reads as upstream: a literal `queue` status, or `pending` with a queue id. */
  readonly queueStatus: 'queue' | 'pending';
  /** How the contacts are paged: the contact list's `page`, or the Filter Contact List POST's. */
  readonly contactPaging: 'list' | 'filter';
  /** The e-mail channel's upstream name. */
  readonly emailChannel: 'mail' | 'email';
  /** The number of the notes list's first page. */
  readonly notesFirstPage: 0 | 1;
}

/**
 * The GraphQL types whose records may be kept beyond a request (src/upstream/recordCache.ts), each
 * for as long as its `@cacheControl(maxAge:)` in the SDL says. Cases and messages never are.
 */
export const CACHED_TYPES = ['Contact', 'User', 'Department', 'Note', 'NoteMessage'] as const;
export type CachedType = (typeof CACHED_TYPES)[number];

/** A read whose answer may be kept beyond its request: under which type's freshness, and what it holds. */
export interface Cacheable<T> {
  readonly type: CachedType;
  /** The records the answer holds: a write or an event that names one of them drops it. */
  holds(value: T): ReadonlyArray<Touched>;
}

/** The upstream as one request sees it (src/upstream/readPath.ts). */
export interface UpstreamSession {
  /** How this account's API reads (the gateway's settings); endpoint functions send and read by it. */
  readonly dialect: UpstreamDialect;
  /**
   * Tells the operator something the upstream's answers showed (a page that repeats the one
   * before it...): logged with the request's id, never sent to the client.
   */
  notice(message: string): void;
  /**
   * A read. Identical reads of the same credential in flight share one call; within the request it
   * is remembered until a write of the credential; `normalise` runs once per upstream body. `kind`
   * names what the body is normalised into: one path is always read as the same kind. A
   * `cacheable` read may be answered by the record cache (the same credential's, within its type's
   * maxAge), and its answer is kept there.
   */
  read<T>(request: UpstreamRequest, kind: string, normalise: (body: unknown) => T, cacheable?: Cacheable<T>): Promise<T>;
  /**
   * A write, sent exactly once. When it ends (well or not: a failed write may still have been
   * done upstream), what it `touches` is forgotten by this request and by every other request of
   * the same credential.
   */
  write<T>(request: UpstreamRequest, touches: ReadonlyArray<Touched>, read: (body: unknown) => T): Promise<T>;
  /** Called with what a write of this credential (this request's or another's) made stale. */
  onInvalidate(listener: (touched: ReadonlyArray<Touched>) => void): void;
  /**
   * Caps the request's upstream calls at the cost estimate it was admitted with (server/execution/limits.ts):
   * past it, reads and writes fail with BUDGET_EXCEEDED without calling.
   */
  admit(calls: number): void;
}

/** A caller's key, checked and put in its canonical form (src/upstream/credentials.ts), and what stands for it. */
export interface Credential {
  /** The `Authorization` header sent upstream: `Bearer <token>`. */
  readonly header: string;
  /** Its SHA-256: what every map in the process keys on, so the key itself is never kept. */
  readonly hash: string;
}

/** How a caller gave its credential (src/server/intake/caller.ts resolves it, once, at the edge). */
export type CallerSource = 'header' | 'connectionParams' | 'server key' | 'none';

export interface Caller {
  /** The credential it acts with, canonical and hashed; null when it has none (every read then fails UNAUTHENTICATED). */
  readonly credential: Credential | null;
  readonly source: CallerSource;
}

/** Records read by id, with the relations that the read embedded. */
export interface RelationLoader<R extends string, T> {
  /** The record with at least `relations` embedded. */
  load(id: string, relations?: readonly R[]): Promise<T>;
  /** Seeds the loader with a record read elsewhere that embeds `relations`. */
  prime(id: string, record: T, relations: readonly R[]): void;
  /** Sends the loads asked for so far now, rather than when execution next yields. */
  flush(): void;
}

export interface MessageLoader {
  load(id: string): Promise<MessageRecord>;
  prime(message: MessageRecord): void;
}

export interface NoteLoader {
  load(id: string): Promise<NoteRecord>;
}

export interface UserLoader {
  load(id: string): Promise<UserRecord>;
  /** Every agent, read once per request; it also answers later reads by id. */
  all(): Promise<ReadonlyArray<UserRecord>>;
  prime(user: UserRecord): void;
}

/** The cases of one thread, each with its last message (the upstream's thread read). */
export interface ThreadLoader {
  load(contactId: string, threadId: string): Promise<ReadonlyArray<CaseRecord>>;
  /** Sends the loads asked for so far now, rather than when execution next yields. */
  flush(): void;
}

/** The loaders of one request; never shared between requests. */
export interface Loaders {
  readonly cases: RelationLoader<CaseRelation, CaseRecord>;
  readonly threads: ThreadLoader;
  readonly contacts: RelationLoader<ContactRelation, ContactRecord>;
  readonly messages: MessageLoader;
  readonly notes: NoteLoader;
  readonly users: UserLoader;
}

/** Paths below a resolver's field to the objects planned for, e.g. `['edges', 'node']`. */
export type SelectionPath = readonly string[];

/** Decides, from a resolver's selection set, what its upstream read embeds (src/planner). */
export interface Planner {
  /** The case relations (`relations=`) the selected cases need. */
  caseRelations(info: GraphQLResolveInfo, ...paths: SelectionPath[]): CaseRelation[];
  /** The case columns (`select=`) the selected cases need; null for all of them. */
  caseColumns(info: GraphQLResolveInfo, ...paths: SelectionPath[]): string[] | null;
  /** Whether the selected cases need the read of their threads (for a last message). */
  caseThreadReads(info: GraphQLResolveInfo, ...paths: SelectionPath[]): boolean;
  /** The relations the contact read of each selected case needs. */
  caseContactRelations(info: GraphQLResolveInfo, ...paths: SelectionPath[]): ContactRelation[];
  /** The relations a contact read needs for the contacts selected at `paths` (none: the resolver's field). */
  contactRelations(info: GraphQLResolveInfo, ...paths: SelectionPath[]): ContactRelation[];
}

/** What one GraphQL request did, gathered along the way for its log line, metrics and span. */
export interface RequestStats {
  readonly requestId: string;
  operationName: string | null;
  operationType: string | null;
  /** Upstream calls made for the request (one per call, however many retries it took). */
  upstreamCalls: number;
  /** The operation's cost estimate (server/execution/limits.ts), once measured: its budget of upstream calls. */
  estimatedCost: number | null;
  /** Reads the record cache answered for the request, each instead of an upstream call. */
  cachedReads: number;
  /** Codes of the errors in the answer, in order. */
  errorCodes: string[];
  /** Whether execution began (false when parsing, validation or a limit refused the operation). */
  executed: boolean;
  /** Answered with the response of an identical query that was running already. */
  sharedAnswer: boolean;
}

/** The case a `messageEvents` subscriber follows, as its key read it when it subscribed. */
export interface WatchedCase {
  readonly caseId: string;
  /** With the thread, what the cheap poll of the case needs; without them the poll reads the case. */
  readonly contactId: string | null;
  readonly threadId: string | null;
}

/** Live events as one caller sees them (src/live), bound to the caller's credential. */
export interface LiveFeed {
  /** Announces an event, on every replica; returns at once and never throws. */
  publish(event: NewLiveEvent): void;
  /**
   * The account's case events, until the iterator is returned; with `after` (an event id), the
   * events since first, or a RESYNC where they cannot all be given.
   */
  caseEvents(after?: string): AsyncIterableIterator<CaseEventPayload>;
  /**
   * The message events of one case, as `caseEvents`. While the iterator lives the case is polled
   * for new messages with the caller's credential, once however many subscribers and replicas follow it.
   */
  messageEvents(watched: WatchedCase, after?: string): AsyncIterableIterator<MessageEventPayload>;
  /** The account's agent status changes, until the iterator is returned. */
  agentEvents(): AsyncIterableIterator<AgentLiveEvent>;
}

export interface ScopeOptions {
  /** Who the work acts as; null for a caller without a key (its reads fail UNAUTHENTICATED). */
  readonly credential: Credential | null;
  /** Sent upstream as `x-request-id`, and in the logs of the work's calls. */
  readonly requestId: string;
  /** Upstream calls the work may make; until `admit` says otherwise, GRAPHQL_MAX_COST. */
  readonly budget?: number;
  /** Aborted when the work's client has gone: its reads stop (its writes never do). */
  readonly cancel?: AbortSignal;
  /** Told of every call the work sends (a read it joined or remembered is not one). */
  readonly onSend?: () => void;
  /** Told of every read the record cache answered for the work, instead of a call. */
  readonly onCacheHit?: () => void;
}

/** One unit of upstream work (an HTTP request, one event of a subscription, one poll): its session and loaders. */
export interface Scope {
  readonly upstream: UpstreamSession;
  /** Made on first use: a poll needs none. */
  readonly loaders: Loaders;
  /** The work is over: what the read path holds for it can go. */
  close(): void;
}

/** The only way to an upstream session (src/server/execution/scopes.ts). */
export interface Scopes {
  open(options: ScopeOptions): Scope;
}

/** What every resolver receives: built fresh for each GraphQL request, never changed by resolvers. */
export interface GatewayContext {
  readonly requestId: string;
  readonly upstream: UpstreamSession;
  readonly loaders: Loaders;
  readonly planner: Planner;
  readonly live: LiveFeed;
  /** Filled along the way by the server, for the request's log line and metrics. */
  readonly stats: RequestStats;
}

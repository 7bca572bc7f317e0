/**
 * The one way a call reaches the upstream, and the only place that decides which earlier call
 * may answer a read. A request gets a session bound to its caller's credential; for a read, the
 * session looks, in this order:
 *
 * 1. in its own memo: a read made earlier in the same request, until the credential writes;
 * 2. for a read its endpoint declares cacheable, in the record cache (src/upstream/recordCache.ts),
 *    under the hash of the credential: an answer younger than its type's maxAge;
 * 3. at the reads in flight of the same credential (a hash of it, never the credential itself),
 *    made by other requests: it joins the call instead of making another;
 * 4. otherwise it sends the call, normalises the body once, and shares the record it made with
 *    every request that joined (and keeps it in the record cache, if cacheable).
 *
 * Apart from the record cache, nothing is kept once the last request that used it is over. A
 * write of the credential closes its reads in flight to newcomers, and until it is answered
 * nothing of that credential is shared; when it ends, what it touched is forgotten by every live
 * request of the credential (their memos, and their loaders through `onInvalidate`) and, before
 * its answer returns, by the record cache, for every credential and every replica.
 *
 * `writes` lets work shared beyond one read (a whole GraphQL execution) keep the same rules.
 */
import type { Cacheable, Credential, UpstreamDialect, UpstreamRequest, UpstreamSession } from '../domain/context.js';
import type { Touched } from '../domain/touches.js';
import type { UpstreamClient } from './client.js';
import { createCallBudget } from './budget.js';
import { createRejectionLatch, isKeyRejection } from './credentials.js';
import { UpstreamError } from './errors.js';
import { deepFreeze } from './freeze.js';
import { createInFlight, type InFlight } from './inFlight.js';
import { createLimiter } from './limit.js';
import type { RecordCache } from './recordCache.js';

export interface ReadPathOptions {
  client: UpstreamClient;
  /** Concurrent identical reads of one credential share one call (ACQUIRE_COALESCE_READS). */
  shareAcrossRequests: boolean;
  /** Freeze every record a read produces, so that a change anywhere throws (tests turn it on). */
  freezeRecords?: boolean;
  /** How the account's API reads (ACQUIRE_* settings). */
  dialect: UpstreamDialect;
  /** Receives what sessions report of the upstream's answers (`UpstreamSession.notice`), for the log. */
  onNotice?: (notice: { requestId: string; message: string }) => void;
  /** Keeps cacheable reads beyond their request; none when absent (RECORD_CACHE=off). */
  cache?: RecordCache;
}

export interface SessionOptions {
  /** The caller's checked credential (server/intake/caller.ts); null when it has no key at all. */
  credential: Credential | null;
  requestId: string;
  /** Upstream calls the request may have in flight at once. */
  maxConcurrentCalls: number;
  /** Aborted when the request's client goes away: its reads stop (its writes never do). */
  cancel?: AbortSignal;
  /** The most calls the request may send whatever it is admitted with (GRAPHQL_MAX_COST); no cap when absent. */
  maxCalls?: number;
  /** Told of every call this request sends (a read it joined or remembered is not one). */
  onSend?: () => void;
  /** Told of every read the record cache answered for this request. */
  onCacheHit?: () => void;
}

/** A request's session; `close` when the request is over, so the credential's state can go. */
export interface Session extends UpstreamSession {
  close(): void;
}

export interface ReadPath {
  session(options: SessionOptions): Session;
  /**
   * Whether a write of the credential (by hash) is in flight, and its epoch, which moves when one
   * starts and when one ends: work shared beyond one read (a whole execution, server/execution/operationSharing.ts)
   * keeps the rules of reads by never sharing across an epoch, nor while a write is in flight.
   */
  writes(credentialHash: string): { writing: boolean; epoch: number };
  /** Credentials with a live request, a read or a write in flight: what the read path holds now. */
  liveCredentials(): number;
}

/** What the read path knows of one credential, while any request of it is live. */
interface CredentialState {
  readonly hash: string;
  readonly inFlight: InFlight;
  /** Writes in flight. */
  writing: number;
  /** Moves when a write starts and when it ends: work begun at another epoch may predate a write. */
  epoch: number;
  readonly sessions: Set<{ invalidate(touched: ReadonlyArray<Touched>): void }>;
}

const MISSING_KEY = new UpstreamError(
  'UNAUTHENTICATED',
  'No Acquire API key: send "Authorization: Bearer <key>" or set ACQUIRE_API_KEY on the gateway',
);

/** A read's identity: method, path, query parameters in a canonical order, and the body of a search. */
function readKey(kind: string, request: UpstreamRequest): string {
  const params = [...(request.searchParams ?? [])].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const body = request.json === undefined ? '' : ` ${JSON.stringify(request.json)}`;
  return `${kind} ${request.method} ${request.path}?${new URLSearchParams(params as Array<[string, string]>).toString()}${body}`;
}

export function createReadPath(options: ReadPathOptions): ReadPath {
  const { client, cache } = options;
  const credentials = new Map<string, CredentialState>();
  // One clock for every credential: a credential's state is released when idle, and its epoch must
  // not start again from where another's (or its own earlier one) already was.
  let clock = 0;
  const finish = options.freezeRecords ? deepFreeze : <T>(value: T): T => value;

  const credentialOf = (hash: string): CredentialState => {
    let credential = credentials.get(hash);
    if (!credential) {
      const fresh: CredentialState = { hash, inFlight: createInFlight(() => release(fresh)), writing: 0, epoch: clock, sessions: new Set() };
      credentials.set(hash, (credential = fresh));
    }
    return credential;
  };
  const release = (credential: CredentialState): void => {
    if (credential.inFlight.size === 0 && credential.writing === 0 && credential.sessions.size === 0) {
      if (credentials.get(credential.hash) === credential) credentials.delete(credential.hash);
    }
  };

  /** Runs `work` shared when sharing is on and no write of the credential is in flight. */
  async function shared<T>(credential: CredentialState, key: string, work: (signal: AbortSignal) => Promise<T>, cancel?: AbortSignal): Promise<{ value: T; started: boolean }> {
    if (!options.shareAcrossRequests || credential.writing > 0) {
      return { value: await work(cancel ?? new AbortController().signal), started: true };
    }
    return credential.inFlight.join(key, work, cancel);
  }

  function session(settings: SessionOptions): Session {
    const { cancel } = settings;
    const key = settings.credential;
    if (key === null) {
      const refusal = MISSING_KEY;
      return {
        dialect: options.dialect,
        notice: () => {},
        read: () => Promise.reject(refusal),
        write: () => Promise.reject(refusal),
        onInvalidate: () => {},
        admit: () => {},
        close: () => {},
      };
    }
    const credential = credentialOf(key.hash);
    const latch = createRejectionLatch();
    const budget = createCallBudget(settings.maxCalls ?? Infinity);
    const limit = createLimiter(settings.maxConcurrentCalls);
    const memo = new Map<string, Promise<unknown>>();
    const listeners: Array<(touched: ReadonlyArray<Touched>) => void> = [];
    // Invalidations heard so far: a read that sees this move while in flight may predate a write.
    let generation = 0;
    const live = {
      invalidate(touched: ReadonlyArray<Touched>): void {
        generation += 1;
        memo.clear();
        for (const listener of listeners) listener(touched);
      },
    };
    credential.sessions.add(live);
    let closed = false;

    const send = (request: UpstreamRequest, repeatable: boolean, signal?: AbortSignal): Promise<unknown> => {
      // Once the upstream rejected the key, the request's remaining calls are not made.
      if (latch.refusal) return Promise.reject(latch.refusal);
      settings.onSend?.();
      const options = { repeatable, ...(settings.requestId === undefined ? {} : { requestId: settings.requestId }), ...(signal ? { cancel: signal } : {}) };
      return limit(() => client.send(request, key, options)).catch((error: unknown) => {
        // A key the upstream no longer takes reads nothing it was given before, either.
        if (cache && isKeyRejection(error)) cache.forget(credential.hash, 'key-rejected');
        return latch.watch(error);
      });
    };

    /**
     * A read that a write of the credential overlapped is made again (once), so that nothing read
     * before the write is answered, or primed into a loader, after it.
     */
    async function readFresh<T>(request: UpstreamRequest, key: string, normalise: (body: unknown) => T, again: boolean, cacheable?: Cacheable<T>): Promise<T> {
      const started = generation;
      // Taken before joining, so a read refused for the budget never becomes a call others join.
      // A read made again because a write overlapped it is the gateway's doing: it is not charged.
      const charged = again;
      if (charged && !budget.take()) throw budget.exceeded();
      let sent = false;
      const reading = shared(
        credential,
        key,
        (signal) => {
          sent = true;
          return fetchRecord(request, key, normalise, cacheable, signal);
        },
        cancel,
      );
      // `shared` starts the call, if it does, before it returns: a joined read was free.
      if (charged && !sent) budget.refund();
      const { value } = await reading;
      return generation === started || !again ? value : readFresh(request, key, normalise, false, cacheable);
    }

    /**
     * The call itself, made by the one request that joiners wait on. Its answer goes into the
     * record cache only if nothing it holds changed while it was on its way, and no write of the
     * credential is in flight.
     */
    function fetchRecord<T>(request: UpstreamRequest, key: string, normalise: (body: unknown) => T, cacheable: Cacheable<T> | undefined, signal?: AbortSignal): Promise<T> {
      const ticket = cache?.ticket();
      return send(request, true, signal).then((body) => {
        const value = finish(normalise(body));
        if (cache && cacheable && ticket !== undefined && credential.writing === 0) cache.store(credential.hash, key, value, cacheable, ticket);
        return value;
      });
    }

    /**
     * A cacheable read: the record cache's answer if it has one (and, late in the answer's life,
     * one read in the background that replaces it, charged to nobody), else a read as any other.
     */
    function readCached<T>(request: UpstreamRequest, key: string, normalise: (body: unknown) => T, cacheable: Cacheable<T>, kept: RecordCache): Promise<T> {
      const hit = kept.lookup<T>(credential.hash, key, cacheable.type);
      if (!hit) return readFresh(request, key, normalise, true, cacheable);
      settings.onCacheHit?.();
      if (hit.refresh) shared(credential, key, () => fetchRecord(request, key, normalise, cacheable)).catch(() => {});
      return Promise.resolve(hit.value);
    }

    return {
      dialect: options.dialect,
      notice(message) {
        options.onNotice?.({ requestId: settings.requestId, message });
      },
      read<T>(request: UpstreamRequest, kind: string, normalise: (body: unknown) => T, cacheable?: Cacheable<T>): Promise<T> {
        const key = readKey(kind, request);
        const remembered = memo.get(key);
        if (remembered) return remembered as Promise<T>;
        const pending = cache && cacheable ? readCached(request, key, normalise, cacheable, cache) : readFresh(request, key, normalise, true);
        memo.set(key, pending);
        return pending;
      },
      write<T>(request: UpstreamRequest, touches: ReadonlyArray<Touched>, read: (body: unknown) => T): Promise<T> {
        if (!budget.take()) return Promise.reject(budget.exceeded());
        credential.writing += 1;
        credential.epoch = ++clock;
        // Reads in flight began before the write: nobody may join them any more.
        credential.inFlight.closeToNewcomers();
        for (const other of credential.sessions) other.invalidate(touches);
        cache?.drop(touches, 'write');
        const over = async (): Promise<void> => {
          credential.writing -= 1;
          credential.epoch = ++clock;
          credential.inFlight.closeToNewcomers();
          for (const other of credential.sessions) other.invalidate(touches);
          release(credential);
          // Before the answer: a read that follows it, on any replica, finds nothing older kept.
          await cache?.invalidate(touches, 'write');
        };
        // Never cancelled: a write half done upstream cannot be taken back.
        return send(request, false)
          .then((body) => finish(read(body)))
          .finally(over);
      },
      onInvalidate(listener) {
        listeners.push(listener);
      },
      admit: (calls) => budget.admit(calls),
      close() {
        if (closed) return;
        closed = true;
        credential.sessions.delete(live);
        release(credential);
      },
    };
  }

  return {
    session,
    liveCredentials: () => credentials.size,
    writes(hash) {
      const credential = credentials.get(hash);
      return credential ? { writing: credential.writing > 0, epoch: credential.epoch } : { writing: false, epoch: clock };
    },
  };
}

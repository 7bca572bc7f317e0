/**
 * The scope factory: the only way to an upstream session and its loaders, for an HTTP request,
 * for each event of a subscription, for each poll of a watched case and for a connection's key
 * check. Every scope is bound to one caller's credential, names its work by a request id (sent
 * upstream as `x-request-id`), and has a budget of upstream calls: GRAPHQL_MAX_COST at most, and
 * what the work was admitted with once that is known.
 */
import type { Credential, Scope, Scopes, UpstreamSession } from '../../domain/context.js';
import { createLoaders } from '../../loaders/index.js';
import type { UpstreamClient } from '../../upstream/client.js';
import type { UpstreamDialect } from '../../domain/context.js';
import type { ReadPath } from '../../upstream/readPath.js';

export interface ScopeFactoryOptions {
  readPath: ReadPath;
  /** Upstream calls one scope may have in flight at once. */
  maxConcurrentCalls: number;
  /** No scope makes more upstream calls than this, whatever it is admitted with (GRAPHQL_MAX_COST). */
  maxCalls: number;
  onBatch?: (loader: string, size: number) => void;
}

export function createScopes(options: ScopeFactoryOptions): Scopes {
  return {
    open({ credential, requestId, budget, cancel, onSend, onCacheHit }): Scope {
      const session = options.readPath.session({
        credential,
        requestId,
        maxConcurrentCalls: options.maxConcurrentCalls,
        maxCalls: options.maxCalls,
        ...(cancel ? { cancel } : {}),
        ...(onSend ? { onSend } : {}),
        ...(onCacheHit ? { onCacheHit } : {}),
      });
      if (budget !== undefined) session.admit(budget);
      let loaders: Scope['loaders'] | undefined;
      return {
        upstream: session,
        get loaders() {
          return (loaders ??= createLoaders(session, options.onBatch));
        },
        close: () => session.close(),
      };
    },
  };
}

/**
 * A session that goes straight to the client, past the read path, its breakers and its credential
 * gate: readiness asks whether Acquire answers at all, which no tenant's trouble may decide.
 */
export function probeSession(client: UpstreamClient, credential: Credential | null, requestId: string, dialect: UpstreamDialect): UpstreamSession {
  return {
    dialect,
    notice: () => {},
    read: (request, _kind, normalise) => client.probe(request, credential, requestId).then(normalise),
    write: () => Promise.reject(new Error('a probe only reads')),
    onInvalidate: () => {},
    admit: () => {},
  };
}

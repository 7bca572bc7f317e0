/**
 * Where Apollo's automatic persisted queries (APQ) are kept: with REDIS_URL, in Redis, shared by
 * the replicas (server/execution/redisDocumentCache.ts, loaded only then, with ioredis); otherwise in this
 * process. Either way bounded: each registration expires after GRAPHQL_APQ_TTL_SECONDS, and the
 * documents held are at most GRAPHQL_APQ_MAX_BYTES, the oldest going first. The cache is keyed by
 * the document's own hash: it holds documents clients sent, never anything read for a caller.
 */
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Logger } from '../ops/logger.js';

const REDIS_CONNECT_TIMEOUT_MS = 5_000;

export interface PersistedQueryStore {
  cache: KeyValueCache<string>;
  /** Seconds a registration is kept (Apollo's `persistedQueries.ttl`). */
  ttlSeconds: number;
  stop(): Promise<void>;
}

export interface PersistedQuerySettings {
  redisUrl: string | null;
  ttlSeconds: number;
  maxBytes: number;
  logger: Logger;
}

export async function createPersistedQueryStore(settings: PersistedQuerySettings): Promise<PersistedQueryStore> {
  if (settings.redisUrl) {
    const { createRedisDocumentCache } = await import('./redisDocumentCache.js');
    const shared = createRedisDocumentCache({ url: settings.redisUrl, ttlSeconds: settings.ttlSeconds, maxBytes: settings.maxBytes, logger: settings.logger });
    await shared.ready(REDIS_CONNECT_TIMEOUT_MS);
    return { cache: shared.cache, ttlSeconds: settings.ttlSeconds, stop: shared.stop };
  }
  const cache = new InMemoryLRUCache<string>({ maxSize: settings.maxBytes, sizeCalculation: (document: string) => Buffer.byteLength(document, 'utf8') });
  return { cache, ttlSeconds: settings.ttlSeconds, stop: async () => {} };
}

/**
 * The record cache as the gateway runs it: each cached type's freshness read from the SDL (its
 * `@cacheControl(maxAge:)`, through the planner's directive reader) and capped by
 * RECORD_CACHE_MAX_AGE_S, and its hits, misses, evictions, invalidations and size in the metrics.
 */
import type { GraphQLSchema } from 'graphql';
import { Gauge } from 'prom-client';
import type { RecordCacheConfig } from '../../config.js';
import { CACHED_TYPES, type CachedType } from '../../domain/context.js';
import { typeFreshness } from '../../planner/directives.js';
import { createRecordCache, type RecordCache } from '../../upstream/recordCache.js';
import type { Metrics } from './metrics.js';

/** Seconds each cached type's records may be kept: the SDL's maxAge, capped; 0 where it declares none. */
export function cachedMaxAges(schema: GraphQLSchema, capS: number | null): Record<CachedType, number> {
  const ages = {} as Record<CachedType, number>;
  for (const type of CACHED_TYPES) {
    const declared = typeFreshness(schema, type).maxAge ?? 0;
    ages[type] = capS === null ? declared : Math.min(declared, capS);
  }
  return ages;
}

/** The cache, or null when RECORD_CACHE=off. */
export function createObservedRecordCache(config: RecordCacheConfig, schema: GraphQLSchema, metrics: Metrics): RecordCache | null {
  if (!config.enabled) return null;
  const cache = createRecordCache({
    maxAgeS: cachedMaxAges(schema, config.maxAgeCapS),
    maxEntries: config.maxEntries,
    maxBytes: config.maxBytes,
    observer: {
      hit: (type) => metrics.recordCacheHits.inc({ type }),
      miss: (type) => metrics.recordCacheMisses.inc({ type }),
      evicted: (count) => metrics.recordCacheEvictions.inc(count),
      invalidated: (cause, count) => metrics.recordCacheInvalidations.inc({ cause }, count),
    },
  });
  new Gauge({
    name: 'record_cache_entries',
    help: `Answers the record cache holds now (at most RECORD_CACHE_MAX_ENTRIES, ${config.maxEntries} here)`,
    registers: [metrics.registry],
    collect() {
      this.set(cache.size().entries);
    },
  });
  new Gauge({
    name: 'record_cache_bytes',
    help: `The record cache's estimate of the heap its answers hold (at most RECORD_CACHE_MAX_MB, ${config.maxBytes} bytes here)`,
    registers: [metrics.registry],
    collect() {
      this.set(cache.size().bytes);
    },
  });
  return cache;
}

/**
 * Prometheus metrics (prom-client) on a registry of the gateway's own, so two gateways in one
 * process (tests) never mix their counts. Label values are bounded: operation names come from
 * the operations clients send, endpoints are path templates, never raw ids.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  operations: Counter<'operation' | 'type' | 'outcome'>;
  errors: Counter<'code'>;
  upstreamCalls: Counter<'method' | 'endpoint' | 'status'>;
  upstreamDuration: Histogram<'method' | 'endpoint'>;
  batchSize: Histogram<'loader'>;
  inFlight: Gauge;
  httpResponses: Counter<'route' | 'status'>;
  webhooks: Counter<'outcome'>;
  eventsPublished: Counter<'kind' | 'source'>;
  eventsDelivered: Counter<'field'>;
  eventsDropped: Counter;
  eventsDuplicate: Counter<'kind'>;
  resyncs: Counter<'reason'>;
  eventsLost: Counter;
  eventsWaiting: Gauge;
  subscriptions: Gauge<'field'>;
  connections: Gauge;
  connectionsCut: Counter<'reason'>;
  polls: Counter<'outcome'>;
  polledCases: Gauge;
  backplaneUp: Gauge;
  backplaneErrors: Counter;
  recordCacheHits: Counter<'type'>;
  recordCacheMisses: Counter<'type'>;
  recordCacheEvictions: Counter;
  recordCacheInvalidations: Counter<'cause'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    operations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by name, type and outcome (success; error: answered with errors; rejected: refused before execution; shared: answered with an identical query that was running)',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [registry],
    }),
    errors: new Counter({ name: 'graphql_errors_total', help: 'GraphQL errors by code', labelNames: ['code'], registers: [registry] }),
    upstreamCalls: new Counter({
      name: 'upstream_calls_total',
      help: 'HTTP requests to the Acquire API (retries included) by method, endpoint template and status (or network, timeout)',
      labelNames: ['method', 'endpoint', 'status'],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'upstream_call_duration_seconds',
      help: 'Time from sending a request to the Acquire API to its parsed answer',
      labelNames: ['method', 'endpoint'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'dataloader_batch_size',
      help: 'Keys per DataLoader batch',
      labelNames: ['loader'],
      buckets: [1, 2, 5, 10, 20, 50, 100],
      registers: [registry],
    }),
    httpResponses: new Counter({
      name: 'http_responses_total',
      help: 'HTTP answers by route (graphql, healthz, readyz, metrics, graphiql, webhook, other; unrouted: refused by Node before routing) and the status actually sent (499: the client left first, nothing was sent)',
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
    inFlight: new Gauge({ name: 'graphql_requests_in_flight', help: 'GraphQL HTTP requests being answered', registers: [registry] }),
    webhooks: new Counter({
      name: 'live_webhooks_total',
      help: 'Acquire webhook deliveries by outcome (accepted; refused: unsigned, wrongly signed, too large or webhooks off; stale: sent outside the replay window; unrecognised; replayed: the same delivery again)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: 'live_events_published_total',
      help: 'Live events published by this replica, by kind and source (webhook, write, poll)',
      labelNames: ['kind', 'source'],
      registers: [registry],
    }),
    eventsDelivered: new Counter({
      name: 'live_events_delivered_total',
      help: 'Subscription payloads sent to clients of this replica, by subscription field',
      labelNames: ['field'],
      registers: [registry],
    }),
    eventsDropped: new Counter({
      name: 'live_events_dropped_total',
      help: "Events not given to a subscriber whose queue was full: a RESYNC stands in their place (agent events: the oldest are let go)",
      registers: [registry],
    }),
    eventsDuplicate: new Counter({
      name: 'live_events_duplicate_total',
      help: 'Events not published because they announced a change already announced (a message added, a case created, the same status), by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    resyncs: new Counter({
      name: 'live_resyncs_total',
      help: 'RESYNC events sent to subscribers, by reason (CURSOR_UNKNOWN, SLOW_SUBSCRIBER, EVENTS_LOST)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    eventsLost: new Counter({
      name: 'live_events_lost_total',
      help: "Events of this replica dropped while Redis was away because too many waited (a gap in the log stands in their place, so subscribers get a RESYNC)",
      registers: [registry],
    }),
    eventsWaiting: new Gauge({ name: 'live_events_waiting', help: 'Events of this replica waiting for Redis to come back', registers: [registry] }),
    subscriptions: new Gauge({ name: 'live_subscriptions', help: 'Live subscriptions on this replica, by field', labelNames: ['field'], registers: [registry] }),
    connections: new Gauge({ name: 'live_connections', help: 'Open subscription WebSocket connections on this replica', registers: [registry] }),
    connectionsCut: new Counter({
      name: 'live_connections_cut_total',
      help: 'Subscription connections the gateway closed to bound their memory: more than the handshake before connection_ack (handshake), too many messages a second (message_rate), too much queued for a client that does not read (slow_reader)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    polls: new Counter({
      name: 'live_polls_total',
      help: 'Polls of watched cases by this replica, by outcome (unchanged, changed, failed)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    polledCases: new Gauge({ name: 'live_polled_cases', help: 'Watched cases (per credential) this replica polls: it holds their lease', registers: [registry] }),
    backplaneUp: new Gauge({ name: 'live_backplane_up', help: '1 while events reach the other replicas through Redis (REDIS_URL), else 0', registers: [registry] }),
    backplaneErrors: new Counter({ name: 'live_backplane_errors_total', help: 'Failed Redis connections and commands', registers: [registry] }),
    recordCacheHits: new Counter({
      name: 'record_cache_hits_total',
      help: 'Reads the record cache answered, each instead of an upstream call, by GraphQL type',
      labelNames: ['type'],
      registers: [registry],
    }),
    recordCacheMisses: new Counter({
      name: 'record_cache_misses_total',
      help: 'Cacheable reads the record cache could not answer (never kept, expired or dropped), by GraphQL type',
      labelNames: ['type'],
      registers: [registry],
    }),
    recordCacheEvictions: new Counter({
      name: 'record_cache_evictions_total',
      help: 'Answers the record cache let go before their time to stay within RECORD_CACHE_MAX_ENTRIES and RECORD_CACHE_MAX_MB',
      registers: [registry],
    }),
    recordCacheInvalidations: new Counter({
      name: 'record_cache_invalidations_total',
      help: 'Answers the record cache dropped because a change named a record they hold, by cause (write: through the gateway, on any replica; webhook; poll: a watched case; events-lost: the log lost events, so everything went; key-rejected: Acquire refused the key, so its entries went)',
      labelNames: ['cause'],
      registers: [registry],
    }),
  };
}

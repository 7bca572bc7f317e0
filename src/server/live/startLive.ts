/**
 * The live side of a gateway: the event backplane (Redis when configured, else this process),
 * the hub that feeds subscriptions, and the webhook route Acquire posts to, with their metrics.
 */
import type { LiveConfig } from '../../config.js';
import type { Scopes } from '../../domain/context.js';
import { createLocalBackplane, type Backplane, type BackplaneState } from '../../live/backplane.js';
import { createHub, type LiveHub } from '../../live/hub.js';
import type { LiveObserver } from '../../live/observer.js';
import type { RecordCache } from '../../upstream/recordCache.js';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';
import { createWebhookRoute } from './webhookRoute.js';

export interface Live {
  hub: LiveHub;
  webhook: ReturnType<typeof createWebhookRoute>;
  /** What /readyz says of the backplane. */
  backplane(): BackplaneState;
  stop(): Promise<void>;
}

function observerOf(metrics: Metrics): LiveObserver {
  return {
    published: (event) => metrics.eventsPublished.inc({ kind: event.kind, source: 'source' in event ? event.source : 'gap' }),
    duplicate: (kind) => metrics.eventsDuplicate.inc({ kind }),
    dropped: (count) => metrics.eventsDropped.inc(count),
    resynced: (reason) => metrics.resyncs.inc({ reason }),
    lost: () => metrics.eventsLost.inc(),
    waiting: (count) => metrics.eventsWaiting.set(count),
    poll: (outcome) => metrics.polls.inc({ outcome }),
    polling: (delta) => metrics.polledCases.inc(delta),
    backplaneUp: (up) => metrics.backplaneUp.set(up ? 1 : 0),
    backplaneError: () => metrics.backplaneErrors.inc(),
  };
}

export async function startLive(config: LiveConfig, scopes: Scopes, cache: RecordCache | null, metrics: Metrics, logger: Logger): Promise<Live> {
  const observer = observerOf(metrics);
  // ioredis loads only on a replica that uses Redis: a single process does not pay its memory.
  const bounds = { retentionMs: config.resumeWindowMs, maxEvents: config.logMaxEvents };
  const backplane: Backplane = config.redisUrl
    ? (await import('../../live/redisBackplane.js')).createRedisBackplane({ url: config.redisUrl, observer, logger, ...bounds })
    : createLocalBackplane(bounds);
  await backplane.ready();
  const hub = createHub({
    backplane,
    scopes,
    poll: {
      intervalMs: config.pollIntervalMs,
      maxIntervalMs: config.pollMaxIntervalMs,
      busyForMs: config.pollBusyMs,
      maxReadsPerMinute: config.pollMaxReadsPerMinute,
    },
    maxQueuedEvents: config.maxQueuedEvents,
    windows: { deliveryMs: config.webhookReplayWindowMs, changeMs: config.resumeWindowMs },
    observer,
    logger,
    cache,
  });
  const webhook = createWebhookRoute({
    secret: config.webhookSecret,
    maxBodyBytes: config.webhookMaxBodyBytes,
    replayWindowMs: config.webhookReplayWindowMs,
    deliver: hub.deliver,
    logger,
    metrics,
  });
  return {
    hub,
    webhook,
    backplane: () => backplane.state(),
    async stop() {
      hub.stop();
      await backplane.stop();
    },
  };
}

/**
 * The live side of a gateway: the event backplane (Redis when configured, else this process),
 * the hub that feeds subscriptions, and the webhook route Acquire posts to, with their metrics.
 */
import type { LiveConfig } from '../config.js';
import { createLocalBackplane, type Backplane } from '../live/backplane.js';
import { createHub, type LiveHub } from '../live/hub.js';
import type { LiveObserver } from '../live/observer.js';
import type { ReadPath } from '../upstream/readPath.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { createWebhookRoute } from './webhookRoute.js';

export interface Live {
  hub: LiveHub;
  webhook: ReturnType<typeof createWebhookRoute>;
  stop(): Promise<void>;
}

function observerOf(metrics: Metrics): LiveObserver {
  return {
    published: (event) => metrics.eventsPublished.inc({ kind: event.kind, source: event.source }),
    dropped: () => metrics.eventsDropped.inc(),
    poll: (outcome) => metrics.polls.inc({ outcome }),
    polling: (delta) => metrics.polledCases.inc(delta),
    backplaneUp: (up) => metrics.backplaneUp.set(up ? 1 : 0),
    backplaneError: () => metrics.backplaneErrors.inc(),
  };
}

export async function startLive(config: LiveConfig, readPath: ReadPath, metrics: Metrics, logger: Logger): Promise<Live> {
  const observer = observerOf(metrics);
  // ioredis loads only on a replica that uses Redis: a single process does not pay its memory.
  const backplane: Backplane = config.redisUrl
    ? (await import('../live/redisBackplane.js')).createRedisBackplane({ url: config.redisUrl, observer, logger })
    : createLocalBackplane();
  await backplane.ready();
  const hub = createHub({ backplane, readPath, pollIntervalMs: config.pollIntervalMs, pollMaxIntervalMs: config.pollMaxIntervalMs, observer, logger });
  const webhook = createWebhookRoute({
    secret: config.webhookSecret,
    maxBodyBytes: config.webhookMaxBodyBytes,
    replayWindowMs: config.webhookReplayWindowMs,
    backplane,
    publish: hub.publish,
    logger,
    metrics,
  });
  return {
    hub,
    webhook,
    async stop() {
      hub.stop();
      await backplane.stop();
    },
  };
}

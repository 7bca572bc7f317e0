/**
 * POST /webhooks/acquire: Acquire's outbound webhooks (Settings > For Developers > Webhooks),
 * signed with ACQUIRE_WEBHOOK_SECRET. A request is verified over its raw body before anything
 * else is done with it, and answered once its events are in the log (Acquire retries a failed
 * delivery). The same delivery again within the replay window, on any replica and however it is
 * spaced, is acknowledged and ignored; one that says it was sent outside the window is refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../domain/errorCodes.js';
import type { NewLiveEvent } from '../../domain/events.js';
import { deliveryOf, readWebhook, SIGNATURE_HEADER, verifySignature } from '../../upstream/webhooks.js';
import { readBody } from '../intake/bodyReader.js';
import { ClientGone, HttpError, sendHttpError, sendJson } from '../execution/httpErrors.js';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';

export const WEBHOOK_PATH = '/webhooks/acquire';

export interface WebhookRouteOptions {
  /** Null when ACQUIRE_WEBHOOK_SECRET is not set: the route then refuses every delivery. */
  secret: string | null;
  maxBodyBytes: number;
  /** A delivery is recognised again within this window, and refused when sent outside it. */
  replayWindowMs: number;
  /** Publishes a delivery's events unless it was seen already (then false): the live hub's. */
  deliver(delivery: string, events: readonly NewLiveEvent[]): Promise<boolean>;
  logger: Logger;
  metrics: Metrics;
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string, requestId: string): void {
  sendHttpError(res, new HttpError(status, code, message), requestId);
}

export function createWebhookRoute(options: WebhookRouteOptions) {
  const { logger, metrics } = options;
  const count = (outcome: string): void => metrics.webhooks.inc({ outcome });
  if (options.secret === null) {
    logger.info(`Webhooks: off (${WEBHOOK_PATH} answers 503) because ACQUIRE_WEBHOOK_SECRET is not set`);
  }

  return {
    path: WEBHOOK_PATH,
    async handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return refuse(res, 405, 'BAD_REQUEST', `${WEBHOOK_PATH} takes POST only`, requestId);
      }
      if (options.secret === null) {
        count('refused');
        return refuse(res, 503, 'WEBHOOKS_NOT_CONFIGURED', 'Webhooks are off: the gateway has no ACQUIRE_WEBHOOK_SECRET', requestId);
      }
      let text: string;
      try {
        text = await readBody(req, options.maxBodyBytes);
      } catch (error) {
        count('refused');
        if (error instanceof ClientGone) return void res.destroy();
        if (error instanceof HttpError) return sendHttpError(res, error, requestId);
        throw error;
      }
      const raw = Buffer.from(text, 'utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const signature = req.headers[SIGNATURE_HEADER];
      if (!verifySignature(options.secret, raw, parsed, typeof signature === 'string' ? signature : undefined)) {
        count('refused');
        logger.warn({ requestId, signed: typeof signature === 'string' }, 'webhook refused: missing or wrong signature');
        return refuse(res, 401, 'UNAUTHENTICATED', `Missing or wrong ${SIGNATURE_HEADER}`, requestId);
      }
      if (parsed === undefined) {
        count('unrecognised');
        logger.warn({ requestId }, 'webhook ignored: the body is not JSON');
        return refuse(res, 400, 'BAD_REQUEST', 'The webhook body is not valid JSON', requestId);
      }
      const delivery = deliveryOf(parsed);
      if (delivery.sentAt !== null && Math.abs(Date.now() - delivery.sentAt) > options.replayWindowMs) {
        count('stale');
        logger.warn({ requestId, sentAt: new Date(delivery.sentAt).toISOString() }, 'webhook refused: sent outside the replay window');
        return refuse(res, 401, 'UNAUTHENTICATED', `The webhook was sent outside the replay window (${options.replayWindowMs} ms)`, requestId);
      }
      const reading = readWebhook(parsed);
      if ('unrecognised' in reading) {
        count('unrecognised');
        logger.warn({ requestId, reason: reading.unrecognised }, 'webhook ignored: unrecognised payload');
        // A 2xx all the same: Acquire would only send it again, and it would not read any better.
        sendJson(res, 202, { status: 'ignored', requestId });
        return;
      }
      if (!(await options.deliver(delivery.key, reading.events))) {
        count('replayed');
        sendJson(res, 200, { status: 'duplicate', requestId });
        return;
      }
      count('accepted');
      sendJson(res, 202, { status: 'accepted', events: reading.events.length, requestId });
    },
  };
}

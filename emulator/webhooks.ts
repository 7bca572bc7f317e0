/**
 * Acquire's outbound webhooks, as the emulator sends them for its own changes.
 *
 * Documented (webhook-api/): the trigger events "Case new", "Chat status is set to Pending",
 * "... to Closed" and "Agent Status Change" ("Active" and "Queue" are coming soon, and 2.0 has no
 * message webhook); the `x-acquire-signature` header, the hex HMAC-SHA256 of `JSON.stringify(body)`
 * in UTF-8 keyed with the webhook's secret; a 2xx answer expected, failed deliveries retried (the
 * 1.0 docs say 5 more times).
 *
 * A GUESS, because the 2.0 payload is not documented: the event names below and the body
 * `{event, dateCreated, data: {case}}` (the case with every column, as the case endpoints send it)
 * or `{event, dateCreated, data: {user: {id, name, email, status, availability, channels}}}`, where
 * `availability` is `available` or `unavailable` and `channels` flags chat, email and VoIP, the
 * words the events page lists (webhook-events-1.md:33-37). Receivers should read it defensively;
 * the gateway's tests can import these names and builders.
 */
import { createHmac } from 'node:crypto';
import type { Agent, CaseRecord } from './records.js';
import type { StoreChange } from './store.js';

export const WEBHOOK_EVENTS = {
  caseNew: 'CASE_NEW',
  casePending: 'CASE_STATUS_PENDING',
  caseClosed: 'CASE_STATUS_CLOSED',
  agentStatusChange: 'AGENT_STATUS_CHANGE',
} as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[keyof typeof WEBHOOK_EVENTS];

export const SIGNATURE_HEADER = 'x-acquire-signature';

export type WebhookPayload =
  | { event: 'CASE_NEW' | 'CASE_STATUS_PENDING' | 'CASE_STATUS_CLOSED'; dateCreated: string; data: { case: CaseRecord } }
  | {
      event: 'AGENT_STATUS_CHANGE';
      dateCreated: string;
      data: { user: Pick<Agent, 'id' | 'name' | 'email' | 'status' | 'channels'> & { availability: 'available' | 'unavailable' } };
    };

/** The signature of a body as the docs compute it: `body` is the parsed object, or the exact JSON text sent. */
export function webhookSignature(secret: string, body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return createHmac('sha256', secret).update(Buffer.from(text, 'utf8')).digest('hex');
}

/** The webhook a store change triggers, or null for changes with no (released) trigger. */
export function webhookFor(change: StoreChange, now: string): WebhookPayload | null {
  switch (change.type) {
    case 'case-created':
      return { event: WEBHOOK_EVENTS.caseNew, dateCreated: now, data: { case: { ...change.entry.record } } };
    case 'case-status': {
      const { record } = change.entry;
      if (record.status === 'pending') return { event: WEBHOOK_EVENTS.casePending, dateCreated: now, data: { case: { ...record } } };
      if (record.status === 'closed') return { event: WEBHOOK_EVENTS.caseClosed, dateCreated: now, data: { case: { ...record } } };
      return null;
    }
    case 'agent-status': {
      const { id, name, email, status, online, channels } = change.agent;
      const availability = online ? 'available' : 'unavailable';
      return { event: WEBHOOK_EVENTS.agentStatusChange, dateCreated: now, data: { user: { id, name, email, status, availability, channels: { ...channels } } } };
    }
  }
}

export interface WebhookConfig {
  /** Where to POST; http or https. */
  url: string;
  /** The HMAC key, as set when the webhook is created in Acquire. */
  secret: string;
  /** The account whose changes are sent (default `demo`): a webhook belongs to one Acquire account. */
  account?: string;
  /** Retries after a failed delivery (default 5, as the 1.0 docs say). */
  retries?: number;
  /** The wait before the first retry, doubled for each next one (default 1000). */
  retryDelayMs?: number;
  /** How long a delivery may take before it counts as failed (default 5000). */
  timeoutMs?: number;
  /** Told about a delivery that failed every attempt (default: one warning on the console). */
  onFailure?: (failure: WebhookFailure) => void;
}

export interface WebhookFailure {
  event: WebhookEvent;
  attempts: number;
  /** The last attempt's HTTP status, or the error that kept it from getting one. */
  reason: string;
}

function validConfig(config: WebhookConfig): Required<Omit<WebhookConfig, 'account'>> {
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    throw new RangeError('webhook.url must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError('webhook.url must be an absolute http(s) URL');
  if (typeof config.secret !== 'string' || config.secret === '') throw new RangeError('webhook.secret must be a non-empty string');
  const count = (value: number | undefined, fallback: number, name: string, min = 0): number => {
    if (value === undefined) return fallback;
    if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`webhook.${name} must be an integer of at least ${min}`);
    return value;
  };
  return {
    url: url.href,
    secret: config.secret,
    retries: count(config.retries, 5, 'retries'),
    retryDelayMs: count(config.retryDelayMs, 1000, 'retryDelayMs'),
    timeoutMs: count(config.timeoutMs, 5000, 'timeoutMs', 1),
    onFailure: config.onFailure ?? ((failure) => console.warn(`Acquire emulator: webhook ${failure.event} not delivered after ${failure.attempts} attempts (${failure.reason})`)),
  };
}

/**
 * Delivers webhooks in the background: a failing or slow receiver never blocks nor crashes the
 * emulator, and stopping abandons what is still pending. Deliveries run side by side, so they may
 * arrive out of order, as nothing in the docs promises an order.
 */
export class WebhookSender {
  private readonly config: Required<Omit<WebhookConfig, 'account'>>;
  private readonly stopped = new AbortController();
  private readonly timers = new Set<NodeJS.Timeout>();
  private pending = 0;
  private waiters: (() => void)[] = [];

  constructor(config: WebhookConfig) {
    this.config = validConfig(config);
  }

  send(payload: WebhookPayload): void {
    if (this.stopped.signal.aborted) return;
    const body = JSON.stringify(payload);
    const signature = webhookSignature(this.config.secret, body);
    this.pending++;
    void this.attempt(payload.event, body, signature, 1);
  }

  /** Resolves once every delivery, retries included, has succeeded, failed for good or been abandoned. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopped.abort();
    for (const timer of this.timers) {
      clearTimeout(timer);
      this.settle();
    }
    this.timers.clear();
  }

  private async attempt(event: WebhookEvent, body: string, signature: string, attempt: number): Promise<void> {
    let reason: string;
    try {
      const response = await fetch(this.config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
        body,
        signal: AbortSignal.any([this.stopped.signal, AbortSignal.timeout(this.config.timeoutMs)]),
      });
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return this.settle();
      reason = `HTTP ${response.status}`;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (this.stopped.signal.aborted) return this.settle();
    if (attempt > this.config.retries) {
      try {
        this.config.onFailure({ event, attempts: attempt, reason });
      } catch (error) {
        console.error('Acquire emulator: a webhook failure handler failed', error);
      }
      return this.settle();
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(event, body, signature, attempt + 1);
    }, this.config.retryDelayMs * 2 ** (attempt - 1));
    timer.unref();
    this.timers.add(timer);
  }

  private settle(): void {
    this.pending--;
    if (this.pending > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

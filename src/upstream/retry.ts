/**
 * When a read is worth repeating, and after how long. Only reads are ever repeated (the read path
 * says which calls are: a search sent as a POST is a read); a repeated write is a duplicate message.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 };

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * "Full jitter" exponential back-off (attempt 1 waits up to base, then 2x base...), unless the
 * upstream said how long to wait in `Retry-After` (seconds or an HTTP date).
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | undefined,
  options: RetryOptions,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  const told = retryAfterMs(retryAfter, now);
  if (told !== null) return Math.min(told, options.maxDelayMs * 5);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** A `Retry-After` header (seconds or an HTTP date) in milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: () => number = Date.now): number | null {
  if (value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now());
}

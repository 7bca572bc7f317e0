import { createBreaker } from '../../src/upstream/breaker.js';
import { DEFAULT_RETRY, isRetryableStatus, retryDelayMs } from '../../src/upstream/retry.js';

describe('circuit breaker', () => {
  let clock = 0;
  const breaker = () => createBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: () => clock });

  beforeEach(() => {
    clock = 0;
  });

  it('opens after the threshold of failures in a row, not before', () => {
    const b = breaker();
    b.failure();
    b.failure();
    expect(b.tryAcquire()).toBe(true);
    b.failure();
    expect(b.state()).toBe('open');
    expect(b.tryAcquire()).toBe(false);
  });

  it('forgets failures after a success', () => {
    const b = breaker();
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state()).toBe('closed');
  });

  it('lets one trial through after the cool-down, and closes or re-opens on its outcome', () => {
    const b = breaker();
    for (let i = 0; i < 3; i += 1) b.failure();
    clock = 1_000;
    expect(b.state()).toBe('half-open');
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
    b.failure();
    expect(b.state()).toBe('open');
    clock = 2_000;
    expect(b.tryAcquire()).toBe(true);
    b.success();
    expect(b.state()).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
  });
});

describe('retry policy', () => {
  it('retries the transient statuses only', () => {
    expect([429, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 500, 501].some(isRetryableStatus)).toBe(false);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const max = () => 0.999_999;
    expect(retryDelayMs(1, undefined, DEFAULT_RETRY, max)).toBe(100);
    expect(retryDelayMs(2, undefined, DEFAULT_RETRY, max)).toBe(200);
    expect(retryDelayMs(9, undefined, DEFAULT_RETRY, max)).toBe(2_000);
    expect(retryDelayMs(3, undefined, DEFAULT_RETRY, () => 0)).toBe(0);
  });

  it('honours Retry-After in seconds or as a date', () => {
    expect(retryDelayMs(1, '1.5', DEFAULT_RETRY)).toBe(1_500);
    expect(retryDelayMs(1, 'Thu, 01 Jan 2026 00:00:03 GMT', DEFAULT_RETRY, Math.random, () => Date.UTC(2026, 0, 1))).toBe(3_000);
    expect(retryDelayMs(1, 'soon', DEFAULT_RETRY, () => 0)).toBe(0);
  });
});

describe('circuit breaker trials that end without an answer', () => {
  it('frees the trial when its caller goes away, without counting a failure', () => {
    let clock = 0;
    const b = createBreaker({ failureThreshold: 1, cooldownMs: 100, now: () => clock });
    b.failure();
    clock = 100;
    expect(b.tryAcquire()).toBe(true);
    b.abandon();
    expect(b.state()).toBe('half-open');
    expect(b.tryAcquire()).toBe(true);
  });
});

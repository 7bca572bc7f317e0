import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until `check` holds (asked again every 100 ms); fails with `what` after `timeoutMs`.
 * Deadlines are generous, because two cores are shared with other work: a correct gateway meets
 * them by far, a broken one never does.
 */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(100);
  }
}

/**
 * The one place that decides whether an event is news, across replicas (through the backplane's
 * claims), before it enters the log. Two things make an event a duplicate:
 *
 * - its delivery was seen: the same webhook delivery again (Acquire retries, or a replay),
 *   known by its delivery id, else by the digest of the canonical body its signature covers;
 * - its change was announced: a message is added once, whoever saw it first (the gateway's own
 *   write, or the polls of a case); a case is created once; a status is a change only when it
 *   differs from the status announced last, so a webhook that follows the gateway's own close is
 *   one event, while two real changes a second apart are two.
 *
 * A write through the gateway is news by nature (it happened once, here): it is always published,
 * and marks its change so that a webhook or a poll reporting it later is not. Anything else (an
 * update, an agent's status, a status change whose status is unknown) is news each time: at least
 * once, rather than a real change swallowed.
 */
import type { NewLiveEvent } from '../domain/events.js';
import type { Backplane } from './backplane.js';

export interface DuplicateWindows {
  /** How long a delivery is remembered: a replay within it is ignored, one outside it has an expired timestamp. */
  deliveryMs: number;
  /** How long an announced change is remembered. */
  changeMs: number;
}

export interface Duplicates {
  /** True the first time `delivery` is seen within the window, on any replica. */
  firstDelivery(delivery: string): Promise<boolean>;
  /** True when `event` announces a change not announced yet. */
  isNews(event: NewLiveEvent): Promise<boolean>;
}

export function createDuplicates(backplane: Backplane, windows: DuplicateWindows): Duplicates {
  /** The first report of `change` (unless one of `unlessAny` was reported); a write's is always news. */
  const first = async (event: NewLiveEvent, change: string, unlessAny: readonly string[] = []): Promise<boolean> => {
    if (event.source !== 'write') return backplane.claim(`change:${change}`, windows.changeMs, unlessAny.map((other) => `change:${other}`));
    await backplane.set(`change:${change}`, '1', windows.changeMs);
    return true;
  };
  return {
    firstDelivery: (delivery) => backplane.claim(`delivery:${delivery}`, windows.deliveryMs),
    async isNews(event) {
      switch (event.kind) {
        case 'message': {
          if (event.type !== 'ADDED') return true;
          const added = `message-added:${event.messageId}`;
          // A poll speaks for its credential only; what was announced to everyone is no news to it.
          return event.audience === undefined ? first(event, added) : first(event, `${added}:${event.audience}`, [added]);
        }
        case 'case': {
          if (event.caseId === null) return true;
          if (event.type === 'CREATED') return first(event, `case-created:${event.caseId}`);
          if (event.type === 'STATUS_CHANGED' && event.status !== undefined && event.status !== 'UNKNOWN') {
            const before = await backplane.swap(`change:case-status:${event.caseId}`, event.status, windows.changeMs);
            return event.source === 'write' || before !== event.status;
          }
          return true;
        }
        case 'agent':
          return true;
        default: {
          const unreachable: never = event;
          throw new Error(`Unknown event ${JSON.stringify(unreachable)}`);
        }
      }
    },
  };
}

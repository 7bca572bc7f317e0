/**
 * A request's budget of upstream calls: the cost estimate it was admitted with (server/execution/limits.ts,
 * from the schema's @cost and @listSize), never more than GRAPHQL_MAX_COST. The estimate assumes
 * list sizes; the budget holds whatever the lists turn out to hold, so a contact with 300 cases
 * cannot turn an operation estimated at 22 calls into 301. Past it, reads and writes fail with
 * BUDGET_EXCEEDED, without calling; what a request joins or remembers costs nothing.
 */
import { UpstreamError } from './errors.js';

export interface CallBudget {
  /** Sets the budget to the admitted estimate (at most the cap). */
  admit(calls: number): void;
  /** Takes one call; false when none is left. */
  take(): boolean;
  /** Gives back a call taken for a read that joined another request's call instead. */
  refund(): void;
  /** The error for a call past the budget. */
  exceeded(): UpstreamError;
}

export function createCallBudget(cap: number): CallBudget {
  let limit = cap;
  let spent = 0;
  return {
    admit(calls) {
      limit = Math.min(calls, cap);
    },
    take() {
      if (spent >= limit) return false;
      spent += 1;
      return true;
    },
    refund() {
      spent -= 1;
    },
    exceeded() {
      return new UpstreamError(
        'BUDGET_EXCEEDED',
        `This request has used its budget of ${limit} upstream calls (its cost estimate), so this field was not read. Ask for fewer items or fewer nested relations.`,
      );
    },
  };
}

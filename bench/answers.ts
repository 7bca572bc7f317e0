/** Comparing answers: what must be the same from one request to the next, and what may differ. */

const COST = ',"extensions":{"cost":';
// The cost object (numbers, and throttleStatus's numbers), then the ends of `extensions` and of the answer.
const COST_TAIL = /^\{[^{}]*\{[^{}]*\}\}\}\}$/;

/**
 * An answer without its `extensions.cost`, which is the last thing in it when present: what a
 * request cost differs from one request to the next (a shared answer's follower made no calls);
 * the data must not.
 */
export function withoutCost(body: string): string {
  const at = body.lastIndexOf(COST);
  return at !== -1 && COST_TAIL.test(body.slice(at + COST.length)) ? `${body.slice(0, at)}}` : body;
}

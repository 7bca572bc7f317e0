/**
 * graphql's `subscribe`, but each event is executed in a context of its own. A subscription
 * lives for hours while loaders remember what they read: with one context for its whole life,
 * the second event would be answered with the first event's records. So the subscribe step, and
 * then each event, gets a fresh context (session and loaders, the subscriber's credential), which
 * is closed as soon as that execution is over.
 */
import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { EventSkipped } from '../../domain/errors.js';
import type { RequestContext } from '../execution/context.js';


/** An event the subscription's `resolve` left out for this subscriber (src/domain/errors.ts). */
function skipped(result: ExecutionResult): boolean {
  return (result.data === null || result.data === undefined) && (result.errors?.length ?? 0) > 0 && result.errors!.every((error) => error.originalError instanceof EventSkipped);
}

/**
 * The results of a subscription: `scopeFor(0)` serves the subscribe step, `scopeFor(n)` the n-th
 * event. `return()` ends it at once, also while it waits for an event.
 */
export async function subscribeWithFreshContexts(
  args: ExecutionArgs,
  scopeFor: (event: number) => RequestContext,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const first = scopeFor(0);
  let source: AsyncIterable<unknown> | ExecutionResult;
  try {
    source = await createSourceEventStream({ ...args, contextValue: first.context });
  } finally {
    first.close();
  }
  if (!(Symbol.asyncIterator in source)) return source;
  const events = source[Symbol.asyncIterator]();
  let count = 0;
  let done = false;
  const finish = async (): Promise<IteratorReturnResult<undefined>> => {
    done = true;
    await events.return?.();
    return { value: undefined, done: true };
  };
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      while (!done) {
        const step = await events.next();
        if (step.done) return finish();
        count += 1;
        const scope = scopeFor(count);
        let result: ExecutionResult;
        try {
          result = await execute({ ...args, rootValue: step.value, contextValue: scope.context });
        } finally {
          scope.close();
        }
        if (!skipped(result)) return { value: result, done: false };
      }
      return { value: undefined, done: true };
    },
    return: () => finish(),
    async throw(error: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return results;
}

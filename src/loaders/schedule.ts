/**
 * DataLoader's own batch schedule (after the pending promise jobs), plus a way to run it early:
 * a planned prefetch then goes out before graphql-js has walked the rest of the page.
 */
export function flushableSchedule(): { batchScheduleFn: (dispatch: () => void) => void; flush: () => void } {
  let scheduled: (() => void) | null = null;
  return {
    batchScheduleFn(dispatch) {
      scheduled = dispatch;
      void Promise.resolve().then(() =>
        process.nextTick(() => {
          if (scheduled !== dispatch) return;
          scheduled = null;
          dispatch();
        }),
      );
    },
    flush() {
      const dispatch = scheduled;
      scheduled = null;
      dispatch?.();
    },
  };
}

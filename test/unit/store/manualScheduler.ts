import type { FlushScheduler } from "../../../src/store";

/** A scheduler the test runs by hand; counts how many runs were scheduled. */
export function manualScheduler() {
  let pending: (() => void) | null = null;
  let scheduled = 0;
  const scheduler: FlushScheduler & {
    run(): void;
    readonly scheduled: number;
    readonly pending: boolean;
  } = {
    schedule(callback) {
      if (pending === null) scheduled += 1;
      pending = callback;
    },
    cancel() {
      pending = null;
    },
    run() {
      const callback = pending;
      pending = null;
      callback?.();
    },
    get scheduled() {
      return scheduled;
    },
    get pending() {
      return pending !== null;
    },
  };
  return scheduler;
}

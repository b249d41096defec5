/** Runs a flush "soon", at most one pending at a time. Injectable so tests can flush by hand. */
export interface FlushScheduler {
  /** Runs `callback` once, soon. While a run is pending, calls only replace its callback. */
  schedule(callback: () => void): void;
  /** Drops the pending run, if any. */
  cancel(): void;
}

export interface FrameSchedulerOptions {
  /**
   * Runs the flush after this many ms even when no animation frame comes (background tabs do not
   * paint). Default 100.
   */
  fallbackMs?: number;
}

/**
 * Schedules on the next animation frame in browsers (with a timeout in case no frame comes), and
 * on a macrotask (`setTimeout(0)`) where there is no `requestAnimationFrame` (Node, workers).
 * Globals are looked up when scheduling, never at import time.
 *
 * @example
 * const scheduler = createFrameScheduler();
 * scheduler.schedule(() => store.flush());
 */
export function createFrameScheduler(options: FrameSchedulerOptions = {}): FlushScheduler {
  const fallbackMs = options.fallbackMs ?? 100;
  let pending: (() => void) | null = null;
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function cancel(): void {
    pending = null;
    if (frame !== undefined) globalThis.cancelAnimationFrame?.(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = undefined;
    timer = undefined;
  }

  function run(): void {
    const callback = pending;
    cancel();
    callback?.();
  }

  function schedule(callback: () => void): void {
    const alreadyScheduled = pending !== null;
    pending = callback;
    if (alreadyScheduled) return;
    if (typeof globalThis.requestAnimationFrame === "function") {
      frame = globalThis.requestAnimationFrame(run);
      timer = setTimeout(run, fallbackMs);
    } else {
      timer = setTimeout(run, 0);
    }
  }

  return { schedule, cancel };
}

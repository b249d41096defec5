/**
 * How long a consumer may work through events that are already there before it yields: about a
 * frame. Each task then stays far below the 50 ms of a long task, and the page paints between
 * slices. Measured with bench/renderStorm.bench.mjs (20,000 tokens at once, Chromium): 16 ms
 * reaches the final text in 474 ms with 14 frames, 8 ms in 655 ms with 28 (each frame lays out
 * the growing reply again), 30 ms in 454 ms with 9; the longest task is about 20 ms in all three.
 */
export const YIELD_AFTER_MS = 16;

/**
 * Resolves in a later task, so the page can paint and handle input in between: a
 * `MessageChannel` message (no timer clamping, not affected by fake timers), else
 * `setTimeout(0)`.
 *
 * Not `scheduler.yield()`: its continuation runs ahead of the rendering task, so a consumer
 * that keeps yielding with it lets Chromium paint only about every 130 ms (measured with
 * bench/renderStorm.bench.mjs, 8 ms slices: 7 frames for 20,000 events instead of about 30,
 * and tasks of 110 ms and more, the flush of everything queued in between).
 *
 * @example
 * let sliceStart = performance.now();
 * for await (const event of events) {
 *   handle(event);
 *   if (performance.now() - sliceStart >= YIELD_AFTER_MS) {
 *     await yieldToEventLoop();
 *     sliceStart = performance.now();
 *   }
 * }
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

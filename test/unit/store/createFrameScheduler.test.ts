import { afterEach, describe, expect, it, vi } from "vitest";
import { createFrameScheduler } from "../../../src/store";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("createFrameScheduler (browser-like)", () => {
  it("runs on the animation frame, once, and clears the fallback timer", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal("cancelAnimationFrame", vi.fn());
    const scheduler = createFrameScheduler({ fallbackMs: 80 });
    const callback = vi.fn();
    scheduler.schedule(callback);
    scheduler.schedule(callback);
    expect(frames).toHaveLength(1);
    frames[0]?.(16);
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("falls back to a timeout when no frame comes (background tab)", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const cancelFrame = vi.fn();
    vi.stubGlobal("requestAnimationFrame", () => 7);
    vi.stubGlobal("cancelAnimationFrame", cancelFrame);
    const scheduler = createFrameScheduler({ fallbackMs: 80 });
    const callback = vi.fn();
    scheduler.schedule(callback);
    vi.advanceTimersByTime(79);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(cancelFrame).toHaveBeenCalledWith(7);
  });

  it("cancel() drops the pending run; a later schedule runs again", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    vi.stubGlobal("requestAnimationFrame", () => 1);
    vi.stubGlobal("cancelAnimationFrame", vi.fn());
    const scheduler = createFrameScheduler();
    const first = vi.fn();
    scheduler.schedule(first);
    scheduler.cancel();
    vi.advanceTimersByTime(1_000);
    expect(first).not.toHaveBeenCalled();
    const second = vi.fn();
    scheduler.schedule(second);
    vi.advanceTimersByTime(1_000);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("uses a macrotask where there is no requestAnimationFrame", async () => {
    vi.stubGlobal("requestAnimationFrame", undefined);
    const scheduler = createFrameScheduler();
    const callback = vi.fn();
    scheduler.schedule(callback);
    expect(callback).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(callback).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(callback).toHaveBeenCalledTimes(1);
  });
});

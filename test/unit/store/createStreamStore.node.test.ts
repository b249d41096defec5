// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import { createStreamStore } from "../../../src/store";
import { aiChunk, event, tokens, tuple } from "./wire";

describe("createStreamStore in Node (no requestAnimationFrame)", () => {
  it("flushes on a macrotask: one notification for 100 events", async () => {
    expect(typeof globalThis.requestAnimationFrame).toBe("undefined");
    const store = createStreamStore();
    store.ensureSession("k");
    // The run's first event and first message event are applied at once; the rest wait for the
    // macrotask.
    store.enqueueEvent("k", event("metadata", { run_id: "r1", attempt: 1 }));
    store.enqueueEvent("k", tuple(aiChunk("", "")));
    const notifications = vi.fn();
    store.subscribe(notifications);
    for (const e of tokens("run-1", "z".repeat(100), 1)) store.enqueueEvent("k", e);
    await Promise.resolve();
    expect(notifications).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(notifications).toHaveBeenCalledTimes(1);
    expect(store.getSession("k")?.messages[0]?.content).toBe("z".repeat(100));
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createStreamStore,
  eventLogSize,
  selectInterrupts,
  selectMessages,
  selectSession,
  selectStatus,
  beginRun,
  endRun,
  setStatus,
  type RunSession,
} from "../../../src/store";
import { manualScheduler } from "./manualScheduler";
import { aiChunk, event, tokens, tuple } from "./wire";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * A session whose run has begun: its first event and its first message event (both applied at
 * once) are in. The message event has no id: it adds no message.
 */
function startedSession(store: ReturnType<typeof createStreamStore>, key: string) {
  store.ensureSession(key);
  store.enqueueEvent(key, event("metadata", { run_id: `run-of-${key}`, attempt: 1 }));
  store.enqueueEvent(key, tuple(aiChunk("", "")));
}

function storeWithManualScheduler() {
  const scheduler = manualScheduler();
  let clock = 100;
  const store = createStreamStore({ scheduler, now: () => clock++ });
  const notifications = vi.fn();
  store.subscribe(notifications);
  return { store, scheduler, notifications };
}

describe("createStreamStore", () => {
  it("applies 100 queued events in one store notification per flush", () => {
    const { store, scheduler, notifications } = storeWithManualScheduler();
    startedSession(store, "t1:r1");
    notifications.mockClear();

    for (const e of tokens("run-1", "x".repeat(100), 1)) store.enqueueEvent("t1:r1", e);
    expect(notifications).not.toHaveBeenCalled();
    expect(store.getSession("t1:r1")?.messages).toEqual([]);
    expect(scheduler.scheduled).toBe(1);

    scheduler.run();
    expect(notifications).toHaveBeenCalledTimes(1);
    const session = store.getSession("t1:r1");
    expect(session?.counts.messages).toBe(101);
    expect(session?.messages[0]?.content).toBe("x".repeat(100));
    expect(eventLogSize(session!.eventLog)).toBe(102);
  });

  it("applies a run's first event and first message event at once, the rest once per flush", () => {
    const { store, scheduler, notifications } = storeWithManualScheduler();
    store.ensureSession("k");
    notifications.mockClear();

    store.enqueueEvent("k", event("metadata", { run_id: "r1", attempt: 1 }));
    expect(notifications).toHaveBeenCalledTimes(1);
    expect(store.getSession("k")).toMatchObject({ runId: "r1", status: "running" });
    expect(scheduler.pending).toBe(false);

    store.enqueueEvent("k", event("values", { step: 1 }));
    expect(notifications).toHaveBeenCalledTimes(1);
    expect(scheduler.scheduled).toBe(1);

    // The first token is applied at once too (with what was queued before it)…
    const [first, ...rest] = tokens("run-1", "abc", 1);
    store.enqueueEvent("k", first!);
    expect(notifications).toHaveBeenCalledTimes(2);
    expect(store.getSession("k")).toMatchObject({ values: { step: 1 } });
    expect(store.getSession("k")?.messages[0]?.content).toBe("a");
    expect(scheduler.pending).toBe(false);

    // …and the tokens after it wait for the next flush.
    for (const e of rest) store.enqueueEvent("k", e);
    expect(notifications).toHaveBeenCalledTimes(2);
    expect(store.getSession("k")?.messages[0]?.content).toBe("a");
    expect(scheduler.scheduled).toBe(2);
    scheduler.run();
    expect(notifications).toHaveBeenCalledTimes(3);
    expect(store.getSession("k")?.messages[0]?.content).toBe("abc");

    // The next run of the session: its first event is applied at once again.
    store.updateSession("k", (session) => beginRun(session, 500));
    store.enqueueEvent("k", event("metadata", { run_id: "r2", attempt: 1 }));
    expect(store.getSession("k")?.runId).toBe("r2");
    expect(scheduler.scheduled).toBe(2);
  });

  it("applies queued events of several keys in one update", () => {
    const { store, scheduler, notifications } = storeWithManualScheduler();
    startedSession(store, "a");
    startedSession(store, "b");
    notifications.mockClear();
    store.enqueueEvent("a", event("custom", 1));
    store.enqueueEvent("b", event("custom", 2));
    store.enqueueEvent("a", event("custom", 3));
    scheduler.run();
    expect(notifications).toHaveBeenCalledTimes(1);
    expect(store.getSession("a")?.lastCustom).toBe(3);
    expect(store.getSession("b")?.lastCustom).toBe(2);
  });

  it("flush() applies now and cancels the scheduled run", () => {
    const { store, scheduler, notifications } = storeWithManualScheduler();
    store.ensureSession("k");
    store.enqueueEvent("k", event("custom", 1));
    store.flush();
    expect(store.getSession("k")?.lastCustom).toBe(1);
    expect(scheduler.pending).toBe(false);
    notifications.mockClear();
    store.flush();
    expect(notifications).not.toHaveBeenCalled();
  });

  it("records when each event was queued", () => {
    const { store, scheduler } = storeWithManualScheduler();
    store.ensureSession("k");
    store.enqueueEvent("k", event("custom", 1));
    store.enqueueEvent("k", event("custom", 2));
    store.enqueueEvent("k", event("custom", 3));
    scheduler.run();
    const log = store.getSession("k")!.eventLog;
    expect(log.chunks[0]?.map((entry) => entry.receivedAt)).toEqual([100, 102, 103]);
    expect(store.getSession("k")?.timings.firstMessageAt).toBeUndefined();
  });

  it("applies queued events before an update of the session, in the same notification", () => {
    const { store, notifications } = storeWithManualScheduler();
    startedSession(store, "k");
    notifications.mockClear();
    store.enqueueEvent("k", event("custom", { step: 1 }));
    store.updateSession("k", (session) => endRun(session, "success", 5));
    expect(notifications).toHaveBeenCalledTimes(1);
    expect(store.getSession("k")).toMatchObject({ lastCustom: { step: 1 }, status: "success" });
  });

  it("keeps queued events when an update's reducer throws", () => {
    const { store } = storeWithManualScheduler();
    store.ensureSession("k");
    store.enqueueEvent("k", event("custom", 1));
    expect(() =>
      store.updateSession("k", () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(store.getSession("k")?.lastCustom).toBe(1);
  });

  it("ensureSession returns the existing session without notifying", () => {
    const { store, notifications } = storeWithManualScheduler();
    const created = store.ensureSession("k", { threadId: "t" });
    expect(notifications).toHaveBeenCalledTimes(1);
    expect(store.ensureSession("k", { threadId: "other" })).toBe(created);
    expect(notifications).toHaveBeenCalledTimes(1);
  });

  it("uses the eventLogCap option for new sessions", () => {
    const store = createStreamStore({ eventLogCap: 2, scheduler: manualScheduler() });
    store.ensureSession("k");
    store.enqueueEvents("k", [event("custom", 1), event("custom", 2), event("custom", 3)]);
    store.flush();
    expect(store.getSession("k")?.eventLog).toMatchObject({ cap: 2, total: 3, dropped: 1 });
  });

  it("does not notify for an update that changes nothing, nor for a missing session", () => {
    const { store, notifications } = storeWithManualScheduler();
    store.ensureSession("k");
    notifications.mockClear();
    store.updateSession("k", (session) => session);
    store.updateSession("missing", (session) => setStatus(session, "running"));
    expect(notifications).not.toHaveBeenCalled();
    expect(store.getSession("missing")).toBeUndefined();
  });

  it("drops events for keys without a session, and a removed session's queued events", () => {
    const { store, scheduler } = storeWithManualScheduler();
    store.enqueueEvent("ghost", event("custom", 1));
    store.ensureSession("gone");
    store.enqueueEvent("gone", event("custom", 1));
    store.removeSession("gone");
    scheduler.run();
    expect(store.getState().sessions).toEqual({});
  });

  it("dispose() cancels the scheduled flush", () => {
    const { store, scheduler } = storeWithManualScheduler();
    startedSession(store, "k");
    store.enqueueEvent("k", event("custom", 1));
    store.dispose();
    expect(scheduler.pending).toBe(false);
    store.flush();
    expect(store.getSession("k")?.lastCustom).toBeUndefined();
  });

  it("batches with the real frame scheduler in jsdom: one notification for 100 events", async () => {
    expect(typeof requestAnimationFrame).toBe("function");
    const store = createStreamStore();
    startedSession(store, "k");
    const notifications = vi.fn();
    store.subscribe(notifications);
    for (const e of tokens("run-1", "y".repeat(100), 1)) store.enqueueEvent("k", e);
    expect(notifications).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(notifications).toHaveBeenCalled(), {
      timeout: 1_000,
      interval: 5,
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(notifications).toHaveBeenCalledTimes(1);
    expect(store.getSession("k")?.messages[0]?.content).toBe("y".repeat(100));
  });
});

describe("selectors", () => {
  it("select slices and stable fallbacks", () => {
    const store = createStreamStore({ scheduler: manualScheduler() });
    const state = store.getState();
    expect(selectMessages("none")(state)).toBe(selectMessages("other")(state));
    expect(selectInterrupts("none")(state)).toEqual([]);
    expect(selectStatus("none")(state)).toBe("idle");

    store.ensureSession("k");
    store.enqueueEvents("k", [event("metadata", { run_id: "r" }), ...tokens("m", "hi")]);
    store.flush();
    const session = selectSession<{ messages: unknown[] }>("k")(store.getState()) as RunSession<{
      messages: unknown[];
    }>;
    expect(session.runId).toBe("r");
    expect(selectMessages("k")(store.getState())).toBe(session.messages);
    expect(selectStatus("k")(store.getState())).toBe("running");
  });
});

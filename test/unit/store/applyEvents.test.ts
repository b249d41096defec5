import { describe, expect, it } from "vitest";
import {
  applyEvents,
  createSession,
  eventLogSize,
  eventLogToArray,
  beginRun,
  setStatus,
} from "../../../src/store";
import { event, tokens } from "./wire";

describe("applyEvents", () => {
  it("returns the same session for an empty batch", () => {
    const session = createSession("k");
    expect(applyEvents(session, [], 1)).toBe(session);
  });

  it("counts events per mode (type), namespaced or not", () => {
    const session = applyEvents(
      createSession("k"),
      [
        event("metadata", { run_id: "r1", attempt: 1 }),
        ...tokens("run-1", "abcdef", 1),
        event("values", { messages: [] }),
        event("values", { messages: [] }),
        event("updates", { a: {} }, { ns: ["sub:1"] }),
        event("custom", 1),
      ],
      1,
    );
    expect(session.counts).toEqual({ metadata: 1, messages: 6, values: 2, updates: 1, custom: 1 });
    const more = applyEvents(session, [event("custom", 2)], 2);
    expect(more.counts.custom).toBe(2);
    expect(session.counts.custom).toBe(1);
  });

  it("sets runId and status running from the metadata event", () => {
    const session = applyEvents(
      beginRun(createSession("k")),
      [event("metadata", { run_id: "run-9", attempt: 1 })],
      1,
    );
    expect(session.runId).toBe("run-9");
    expect(session.status).toBe("running");
  });

  it("does not turn a finished run back to running on a replayed metadata event", () => {
    const done = setStatus(
      applyEvents(createSession("k"), [event("metadata", { run_id: "r1" })], 1),
      "success",
    );
    expect(applyEvents(done, [event("metadata", { run_id: "r1" })], 2).status).toBe("success");
    expect(applyEvents(done, [event("metadata", { run_id: "r2" })], 2).status).toBe("running");
  });

  it("marks the session running when events arrive for a starting session", () => {
    const session = applyEvents(beginRun(createSession("k")), tokens("run-1", "hi"), 1);
    expect(session.status).toBe("running");
  });

  it("turns an error event into status error and a stream error", () => {
    const session = applyEvents(
      createSession("k", { status: "running" }),
      [event("error", { error: "GraphRecursionError", message: "Recursion limit of 25 reached" })],
      7,
    );
    expect(session.status).toBe("error");
    expect(session.error).toEqual({
      kind: "stream",
      message: "Recursion limit of 25 reached",
      name: "GraphRecursionError",
    });
    expect(session.timings.endedAt).toBe(7);
    const bare = applyEvents(createSession("k"), [event("error", { error: "ValueError" })], 1);
    expect(bare.error).toMatchObject({ kind: "stream", message: "ValueError" });
  });

  it("sets lastEventId from events that carry an id", () => {
    const session = applyEvents(
      createSession("k"),
      [event("values", { a: 1 }, { id: "1" }), event("custom", 1, { id: "2" }), event("custom", 2)],
      1,
    );
    expect(session.lastEventId).toBe("2");
  });

  it("records first and last event times", () => {
    let session = applyEvents(createSession("k"), [event("custom", 1), event("custom", 2)], 10, {
      receivedAt: [3, 4],
    });
    session = applyEvents(session, [event("custom", 3)], 20);
    expect(session.timings).toEqual({ startedAt: 3, firstEventAt: 3, lastEventAt: 20 });
  });

  it("keeps the last custom event", () => {
    const session = applyEvents(
      createSession("k"),
      [event("custom", { step: 1 }), event("custom", { step: 2 })],
      1,
    );
    expect(session.lastCustom).toEqual({ step: 2 });
  });

  it("logs every event with its arrival time", () => {
    const events = [event("custom", 1), event("custom", 2)];
    const session = applyEvents(createSession("k"), events, 9, { receivedAt: [5, 6] });
    expect(eventLogSize(session.eventLog)).toBe(2);
    expect(eventLogToArray(session.eventLog)).toEqual([
      { seq: 0, receivedAt: 5, event: events[0], bytes: expect.any(Number) },
      { seq: 1, receivedAt: 6, event: events[1], bytes: expect.any(Number) },
    ]);
  });

  it("does not change the session it was given", () => {
    const session = createSession("k");
    const snapshot = JSON.stringify(session);
    applyEvents(
      session,
      [event("metadata", { run_id: "r" }), ...tokens("m", "hello"), event("error", {})],
      1,
    );
    expect(JSON.stringify(session)).toBe(snapshot);
  });
});

import { describe, expect, it } from "vitest";
import {
  applyEvents,
  createSession,
  markCancelling,
  resetSession,
  setConnection,
  setError,
  setRunIdentity,
  beginRun,
  joinRun,
  markOpen,
  endRun,
  setStatus,
} from "../../../src/store";
import { event, tokens } from "./wire";

describe("session reducers", () => {
  it("createSession starts idle and empty", () => {
    const session = createSession("t1:r1", { threadId: "t1", runId: "r1", eventLogCap: 10 });
    expect(session).toMatchObject({
      id: "t1:r1",
      threadId: "t1",
      runId: "r1",
      status: "idle",
      cancelling: false,
      connection: { state: "idle", attempt: 0 },
      values: null,
      messages: [],
      interrupts: [],
      breakpoint: false,
      counts: {},
      error: null,
    });
    expect(session.eventLog.cap).toBe(10);
  });

  it("setConnection counts reconnect attempts and returns the same session when unchanged", () => {
    let session = setConnection(createSession("k"), "open");
    session = setConnection(session, "reconnecting");
    session = setConnection(session, "reconnecting");
    expect(session.connection).toEqual({ state: "reconnecting", attempt: 2 });
    expect(setConnection(session, "reconnecting", 2)).toBe(session);
    expect(setConnection(session, "open").connection).toEqual({ state: "open", attempt: 0 });
  });

  it("beginRun begins a new run; endRun (a final status) ends cancelling", () => {
    const running = applyEvents(
      createSession("k"),
      [event("metadata", { run_id: "r1" }, { id: "4" })],
      1,
    );
    const errored = setError(markCancelling(running), { kind: "network", message: "offline" });
    const starting = beginRun(errored, 50);
    expect(starting).toMatchObject({
      status: "starting",
      cancelling: false,
      error: null,
      lastEventId: undefined,
    });
    expect(starting.timings).toEqual({ startedAt: 50 });

    const ended = endRun(markCancelling(running), "interrupted", 99);
    expect(ended.cancelling).toBe(false);
    expect(ended.timings.endedAt).toBe(99);
    expect(setStatus(ended, "interrupted")).toBe(ended);
  });

  it("markCancelling is ignored once the run has ended", () => {
    const done = setStatus(createSession("k", { status: "running" }), "success");
    expect(markCancelling(done)).toBe(done);
    expect(markCancelling(createSession("k", { status: "running" })).cancelling).toBe(true);
  });

  it("setError leaves the status alone", () => {
    const session = setError(createSession("k", { status: "running" }), {
      kind: "busy",
      message: "busy",
      status: 409,
    });
    expect(session.status).toBe("running");
    expect(session.error).toEqual({ kind: "busy", message: "busy", status: 409 });
    expect(setError(session, session.error)).toBe(session);
  });

  it("setRunIdentity records ids and keeps the last event id of the same run", () => {
    const session = applyEvents(createSession("k"), [event("custom", 1, { id: "7" })], 1);
    const identified = setRunIdentity(session, { threadId: "t1", runId: "r1" });
    expect(identified).toMatchObject({ threadId: "t1", runId: "r1", lastEventId: "7" });
    expect(setRunIdentity(identified, { runId: "r2" }).lastEventId).toBeUndefined();
    expect(setRunIdentity(identified, {})).toBe(identified);
  });

  it("resetSession keeps id, thread and cap and drops everything else", () => {
    const used = applyEvents(
      createSession("k", { threadId: "t1", eventLogCap: 3 }),
      tokens("m", "hello"),
      1,
    );
    const reset = resetSession(used);
    expect(reset).toMatchObject({
      id: "k",
      threadId: "t1",
      messages: [],
      counts: {},
      status: "idle",
    });
    expect(reset.eventLog.cap).toBe(3);
    expect(reset.eventLog.total).toBe(0);
  });
});

describe("joinRun and markOpen", () => {
  it("joining another run begins it anew; joining the session's own run keeps what it holds", () => {
    const paused = {
      ...createSession("k", { threadId: "t", runId: "r1", status: "interrupted" }),
      messages: [{ id: "m1", type: "ai", content: "hi" }],
      lastEventId: "7",
    };
    const other = joinRun(paused, { threadId: "t", runId: "r2" }, 5);
    expect(other).toMatchObject({ runId: "r2", status: "running", lastEventId: undefined });
    expect(other.connection.state).toBe("connecting");
    expect(other.timings.startedAt).toBe(5);
    expect(other.messages).toBe(paused.messages);

    const same = joinRun(paused, { threadId: "t", runId: "r1" }, 5);
    expect(same).toMatchObject({ runId: "r1", status: "running", lastEventId: "7" });
    expect(markOpen(same).connection).toEqual({ state: "open", attempt: 0 });
  });
});

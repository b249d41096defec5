import { describe, expect, it } from "vitest";
import { createSession } from "../../../src/store/RunSession";
import {
  runDisplayStatus,
  sessionDisplayStatus,
  threadRunDisplayStatus,
} from "../../../src/store/runDisplayStatus";

describe("one status vocabulary", () => {
  it("shows a server `interrupted` (a cancel) as stopped, other statuses as they are", () => {
    expect(runDisplayStatus("interrupted")).toBe("stopped");
    expect(runDisplayStatus("success")).toBe("success");
    expect(runDisplayStatus("running", { cancelling: true })).toBe("cancelling");
    expect(runDisplayStatus("running", { reconnecting: true })).toBe("reconnecting");
  });

  it("a session with pending interrupts or a breakpoint needs input, whatever its status", () => {
    const session = createSession("k", { status: "interrupted" });
    expect(sessionDisplayStatus(session)).toBe("stopped");
    expect(sessionDisplayStatus({ ...session, interrupts: [{ id: "a", value: 1 }] })).toBe(
      "needs-input",
    );
    expect(sessionDisplayStatus({ ...session, breakpoint: true })).toBe("needs-input");
    expect(sessionDisplayStatus(undefined)).toBe("idle");
  });

  it("the run an `interrupted` thread is paused after needs input (the JS server says success)", () => {
    const run = { run_id: "r2", status: "success" as const };
    const paused = { status: "interrupted" as const, pausedRunId: "r2" };
    expect(threadRunDisplayStatus(run, paused)).toBe("needs-input");
    expect(threadRunDisplayStatus({ ...run, run_id: "r1" }, paused)).toBe("success");
    expect(threadRunDisplayStatus(run, { status: "idle", pausedRunId: null })).toBe("success");
    expect(threadRunDisplayStatus(run, undefined)).toBe("success");
    expect(threadRunDisplayStatus({ run_id: "r3", status: "interrupted" }, undefined)).toBe(
      "stopped",
    );
  });
});

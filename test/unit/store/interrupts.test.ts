import { describe, expect, it } from "vitest";
import {
  applyEvents,
  createSession,
  setRunIdentity,
  beginRun,
  toPendingInterrupts,
} from "../../../src/store";
import { event, human } from "./wire";

const NOW = 1_000;

function fold(events: Parameters<typeof applyEvents>[1], session = createSession("k")) {
  return applyEvents(session, events, NOW);
}

const approve = { id: "int-1", value: { question: "Approve?" } };
const review = { id: "int-2", value: { action_requests: [{ name: "send_email", args: {} }] } };

describe("pending interrupts", () => {
  it("come from a values event's popped interrupts", () => {
    const session = fold([event("values", {}, { interrupts: [approve] })]);
    expect(session.interrupts).toEqual([approve]);
    expect(session.breakpoint).toBe(false);
  });

  it("come from values data that still holds __interrupt__", () => {
    expect(fold([event("values", { __interrupt__: [approve] })]).interrupts).toEqual([approve]);
  });

  it("come from updates __interrupt__", () => {
    const session = fold([event("updates", { __interrupt__: [approve, review] })]);
    expect(session.interrupts.map((i) => i.id)).toEqual(["int-1", "int-2"]);
  });

  it("come from tasks results", () => {
    const session = fold([
      event("tasks", { id: "task-1", name: "ask", input: {}, triggers: ["branch:to:ask"] }),
      event("tasks", { id: "task-1", name: "ask", result: [], interrupts: [review] }),
      event("tasks", { id: "task-2", name: "other", result: [], interrupts: [] }),
    ]);
    expect(session.interrupts).toEqual([review]);
    expect(session.breakpoint).toBe(false);
  });

  it("are unique by id when the same interrupts arrive as updates, values and tasks", () => {
    const session = fold([
      event("tasks", { id: "t", name: "ask", result: [], interrupts: [approve] }),
      event("updates", { __interrupt__: [approve, review] }),
      event("values", {}, { interrupts: [approve, review] }),
    ]);
    expect(session.interrupts.map((i) => i.id)).toEqual(["int-1", "int-2"]);
  });

  it("hold two pending interrupts from parallel nodes at once, across events", () => {
    const first = fold([event("updates", { __interrupt__: [approve] })]);
    const second = fold([event("updates", { __interrupt__: [review] })], first);
    expect(second.interrupts).toEqual([approve, review]);
    expect(second.interrupts[0]).toBe(first.interrupts[0]);
  });

  it("get stable synthetic ids when the server sends none", () => {
    const pending = toPendingInterrupts([{ value: "a", when: "during" }, "bare"]);
    expect(pending).toEqual([
      { id: "__interrupt_0", value: "a", when: "during" },
      { id: "__interrupt_1", value: "bare" },
    ]);
    const session = fold([
      event("updates", { __interrupt__: [{ value: "a" }] }),
      event("values", { __interrupt__: [{ value: "a" }] }),
    ]);
    expect(session.interrupts).toEqual([{ id: "__interrupt_0", value: "a" }]);
  });

  it("mark a static breakpoint for __interrupt__: []", () => {
    expect(fold([event("values", { __interrupt__: [] })]).breakpoint).toBe(true);
    expect(fold([event("updates", { __interrupt__: [] })]).breakpoint).toBe(true);
    // The client popped the key: empty data with no interrupts is that breakpoint chunk.
    const popped = fold([event("values", { messages: [human("h", "a")] }), event("values", {})]);
    expect(popped.breakpoint).toBe(true);
    expect(popped.interrupts).toEqual([]);
    expect(popped.values).toEqual({ messages: [human("h", "a")] });
  });

  it("are not a breakpoint for an ordinary state values event", () => {
    const session = fold([event("values", { messages: [] })]);
    expect(session.breakpoint).toBe(false);
    expect(session.interrupts).toEqual([]);
  });

  it("survive the state values event LangGraph sends after the interrupt in the same run", () => {
    const session = fold([
      event("metadata", { run_id: "run-1", attempt: 1 }),
      event("values", {}, { interrupts: [approve] }),
      event("values", { messages: [human("h1", "a")] }),
    ]);
    expect(session.interrupts).toEqual([approve]);
  });

  it("are cleared with the breakpoint when a new run begins", () => {
    const paused = fold([
      event("metadata", { run_id: "run-1", attempt: 1 }),
      event("values", {}, { interrupts: [approve] }),
      event("values", { __interrupt__: [] }),
    ]);
    expect(paused.interrupts).toHaveLength(1);
    expect(paused.breakpoint).toBe(true);

    // The resume streams into the same session: its metadata names another run.
    const resumed = fold(
      [event("metadata", { run_id: "run-2", attempt: 1 }), event("values", { messages: [] })],
      paused,
    );
    expect(resumed.interrupts).toEqual([]);
    expect(resumed.breakpoint).toBe(false);

    // Or the hook starts the run / learns its id before the first event.
    expect(beginRun(paused, 5).interrupts).toEqual([]);
    expect(beginRun(paused, 5).breakpoint).toBe(false);
    expect(setRunIdentity(paused, { runId: "run-2" }).interrupts).toEqual([]);
    expect(setRunIdentity(paused, { runId: "run-1" })).toBe(paused);
  });

  it("are kept when a join replays the same run's metadata", () => {
    const paused = fold([
      event("metadata", { run_id: "run-1" }),
      event("updates", { __interrupt__: [approve] }),
    ]);
    const replayed = fold([event("metadata", { run_id: "run-1" })], paused);
    expect(replayed.interrupts).toEqual([approve]);
  });
});

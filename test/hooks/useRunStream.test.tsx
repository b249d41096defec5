import { act, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import type { FetchLike } from "../../src/client";
import {
  useRun,
  useRunEvents,
  useRunStream,
  useRunsList,
  type UseRunStreamOptions,
} from "../../src/hooks";
import type { PersistedRun, RunPersistence } from "../../src/store/RunPersistence";
import { eventLogToArray, type EventLog } from "../../src/store/EventLog";
import { newGate } from "../support/gates";
import { humanInput, lastAiText, renderHookWithRuns, runsHarness } from "../support/renderWithRuns";

function memoryPersistence(): RunPersistence & { saved: Map<string, PersistedRun> } {
  const saved = new Map<string, PersistedRun>();
  return {
    saved,
    load: (key) => saved.get(key) ?? null,
    save: (key, run) => (run ? saved.set(key, run) : saved.delete(key)),
  };
}

/** A fetch that remembers the signal of every stream request, to check connections are closed. */
function trackingFetch(): { fetch: FetchLike; streamSignals: AbortSignal[] } {
  const streamSignals: AbortSignal[] = [];
  return {
    streamSignals,
    fetch: (input, init) => {
      if (input.includes("/stream") && init.signal) streamSignals.push(init.signal);
      return fetch(input, init);
    },
  };
}

/** useRunStream plus its session's event log. */
function useStreamWithLog(options: UseRunStreamOptions) {
  const stream = useRunStream(options);
  return Object.assign(stream, { events: useRunEvents(stream) });
}

function eventIds(log: EventLog): string[] {
  return eventLogToArray(log)
    .map((entry) => entry.event.id)
    .filter((id): id is string => id !== undefined);
}

describe("useRunStream: runs, interrupts and stops", () => {
  it("an interrupt pauses the run and resume answers it", async () => {
    const { result } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    await act(() => result.current.submit(humanInput("/interrupt")));
    expect(result.current.status).toBe("interrupted");
    expect(result.current.interrupts).toHaveLength(1);
    const request = result.current.interrupts[0]!.value as { action_requests: { name: string }[] };
    expect(request.action_requests[0]!.name).toBe("send_email");
    await act(() => result.current.resume({ decisions: [{ type: "approve" }] }));
    expect(result.current.status).toBe("success");
    expect(result.current.interrupts).toEqual([]);
    expect(lastAiText(result.current.messages)).toContain("approve");
  });

  it("two pending interrupts are answered together by id", async () => {
    const { result } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    await act(() => result.current.submit(humanInput("/two-interrupts")));
    expect(result.current.status).toBe("interrupted");
    const pending = result.current.interrupts;
    expect(pending).toHaveLength(2);
    const answers = Object.fromEntries(
      pending.map((i) => [i.id, `ok ${(i.value as { question: string }).question}`]),
    );
    await act(() => result.current.resume(answers));
    expect(result.current.status).toBe("success");
    expect(lastAiText(result.current.messages)).toContain("Approve A?");
    expect(lastAiText(result.current.messages)).toContain("Approve B?");
  });

  it("stop after the run id is known cancels the run on the server", async () => {
    const { result, harness } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    let done!: Promise<void>;
    act(() => {
      done = result.current.submit(humanInput("/slow 20000"));
    });
    await waitFor(() => expect(result.current.runId).toBeTruthy());
    await act(() => result.current.stop());
    expect(result.current.cancelling).toBe(true);
    await act(() => done);
    expect(result.current.status).toBe("interrupted");
    expect(result.current.cancelling).toBe(false);
    const run = await harness.client.runs.get(result.current.threadId!, result.current.runId!);
    expect(run.status).toBe("interrupted");
  });

  it("stop before the run id is known is held and sent as soon as it is", async () => {
    const { result, harness } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    let done!: Promise<void>;
    act(() => {
      done = result.current.submit(humanInput("/slow 20000"));
      void result.current.stop();
    });
    expect(result.current.runId).toBeNull();
    await act(() => done);
    expect(result.current.status).toBe("interrupted");
    const run = await harness.client.runs.get(result.current.threadId!, result.current.runId!);
    expect(run.status).toBe("interrupted");
  });

  it("a busy thread (multitask reject) refuses the submit without an error: the hook follows the busy run and stays usable", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    const gate = newGate("busy-hook");
    const blocker = await harness.client.runs.create(threadId, "agent", {
      input: humanInput(gate.command),
    });
    await waitFor(async () =>
      expect((await harness.client.runs.get(threadId, blocker.run_id)).status).toBe("running"),
    );
    const { result } = renderHookWithRuns(
      () => useRunStream({ assistantId: "agent", threadId }),
      harness,
    );
    await act(() => result.current.submit(humanInput("second"), { multitaskStrategy: "reject" }));
    expect(result.current.refusal).toMatchObject({ kind: "busy" });
    expect(result.current.error).toBeNull();
    expect(result.current.messages.some((m) => m.content === "second")).toBe(false);
    // It follows the run that keeps the thread busy, to its end.
    await waitFor(() => expect(result.current.runId).toBe(blocker.run_id));
    await gate.open();
    await waitFor(() => expect(result.current.status).toBe("success"), { timeout: 20_000 });
    expect(lastAiText(result.current.messages)).toBe(`Gate ${gate.name} opened.`);
    await act(() => result.current.submit(humanInput("third")));
    expect(result.current.status).toBe("success");
    expect(result.current.refusal).toBeNull();
    expect(lastAiText(result.current.messages)).toBe("You said: third");
  });

  it("an error run ends in a typed stream error with the server's message", async () => {
    const { result } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    await act(() => result.current.submit(humanInput("/error")));
    expect(result.current.status).toBe("error");
    expect(result.current.error?.kind).toBe("stream");
    expect(result.current.error?.message).toContain("Deliberate failure");
  });
  it("a submit refused as busy goes back to following the run it would have replaced", async () => {
    const { result } = renderHookWithRuns(() => useStreamWithLog({ assistantId: "agent" }));
    const gate = newGate("displaced");
    act(() => {
      void result.current.submit(humanInput(gate.command), { streamMode: ["custom", "values"] });
    });
    await waitFor(() => expect(result.current.lastCustom).toMatchObject({ type: "gate" }));
    const runId = result.current.runId;
    await act(() => result.current.submit(humanInput("too soon"), { multitaskStrategy: "reject" }));
    expect(result.current.refusal?.kind).toBe("busy");
    expect(result.current.error).toBeNull();
    await gate.open();
    await waitFor(() => expect(result.current.status).toBe("success"), { timeout: 20_000 });
    expect(result.current.runId).toBe(runId);
    expect(lastAiText(result.current.messages)).toBe(`Gate ${gate.name} opened.`);
    const ids = eventIds(result.current.events);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("useRunStream: connections", () => {
  it("disconnect leaves the run going; join re-attaches without repeating an event", async () => {
    const { result, harness } = renderHookWithRuns(() =>
      useStreamWithLog({ assistantId: "agent" }),
    );
    const gate = newGate("disconnect");
    let done!: Promise<void>;
    act(() => {
      done = result.current.submit(humanInput(gate.command), { streamMode: ["custom", "values"] });
    });
    await waitFor(() =>
      expect(result.current.lastCustom).toEqual({ type: "gate", name: gate.name }),
    );
    act(() => result.current.disconnect());
    await act(() => done);
    expect(result.current.connection.state).toBe("closed");
    expect(result.current.status).toBe("running");
    const runId = result.current.runId!;
    expect((await harness.client.runs.get(result.current.threadId!, runId)).status).toBe("running");
    let joined!: Promise<void>;
    act(() => void (joined = result.current.join(runId)));
    // The server answers the join's head with the run's next event: open the gate to make one.
    // Events made before the join is read wait in the run's queue (not resumable: read once).
    expect(result.current.connection.state).toBe("connecting");
    await gate.open();
    await act(() => joined);
    expect(result.current.status).toBe("success");
    const ids = eventIds(result.current.events);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map(Number)).toEqual(ids.map((_, i) => i));
    expect(lastAiText(result.current.messages)).toBe(`Gate ${gate.name} opened.`);
  });

  it("after a simulated reload, reconnectOnMount re-joins the run and shows all of it once", async () => {
    const persistence = memoryPersistence();
    const first = runsHarness();
    const gate = newGate("reload");
    const before = renderHookWithRuns(
      () => useStreamWithLog({ assistantId: "agent", id: "chat", reconnectOnMount: persistence }),
      first,
    );
    act(() => {
      void before.result.current.submit(humanInput(gate.command), {
        streamMode: ["custom", "values", "messages-tuple"],
      });
    });
    await waitFor(() => expect(before.result.current.lastCustom).toMatchObject({ type: "gate" }));
    await waitFor(() => expect(persistence.saved.get("chat")?.lastEventId).toBeDefined());
    before.unmount();
    const saved = persistence.saved.get("chat")!;

    // The reloaded page has no memory of the run: it replays it over the thread's saved state.
    const second = runsHarness();
    const after = renderHookWithRuns(
      () => useStreamWithLog({ assistantId: "agent", id: "chat", reconnectOnMount: persistence }),
      second,
    );
    await waitFor(() => expect(after.result.current.lastCustom).toMatchObject({ type: "gate" }));
    await gate.open();
    await waitFor(() => expect(after.result.current.status).toBe("success"), { timeout: 20_000 });
    expect(after.result.current.runId).toBe(saved.runId);
    const ids = eventIds(after.result.current.events).map(Number);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(ids.map((_, i) => ids[0]! + i));
    expect(after.result.current.messages.map((m) => m.content)).toEqual([
      gate.command,
      `Holding at ${gate.name}.`,
      `Gate ${gate.name} opened.`,
    ]);
    expect(persistence.saved.has("chat")).toBe(false);
  });

  it("unmounting mid-stream closes the connection and leaves the run running", async () => {
    const tracking = trackingFetch();
    const harness = runsHarness({ fetch: tracking.fetch });
    const { result, unmount } = renderHookWithRuns(
      () => useRunStream({ assistantId: "agent" }),
      harness,
    );
    act(() => {
      // Held at a gate nobody opens: still running after the unmount, however slow the machine.
      void result.current.submit(humanInput(newGate("unmount").command));
    });
    await waitFor(() => expect(result.current.connection.state).toBe("open"));
    const { threadId, runId } = result.current;
    unmount();
    expect(tracking.streamSignals.length).toBeGreaterThan(0);
    expect(tracking.streamSignals.every((signal) => signal.aborted)).toBe(true);
    expect((await harness.client.runs.get(threadId!, runId!)).status).toBe("running");
    await harness.client.runs.cancel(threadId!, runId!, true);
  });

  it("switching threadId mid-stream detaches and starts afresh on the new thread", async () => {
    const harness = runsHarness();
    const threadA = (await harness.client.threads.create()).thread_id;
    const threadB = (await harness.client.threads.create()).thread_id;
    await harness.client.runs.wait(threadB, "agent", { input: humanInput("history of B") });
    const gate = newGate("switch");
    const { result, rerender } = renderHookWithRuns(
      ({ threadId }: { threadId: string }) => useRunStream({ assistantId: "agent", threadId }),
      harness,
      { threadId: threadA },
    );
    act(() => {
      void result.current.submit(humanInput(gate.command), { streamMode: ["custom", "values"] });
    });
    // The run on A is held at the gate: it is certainly still going when the thread switches.
    await waitFor(() =>
      expect(result.current.lastCustom).toEqual({ type: "gate", name: gate.name }),
    );
    const detachedRunId = result.current.runId!;
    rerender({ threadId: threadB });
    await waitFor(() => expect(lastAiText(result.current.messages)).toBe("You said: history of B"));
    expect(result.current.threadId).toBe(threadB);
    expect(result.current.status).toBe("idle");
    // The detached run goes on to its end; none of its later events reach B's session.
    await gate.open();
    await harness.client.runs.join(threadA, detachedRunId);
    expect((await harness.client.runs.get(threadA, detachedRunId)).status).toBe("success");
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(result.current.lastCustom).toBeUndefined();
    expect(result.current.threadId).toBe(threadB);
    expect(lastAiText(result.current.messages)).toBe("You said: history of B");
  });

  it("in StrictMode one submit starts exactly one run", async () => {
    const harness = runsHarness({ strict: true });
    const threadId = (await harness.client.threads.create()).thread_id;
    const { result } = renderHookWithRuns(
      () => useRunStream({ assistantId: "agent", threadId }),
      harness,
    );
    await act(() => result.current.submit(humanInput("strict")));
    expect(result.current.status).toBe("success");
    expect(await harness.client.runs.list(threadId)).toHaveLength(1);
    expect(lastAiText(result.current.messages)).toBe("You said: strict");
  });

  it("in StrictMode a submit from a mount effect starts one run and shows its reply", async () => {
    const harness = runsHarness({ strict: true });
    const threadId = (await harness.client.threads.create()).thread_id;
    const { result } = renderHookWithRuns(() => {
      const chat = useRunStream({ assistantId: "agent", threadId });
      const { submit } = chat;
      // An app that starts a run when the page opens. StrictMode mounts, unmounts and mounts
      // again at once: the first submit's request must not leave a run that keeps the thread busy.
      useEffect(() => void submit(humanInput("on mount")), [submit]);
      return chat;
    }, harness);
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.refusal).toBeNull();
    expect(lastAiText(result.current.messages)).toBe("You said: on mount");
    const runs = await harness.client.runs.list(threadId);
    expect(runs.map((run) => run.status)).toEqual(["success"]);
  });

  it("two submits in one task: the second replaces the first, whose request is never sent", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    const { result } = renderHookWithRuns(
      () => useRunStream({ assistantId: "agent", threadId }),
      harness,
    );
    let second!: Promise<void>;
    act(() => {
      void result.current.submit(humanInput("first"));
      second = result.current.submit(humanInput("second"));
    });
    await act(() => second);
    expect(result.current.refusal).toBeNull();
    expect(result.current.status).toBe("success");
    expect(lastAiText(result.current.messages)).toBe("You said: second");
    // The second submit ended the first stream before its request went out: one run, no busy
    // refusal. (Sending a submit's request in its own task would break this: the aborted request
    // then sometimes reaches the server and makes a run.)
    const runs = await harness.client.runs.list(threadId);
    expect(runs.map((run) => run.status)).toEqual(["success"]);
  });
});

describe("useRunStream keeps the query cache true", () => {
  it("a streamed run appears in useRunsList and useRun without a manual refetch", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    const { result } = renderHookWithRuns(() => {
      const stream = useRunStream({ assistantId: "agent", threadId });
      const list = useRunsList(threadId, {}, { liveIntervalMs: false });
      const detail = useRun(threadId, stream.runId, { pollIntervalMs: false });
      return { stream, list, detail };
    }, harness);
    await waitFor(() => expect(result.current.list.data).toEqual([]));
    await act(() => result.current.stream.submit(humanInput("cache me")));
    const runId = result.current.stream.runId!;
    await waitFor(() => expect(result.current.list.data?.map((r) => r.run_id)).toEqual([runId]));
    await waitFor(() => expect(result.current.detail.data?.status).toBe("success"));
    // No polling here (liveIntervalMs: false): only the stream's end can refresh the list.
    await waitFor(() => expect(result.current.list.data?.[0]?.status).toBe("success"));
  });
});

/**
 * The thread a chat is on, as the app sees it: `threadId` back to `undefined` (or `null`) means a
 * new thread on the next submit, and a reload that re-joins a run tells the app its thread.
 */
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useRunStream, type UseRunStreamOptions } from "../../src/hooks";
import type { PersistedRun, RunPersistence } from "../../src/store/RunPersistence";
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

describe("the thread of useRunStream", () => {
  for (const cleared of [undefined, null]) {
    it(`threadId set back to ${String(cleared)}: the chat empties and the next submit makes a new thread`, async () => {
      const onThreadId = vi.fn();
      const { result, rerender } = renderHookWithRuns(
        (props: { threadId?: string | null }) =>
          useRunStream({ assistantId: "agent", threadId: props.threadId, onThreadId }),
        runsHarness(),
        { threadId: undefined } as { threadId?: string | null },
      );
      await act(() => result.current.submit(humanInput("first")));
      const first = onThreadId.mock.calls[0]?.[0] as string;
      expect(first).toEqual(expect.any(String));
      rerender({ threadId: first });
      await waitFor(() => expect(lastAiText(result.current.messages)).toBe("You said: first"));

      rerender({ threadId: cleared });
      await waitFor(() => expect(result.current.messages).toEqual([]));
      expect(result.current.threadId).toBeNull();

      await act(() => result.current.submit(humanInput("second")));
      expect(onThreadId).toHaveBeenCalledTimes(2);
      const second = onThreadId.mock.calls[1]?.[0] as string;
      expect(second).not.toBe(first);
      expect(result.current.threadId).toBe(second);
      expect(result.current.messages.map((m) => m.content)).toEqual(["second", "You said: second"]);
    });
  }

  it("left undefined from the start, the prop keeps the thread the first submit made", async () => {
    const { result } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    await act(() => result.current.submit(humanInput("one")));
    const thread = result.current.threadId;
    await act(() => result.current.submit(humanInput("two")));
    expect(result.current.threadId).toBe(thread);
    expect(result.current.messages.filter((m) => m.type === "human")).toHaveLength(2);
  });

  it("a reload mid-run re-joins it and tells the app the thread (onThreadId)", async () => {
    const persistence = memoryPersistence();
    const harness = runsHarness();
    const gate = newGate("reload-hook");
    const options: UseRunStreamOptions = {
      assistantId: "agent",
      id: "chat",
      reconnectOnMount: persistence,
    };
    const before = renderHookWithRuns(() => useRunStream(options), harness);
    void before.result.current.submit(humanInput(gate.command));
    await waitFor(() => expect(persistence.saved.get("chat")?.runId).toEqual(expect.any(String)));
    const { threadId } = persistence.saved.get("chat")!;
    before.unmount();

    // The "reloaded page": a new provider (empty memory) and an app that has no thread yet.
    const onThreadId = vi.fn();
    const after = renderHookWithRuns(() => useRunStream({ ...options, onThreadId }), runsHarness());
    await waitFor(() => expect(onThreadId).toHaveBeenCalledWith(threadId));
    await waitFor(() => expect(after.result.current.isRunning).toBe(true));
    await gate.open();
    await waitFor(() => expect(after.result.current.status).toBe("success"), { timeout: 20_000 });
    const texts = after.result.current.messages.map((m) => m.content);
    expect(texts).toEqual([gate.command, `Holding at ${gate.name}.`, `Gate ${gate.name} opened.`]);
  });
});

describe("a kept run that has ended since", () => {
  it("is loaded as history, not re-joined: no stream request, the thread told, the run forgotten", async () => {
    const harness = runsHarness();
    const thread = await harness.client.threads.create();
    await harness.client.runs.wait(thread.thread_id, "agent", { input: humanInput("done before") });
    const [run] = await harness.client.runs.list(thread.thread_id);
    const persistence = memoryPersistence();
    persistence.saved.set("chat", {
      threadId: thread.thread_id,
      runId: run!.run_id,
      lastEventId: "2",
    });

    const streams: string[] = [];
    const tracking = runsHarness({
      fetch: (input, init) => {
        if (input.includes("/stream")) streams.push(input);
        return fetch(input, init);
      },
    });
    const onThreadId = vi.fn();
    const { result } = renderHookWithRuns(
      () =>
        useRunStream({
          assistantId: "agent",
          id: "chat",
          reconnectOnMount: persistence,
          onThreadId,
        }),
      tracking,
    );
    await waitFor(() =>
      expect(result.current.messages.map((m) => m.content)).toEqual([
        "done before",
        "You said: done before",
      ]),
    );
    expect(onThreadId).toHaveBeenCalledWith(thread.thread_id);
    expect(result.current.isRunning).toBe(false);
    expect(streams).toEqual([]);
    expect(persistence.saved.has("chat")).toBe(false);
  });
});

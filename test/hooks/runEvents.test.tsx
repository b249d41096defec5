import { act, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StreamEvent } from "../../src/client/types";
import { RunsClientError } from "../../src/client/RunsClientError";
import { useRunEvents, useRunStream, type UseRunStreamOptions } from "../../src/hooks";
import { eventLogToArray } from "../../src/store/EventLog";
import { humanInput, lastAiText, renderHookWithRuns, runsHarness } from "../support/renderWithRuns";

/** useRunStream plus its session's event log. */
function useStreamWithLog(options: UseRunStreamOptions) {
  const stream = useRunStream(options);
  return Object.assign(stream, { events: useRunEvents(stream) });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("useRunStream: every event reaches the app", () => {
  it("onCustomEvent sees every custom event in order and onEvent every event, not only the last of a frame", async () => {
    const custom: unknown[] = [];
    const events: StreamEvent[] = [];
    const { result } = renderHookWithRuns(() =>
      useStreamWithLog({
        assistantId: "agent",
        onEvent: (event) => events.push(event),
        onCustomEvent: (data) => custom.push(data),
      }),
    );
    await act(() => result.current.submit(humanInput("/custom 50")));
    expect(result.current.status).toBe("success");
    expect(custom).toEqual(Array.from({ length: 50 }, (_, i) => ({ type: "progress", i })));
    expect(events.length).toBe(eventLogToArray(result.current.events).length);
    expect(events.filter((event) => event.type === "custom")).toHaveLength(50);
    expect(result.current.lastCustom).toEqual({ type: "progress", i: 49 });
  });

  it("callbacks read the latest props", async () => {
    const first: unknown[] = [];
    const second: unknown[] = [];
    const { result, rerender } = renderHookWithRuns(
      ({ sink }: { sink: unknown[] }) =>
        useRunStream({ assistantId: "agent", onCustomEvent: (data) => sink.push(data) }),
      undefined,
      { sink: first },
    );
    rerender({ sink: second });
    await act(() => result.current.submit(humanInput("/custom 3")));
    expect(first).toEqual([]);
    expect(second).toHaveLength(3);
  });

  it("a throwing onCustomEvent does not break the stream and is reported once", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let calls = 0;
    const { result } = renderHookWithRuns(() =>
      useRunStream({
        assistantId: "agent",
        onCustomEvent: () => {
          calls += 1;
          throw new Error("app bug");
        },
      }),
    );
    await act(() => result.current.submit(humanInput("/custom 5")));
    expect(result.current.status).toBe("success");
    expect(result.current.error).toBeNull();
    expect(lastAiText(result.current.messages)).toBe("done");
    expect(calls).toBe(5);
    expect(consoleError).toHaveBeenCalledTimes(1);
  });
});

describe("useRunStream: loading a thread's saved state", () => {
  it("isThreadLoading is true while an existing thread loads on mount, then false with its messages", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    await harness.client.runs.wait(threadId, "agent", { input: humanInput("earlier") });
    const seen: boolean[] = [];
    const { result } = renderHookWithRuns(() => {
      const stream = useRunStream({ assistantId: "agent", threadId });
      seen.push(stream.isThreadLoading);
      return stream;
    }, harness);
    expect(seen[0]).toBe(true);
    await waitFor(() => expect(result.current.isThreadLoading).toBe(false));
    expect(lastAiText(result.current.messages)).toBe("You said: earlier");
    expect(result.current.threadLoadError).toBeNull();
  });

  it("without a thread nothing loads", () => {
    const { result } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    expect(result.current.isThreadLoading).toBe(false);
  });

  it("a thread that does not exist is reported as not_found on mount", async () => {
    const onError = vi.fn();
    const missing = crypto.randomUUID();
    const { result } = renderHookWithRuns(() =>
      useRunStream({ assistantId: "agent", threadId: missing, onError }),
    );
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    const error = onError.mock.calls[0]![0] as unknown;
    expect(error).toBeInstanceOf(RunsClientError);
    expect((error as RunsClientError).kind).toBe("not_found");
    expect(result.current.isThreadLoading).toBe(false);
    expect(result.current.threadLoadError?.kind).toBe("not_found");
  });

  it("a switch to a thread that does not exist is reported as not_found, not swallowed", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    const onError = vi.fn();
    const { result, rerender } = renderHookWithRuns(
      ({ thread }: { thread: string }) =>
        useRunStream({ assistantId: "agent", threadId: thread, onError }),
      harness,
      { thread: threadId },
    );
    await waitFor(() => expect(result.current.isThreadLoading).toBe(false));
    expect(onError).not.toHaveBeenCalled();
    const missing = crypto.randomUUID();
    rerender({ thread: missing });
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    const error = onError.mock.calls[0]![0] as unknown;
    expect(error).toBeInstanceOf(RunsClientError);
    expect((error as RunsClientError).kind).toBe("not_found");
    expect(result.current.threadId).toBe(missing);
    expect(result.current.isThreadLoading).toBe(false);
    expect(result.current.threadLoadError?.kind).toBe("not_found");
  });
});

import { act, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import {
  RunScope,
  useRunController,
  useRunMessages,
  useRunStatus,
  useRunStream,
} from "../../src/hooks";
import type { PendingInterrupt } from "../../src/store";
import { humanInput, lastAiText, renderHookWithRuns, runsHarness } from "../support/renderWithRuns";

describe("the run handle", () => {
  it("useRunController's handle keeps its identity across renders", async () => {
    const { result, rerender } = renderHookWithRuns(() =>
      useRunController({ assistantId: "agent", id: "stable" }),
    );
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(first.id).toBe("stable");
  });

  it("a new `id` switches to another session, and back", async () => {
    const { result, rerender } = renderHookWithRuns(
      ({ id }: { id: string }) => useRunStream({ assistantId: "agent", id }),
      runsHarness(),
      { id: "first" },
    );
    await act(() => result.current.submit(humanInput("hello first")));
    expect(result.current.status).toBe("success");
    expect(lastAiText(result.current.messages)).toContain("hello first");

    rerender({ id: "second" });
    expect(result.current.id).toBe("second");
    expect(result.current.messages).toEqual([]);
    expect(result.current.status).toBe("idle");
    await act(() => result.current.submit(humanInput("hello second")));
    expect(lastAiText(result.current.messages)).toContain("hello second");

    rerender({ id: "first" });
    expect(lastAiText(result.current.messages)).toContain("hello first");
  });

  it("threadId is the thread the first submit made, never stale", async () => {
    const { result } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    expect(result.current.threadId).toBeNull();
    await act(() => result.current.submit(humanInput("make a thread")));
    expect(result.current.threadId).toMatch(/[0-9a-f-]{36}/);
  });

  it("resumeAll answers two interrupts by id in one resume", async () => {
    const { result } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    await act(() => result.current.submit(humanInput("/two-interrupts")));
    const pending: PendingInterrupt[] = result.current.interrupts;
    expect(pending).toHaveLength(2);
    const answers = Object.fromEntries(pending.map((item, index) => [item.id, `answer ${index}`]));
    await act(() => result.current.resumeAll(answers));
    expect(result.current.interrupts).toEqual([]);
    expect(result.current.status).toBe("success");
    const text = lastAiText(result.current.messages);
    expect(text).toContain("answer 0");
    expect(text).toContain("answer 1");
  });

  it("onRunFinished reports the run's end", async () => {
    const finished: string[] = [];
    const { result } = renderHookWithRuns(() =>
      useRunStream({ assistantId: "agent", onRunFinished: (run) => finished.push(run.status) }),
    );
    await act(() => result.current.submit(humanInput("hi")));
    await waitFor(() => expect(finished).toEqual(["success"]), { timeout: 30_000 });
  });
});

describe("<RunScope>", () => {
  function ScopedReaders() {
    const status = useRunStatus();
    const messages = useRunMessages();
    return (
      <p>
        {status}: {messages.length} messages
      </p>
    );
  }

  function Chat() {
    const fast = useRunController({ assistantId: "agent", id: "scoped" });
    const [sent, setSent] = useState(false);
    return (
      <RunScope run={fast}>
        <button
          type="button"
          onClick={() => {
            setSent(true);
            void fast.submit(humanInput("scoped hello"));
          }}
        >
          Send
        </button>
        {sent ? <ScopedReaders /> : null}
      </RunScope>
    );
  }

  it("gives slice hooks the scope's run, also for the controller's stateless handle", async () => {
    const { wrapper: Wrapper } = runsHarness();
    render(
      <Wrapper>
        <Chat />
      </Wrapper>,
    );
    act(() => screen.getByRole("button", { name: "Send" }).click());
    // The final status comes from the server after the stream ends: wait for it, not for a time.
    await waitFor(() => expect(screen.getByText(/^success: 2 messages$/)).toBeTruthy(), {
      timeout: 30_000,
    });
  });

  it("a slice hook without a run or a scope says what is missing", () => {
    const { wrapper: Wrapper } = runsHarness();
    const errors: unknown[] = [];
    function Orphan() {
      try {
        useRunStatus();
      } catch (error) {
        errors.push(error);
      }
      return null;
    }
    render(
      <Wrapper>
        <Orphan />
      </Wrapper>,
    );
    expect(String(errors[0])).toMatch(/RunScope/);
  });
});

import { act, waitFor } from "@testing-library/react";
import { describe, expect, it, onTestFinished } from "vitest";
import { RunsClientError, type Run } from "../../src/client";
import {
  useCancelRun,
  useCancelRuns,
  useCreateBatch,
  useCreateRun,
  useDeleteRun,
  useIsCancelling,
  useJoinRun,
  useRun,
  useRunsList,
  useWaitRun,
} from "../../src/hooks";
import { runKeys } from "../../src/query";
import { newGate } from "../support/gates";
import { recordingFetch } from "../support/recordingFetch";
import { humanInput, lastAiText, renderHookWithRuns, runsHarness } from "../support/renderWithRuns";

async function runningRun(
  harness: ReturnType<typeof runsHarness>,
  text = "/slow 20000",
): Promise<Run> {
  const threadId = (await harness.client.threads.create()).thread_id;
  const run = await harness.client.runs.create(threadId, "agent", { input: humanInput(text) });
  await waitFor(async () =>
    expect((await harness.client.runs.get(threadId, run.run_id)).status).toBe("running"),
  );
  return run;
}

describe("query hooks against the real Agent Server", () => {
  it("useRun polls while the run is active and stops at its final status", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    const gate = newGate("poll");
    const run = await harness.client.runs.create(threadId, "agent", {
      input: humanInput(gate.command),
    });
    const { result } = renderHookWithRuns(
      () => useRun(threadId, run.run_id, { pollIntervalMs: 100 }),
      harness,
    );
    await waitFor(() => expect(result.current.data?.status).toBe("running"));
    await gate.open();
    await waitFor(() => expect(result.current.data?.status).toBe("success"));
    const fetchedAt = result.current.dataUpdatedAt;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(result.current.dataUpdatedAt).toBe(fetchedAt);
  });

  it("useRun stays idle until both ids are known", async () => {
    const { result } = renderHookWithRuns(() => useRun("thread", undefined));
    expect(result.current.fetchStatus).toBe("idle");
    expect(result.current.data).toBeUndefined();
  });

  it("useRunsList filters by status and keeps the previous page while the next loads", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    for (const text of ["a", "b", "c"])
      await harness.client.runs.wait(threadId, "agent", { input: humanInput(text) });
    await harness.client.runs.wait(threadId, "agent", {
      input: humanInput("/error"),
      raiseError: false,
    });
    const { result, rerender } = renderHookWithRuns(
      ({ limit }: { limit: number }) => useRunsList(threadId, { limit }, { liveIntervalMs: false }),
      harness,
      { limit: 2 },
    );
    await waitFor(() => expect(result.current.data).toHaveLength(2));
    rerender({ limit: 10 });
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.data).toHaveLength(2);
    await waitFor(() => expect(result.current.data).toHaveLength(4));
    const errors = renderHookWithRuns(() => useRunsList(threadId, { status: "error" }), harness);
    await waitFor(() =>
      expect(errors.result.current.data?.map((r) => r.status)).toEqual(["error"]),
    );
  });

  it("useCreateRun starts a background run, caches it and refreshes the thread's lists", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    const { result } = renderHookWithRuns(
      () => ({
        create: useCreateRun(),
        list: useRunsList(threadId, {}, { liveIntervalMs: 100 }),
      }),
      harness,
    );
    await waitFor(() => expect(result.current.list.data).toEqual([]));
    const run = await act(() =>
      result.current.create.mutateAsync({
        threadId,
        assistantId: "agent",
        payload: { input: humanInput("bg") },
      }),
    );
    expect(harness.queryClient.getQueryData(runKeys.detail(threadId, run.run_id))).toMatchObject({
      run_id: run.run_id,
    });
    await waitFor(() =>
      expect(result.current.list.data?.map((r) => r.run_id)).toEqual([run.run_id]),
    );
    await waitFor(() => expect(result.current.list.data?.[0]?.status).toBe("success"));
  });

  it("useCreateBatch starts stateless runs and caches each", async () => {
    const harness = runsHarness();
    const { result } = renderHookWithRuns(() => useCreateBatch(), harness);
    const runs = await act(() =>
      result.current.mutateAsync([
        { assistantId: "agent", input: humanInput("one"), onCompletion: "keep" },
        { assistantId: "agent", input: humanInput("two"), onCompletion: "keep" },
      ]),
    );
    expect(runs).toHaveLength(2);
    for (const run of runs)
      expect(harness.queryClient.getQueryData(runKeys.detail(run.thread_id, run.run_id))).toEqual(
        run,
      );
  });

  it("useWaitRun resolves with the final values; a failed run rejects with a typed error", async () => {
    const { result } = renderHookWithRuns(() =>
      useWaitRun<{ messages: { type: string; content: unknown }[] }>(),
    );
    const values = await act(() =>
      result.current.mutateAsync({
        threadId: null,
        assistantId: "agent",
        payload: { input: humanInput("waited") },
      }),
    );
    expect(lastAiText(values.messages)).toBe("You said: waited");
    const error = await act(() =>
      result.current
        .mutateAsync({
          threadId: null,
          assistantId: "agent",
          payload: { input: humanInput("/error") },
        })
        .catch((e: unknown) => e),
    );
    expect((error as RunsClientError).kind).toBe("stream");
  });

  it("useJoinRun waits for a background run and gives its values", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    const run = await harness.client.runs.create(threadId, "agent", {
      input: humanInput("/slow 500"),
    });
    const { result } = renderHookWithRuns(
      () => useJoinRun<{ messages: { type: string; content: unknown }[] }>(threadId, run.run_id),
      harness,
    );
    expect(result.current.isPending).toBe(true);
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 10_000 });
    expect(lastAiText(result.current.data!.messages)).toBe("slow done");
  });

  it("useCancelRun shows cancelling until the server confirms the final status", async () => {
    const harness = runsHarness();
    const run = await runningRun(harness);
    // Every value `cancelling` took in a render: the server may confirm quickly.
    const seen: boolean[] = [];
    const { result } = renderHookWithRuns(() => {
      const cancelling = useIsCancelling({ threadId: run.thread_id, runId: run.run_id });
      seen.push(cancelling);
      return {
        cancel: useCancelRun(),
        cancelling,
        detail: useRun(run.thread_id, run.run_id, { pollIntervalMs: false }),
      };
    }, harness);
    await waitFor(() => expect(result.current.detail.data?.status).toBe("running"));
    let done!: Promise<Run | null>;
    act(() => {
      done = result.current.cancel.mutateAsync({ threadId: run.thread_id, runId: run.run_id });
    });
    const final = await act(() => done);
    expect(seen).toContain(true);
    expect(final?.status).toBe("interrupted");
    await waitFor(() => expect(result.current.cancelling).toBe(false));
    expect(seen.at(-1)).toBe(false);
    expect(result.current.detail.data?.status).toBe("interrupted");
  });

  it("useCancelRun rolls back to not-cancelling and reports the error when the cancel fails", async () => {
    const { result } = renderHookWithRuns(() => ({
      cancel: useCancelRun(),
      cancelling: useIsCancelling({
        threadId: "00000000-0000-0000-0000-000000000001",
        runId: "00000000-0000-0000-0000-000000000002",
      }),
    }));
    const error = await act(() =>
      result.current.cancel
        .mutateAsync({
          threadId: "00000000-0000-0000-0000-000000000001",
          runId: "00000000-0000-0000-0000-000000000002",
        })
        .catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(RunsClientError);
    await waitFor(() => expect(result.current.cancel.isError).toBe(true));
    expect(result.current.cancelling).toBe(false);
  });

  it("useCancelRuns cancels a thread's active runs (one by one on the JS server)", async () => {
    const harness = runsHarness();
    const run = await runningRun(harness);
    const { result } = renderHookWithRuns(() => useCancelRuns(), harness);
    await act(() => result.current.mutateAsync({ threadId: run.thread_id, status: "all" }));
    await waitFor(async () =>
      expect((await harness.client.runs.get(run.thread_id, run.run_id)).status).toBe("interrupted"),
    );
  });

  // Cancelling a run must refresh its thread's lists and its detail, not every query of the
  // thread: a joined run's `useJoinRun` would join again (TanStack dedupes a join still waiting,
  // but re-runs one that has its values).
  it.each([
    {
      hook: "useCancelRuns",
      useCancel: () => {
        const { mutate, isSuccess } = useCancelRuns();
        const cancel = (threadId: string, runId: string) => mutate({ threadId, runIds: [runId] });
        return { cancel, isSuccess };
      },
    },
    {
      hook: "useCancelRun",
      useCancel: () => {
        const { mutate, isSuccess } = useCancelRun();
        const cancel = (threadId: string, runId: string) => mutate({ threadId, runId });
        return { cancel, isSuccess };
      },
    },
  ])(
    "$hook does not join again a run useJoinRun joined on the same thread",
    async ({ useCancel }) => {
      const recorder = recordingFetch();
      const harness = runsHarness({ fetch: recorder.fetch });
      const joins = () =>
        recorder.requests.filter((r) => r.method === "GET" && r.url.pathname.endsWith("/join"));
      const first = newGate("joined");
      const second = newGate("cancelled");
      const threadId = (await harness.client.threads.create()).thread_id;
      const joined = await harness.client.runs.create(threadId, "agent", {
        input: humanInput(first.command),
      });
      const cancelled = await harness.client.runs.create(threadId, "agent", {
        input: humanInput(second.command),
        multitaskStrategy: "enqueue",
      });
      const { result } = renderHookWithRuns(
        () => ({
          join: useJoinRun<{ messages: { type: string; content: unknown }[] }>(
            threadId,
            joined.run_id,
          ),
          detail: useRun(threadId, cancelled.run_id, { pollIntervalMs: false }),
          cancel: useCancel(),
        }),
        harness,
      );
      await waitFor(() => expect(joins()).toHaveLength(1));
      await first.open();
      await waitFor(() => expect(result.current.join.isSuccess).toBe(true), { timeout: 10_000 });
      expect(lastAiText(result.current.join.data!.messages)).toBe(`Gate ${first.name} opened.`);
      // The queued run starts once the joined one is done, and waits at the second gate.
      await waitFor(async () =>
        expect((await harness.client.runs.get(threadId, cancelled.run_id)).status).toBe("running"),
      );
      act(() => result.current.cancel.cancel(threadId, cancelled.run_id));
      await waitFor(() => expect(result.current.cancel.isSuccess).toBe(true), { timeout: 10_000 });
      // The cancelled run's detail is fresh; the joined run was not joined again.
      await waitFor(() => expect(result.current.detail.data?.status).toBe("interrupted"));
      expect(joins()).toHaveLength(1);
      await second.open();
    },
  );

  // A join still waiting must be left alone too: invalidating it does not send another request
  // (TanStack dedupes a fetch without data), but the cancel would then wait for the join's
  // refetch, that is for the other run to end, before it settles.
  it.each([
    {
      hook: "useCancelRuns",
      useCancel: () => {
        const { mutate, isSuccess } = useCancelRuns();
        const cancel = (threadId: string, runId: string) => mutate({ threadId, runIds: [runId] });
        return { cancel, isSuccess };
      },
    },
    {
      hook: "useCancelRun",
      useCancel: () => {
        const { mutate, isSuccess } = useCancelRun();
        const cancel = (threadId: string, runId: string) => mutate({ threadId, runId });
        return { cancel, isSuccess };
      },
    },
  ])(
    "$hook cancelling another run of the thread leaves a waiting useJoinRun alone",
    async ({ useCancel }) => {
      /** The signal of every join request sent: a restarted join aborts the first one. */
      const joins: (AbortSignal | null | undefined)[] = [];
      const harness = runsHarness({
        fetch: (input, init) => {
          if ((init.method ?? "GET") === "GET" && new URL(input).pathname.endsWith("/join"))
            joins.push(init.signal);
          return fetch(input, init);
        },
      });
      const held = newGate("joined");
      const queued = newGate("queued");
      // Even a failed test lets its runs end (both gates open once it is over).
      onTestFinished(() => Promise.all([held.open(), queued.open()]).then(() => undefined));
      const threadId = (await harness.client.threads.create()).thread_id;
      const joined = await harness.client.runs.create(threadId, "agent", {
        input: humanInput(held.command),
      });
      // Queued behind the held run: still pending when it is cancelled.
      const cancelled = await harness.client.runs.create(threadId, "agent", {
        input: humanInput(queued.command),
        multitaskStrategy: "enqueue",
      });
      const { result } = renderHookWithRuns(
        () => ({
          join: useJoinRun<{ messages: { type: string; content: unknown }[] }>(
            threadId,
            joined.run_id,
          ),
          detail: useRun(threadId, cancelled.run_id, { pollIntervalMs: false }),
          cancel: useCancel(),
        }),
        harness,
      );
      await waitFor(() => expect(joins).toHaveLength(1));
      await waitFor(() => expect(result.current.detail.data?.status).toBe("pending"));

      act(() => result.current.cancel.cancel(threadId, cancelled.run_id));
      // The cancel settles while the joined run is still held at its gate.
      await waitFor(() => expect(result.current.cancel.isSuccess).toBe(true), { timeout: 10_000 });
      // The thread's queries were refreshed (the cancelled run's detail is); the join was not.
      await waitFor(() => expect(result.current.detail.data?.status).toBe("interrupted"));
      expect(result.current.join.isPending).toBe(true);
      expect(joins).toHaveLength(1);
      expect(joins[0]?.aborted).toBe(false);

      await held.open();
      await waitFor(() => expect(result.current.join.isSuccess).toBe(true), { timeout: 10_000 });
      expect(lastAiText(result.current.join.data!.messages)).toBe(`Gate ${held.name} opened.`);
      expect(joins).toHaveLength(1);
    },
  );

  it("useDeleteRun removes the run from cached lists at once, and for good", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    await harness.client.runs.wait(threadId, "agent", { input: humanInput("keep") });
    await harness.client.runs.wait(threadId, "agent", { input: humanInput("drop") });
    const { result } = renderHookWithRuns(
      () => ({
        list: useRunsList(threadId, {}, { liveIntervalMs: false }),
        remove: useDeleteRun(),
      }),
      harness,
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
    const victim = result.current.list.data![1]!.run_id;
    act(() => result.current.remove.mutate({ threadId, runId: victim }));
    await waitFor(() =>
      expect(result.current.list.data?.map((r) => r.run_id)).not.toContain(victim),
    );
    await waitFor(() => expect(result.current.remove.isSuccess).toBe(true));
    expect((await harness.client.runs.list(threadId)).map((r) => r.run_id)).not.toContain(victim);
  });

  it("useDeleteRun puts the run back when the server refuses", async () => {
    const harness = runsHarness();
    const threadId = (await harness.client.threads.create()).thread_id;
    const fake = { run_id: "not-a-uuid", thread_id: threadId, status: "success" } as Run;
    harness.queryClient.setQueryData(runKeys.list(threadId, {}), [fake]);
    const { result } = renderHookWithRuns(() => useDeleteRun(), harness);
    const error = await act(() =>
      result.current.mutateAsync({ threadId, runId: fake.run_id }).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(RunsClientError);
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(harness.queryClient.getQueryData(runKeys.list(threadId, {}))).toEqual([fake]);
  });
});

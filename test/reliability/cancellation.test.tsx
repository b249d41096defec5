// @vitest-environment jsdom
/**
 * Abort storms and cancel races through the hooks, against the real Agent Server: rapid
 * submit/stop/unmount cycles leave no open connection, no unhandled rejection, no React warning
 * and no run that never ends; stops and cancels that race each other or a new submit end the
 * way the docs say.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  createClient,
  FINAL_RUN_STATUSES,
  type FetchLike,
  type MultitaskStrategy,
  type Run,
  type RunStatus,
} from "../../src/client";
import { useRunStream } from "../../src/hooks";
import { agentServerUrl } from "../support/agentServer";
import { startFaultProxy, type FaultProxy } from "../support/faultProxy";
import { newGate } from "../support/gates";
import { delay, harness, human, newFigures, reportFigures, until, useProbe } from "./support";

const figures = newFigures();
const direct = createClient({ apiUrl: agentServerUrl() });
let proxy: FaultProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(() => reportFigures("cancellation", figures));

/** A fetch that remembers the signal of every stream request (to check each was closed). */
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

async function createThreads(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, () => direct.threads.create()),
    );
    ids.push(...batch.map((t) => t.thread_id));
  }
  return ids;
}

/** Every run on the threads, once all of them are final (polled, bounded by `timeoutMs`). */
async function allRunsFinal(threadIds: string[], timeoutMs = 30_000): Promise<Run[]> {
  let runs: Run[] = [];
  await until(
    async () => {
      runs = (await Promise.all(threadIds.map((t) => direct.runs.list(t, { limit: 100 })))).flat();
      return runs.every((run) => FINAL_RUN_STATUSES.has(run.status));
    },
    { timeoutMs, everyMs: 250, what: "every run to reach a final status" },
  );
  return runs;
}

describe("abort storm: 100 rapid submit/stop/unmount cycles with useRunStream", () => {
  it("leaves no open connection, no unhandled rejection, no React warning, and every run final", async () => {
    const CYCLES = 100;
    const variants = [
      "submit, stop while the run id is unknown, unmount before it is known",
      "submit, stop once the run id is known, unmount",
      "submit, unmount once the stream is open (the run goes on)",
      "submit, submit again (interrupt), stop, unmount",
      "submit, unmount at once",
    ];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const consoleError = vi.spyOn(console, "error");
    try {
      const threadIds = await createThreads(CYCLES);
      const variantOf = (threadId: string) => threadIds.indexOf(threadId) % variants.length;
      // Variant 0 keeps the run id unknown for a while: the proxy holds the stream's headers.
      proxy = await startFaultProxy(agentServerUrl(), (req) => {
        const thread = /^\/threads\/([^/]+)\/runs\/stream/.exec(req.url ?? "")?.[1];
        // Long enough that the test sees the POST go out and the id still unknown on a loaded
        // machine; well inside the held stop's wait (HELD_STOP_MS, 10 s).
        return thread && variantOf(thread) === 0 ? { delayResponseMs: 2_000 } : undefined;
      });
      const postsFor = (threadId: string) =>
        proxy!.requests.filter(
          (r) => r.method === "POST" && r.url.includes(`${threadId}/runs/stream`),
        ).length;
      const tracking = trackingFetch();
      const h = harness({ apiUrl: proxy.url, fetch: tracking.fetch });
      const settled: Promise<unknown>[] = [];

      for (let i = 0; i < CYCLES; i++) {
        const variant = i % variants.length;
        const threadId = threadIds[i]!;
        const { result, unmount } = renderHook(
          () => useRunStream({ assistantId: "agent", threadId, loadThreadState: false }),
          { wrapper: h.wrapper },
        );
        // A run the cycle stops waits at a gate nobody opens, so it is certainly still going
        // when the stop reaches the server, however loaded the machine; the others end alone.
        const stopped = variant === 0 || variant === 1 || variant === 3;
        const command = () => (stopped ? newGate("storm").command : "/slow 800");
        act(() => {
          settled.push(result.current.submit(human(command())));
          if (variant === 0) settled.push(result.current.stop());
        });
        if (variant === 1 || variant === 3) {
          await waitFor(() => expect(result.current.runId).toBeTruthy());
        }
        if (variant === 1) act(() => void settled.push(result.current.stop()));
        if (variant === 3) {
          act(() => {
            settled.push(
              result.current.submit(human(command()), { multitaskStrategy: "interrupt" }),
            );
            settled.push(result.current.stop());
          });
        }
        if (variant === 0) {
          await until(() => postsFor(threadId) > 0, { timeoutMs: 20_000, what: "the POST" });
          expect(result.current.runId).toBeNull();
        }
        if (variant === 2) {
          await waitFor(() => expect(result.current.connection.state).toBe("open"));
        }
        unmount();
      }

      // Every submit and stop settles (none rejects), within a bound.
      const outcomes = await Promise.race([
        Promise.allSettled(settled),
        delay(30_000).then(() => "timeout" as const),
      ]);
      expect(outcomes).not.toBe("timeout");
      const rejected = (outcomes as PromiseSettledResult<unknown>[]).filter(
        (o) => o.status === "rejected",
      );
      expect(rejected).toEqual([]);

      // No open connection: every stream request's signal was aborted, and the proxy has no
      // response in flight.
      expect(tracking.streamSignals.length).toBeGreaterThanOrEqual(CYCLES);
      await until(() => tracking.streamSignals.every((s) => s.aborted), {
        timeoutMs: 20_000,
        what: "every stream request to be closed",
      });
      await until(() => proxy!.openResponses() === 0, {
        timeoutMs: 20_000,
        what: "the proxy to have no response in flight",
      });

      // Every run the storm started reaches a final status.
      const runs = await allRunsFinal(threadIds);
      expect(runs.length).toBeGreaterThanOrEqual(CYCLES * 0.5);
      const byVariant = variants.map(() => ({}) as Partial<Record<RunStatus, number>>);
      for (const run of runs) {
        const counts = byVariant[variantOf(run.thread_id)]!;
        counts[run.status] = (counts[run.status] ?? 0) + 1;
      }
      console.info(
        byVariant.map((counts, v) => `  ${variants[v]}: ${JSON.stringify(counts)}`).join("\n"),
      );

      // Each variant ends the way the docs say: a stop is delivered even when the component
      // unmounts before the run id is known; an unmount alone leaves the run going.
      expect(byVariant[0]).toEqual({ interrupted: CYCLES / variants.length });
      expect(byVariant[1]).toEqual({ interrupted: CYCLES / variants.length });
      expect(byVariant[2]).toEqual({ success: CYCLES / variants.length });
      expect(byVariant[3]).toEqual({ interrupted: (2 * CYCLES) / variants.length });

      await delay(50);
      expect(unhandled).toEqual([]);
      expect(consoleError).not.toHaveBeenCalled();
      figures.casesTried += CYCLES;
      figures.notes.push(
        `abort storm: ${CYCLES} cycles, ${tracking.streamSignals.length} stream requests all closed, ${runs.length} runs final`,
      );
    } finally {
      process.off("unhandledRejection", onUnhandled);
      consoleError.mockRestore();
    }
  }, 90_000);
});

/** The run's status on the server, or "deleted" when it is gone. */
async function serverStatus(threadId: string, runId: string): Promise<RunStatus | "deleted"> {
  try {
    return (await direct.runs.get(threadId, runId)).status;
  } catch (error) {
    if ((error as { kind?: string }).kind === "not_found") return "deleted";
    throw error;
  }
}

async function finalServerStatus(threadId: string, runId: string): Promise<RunStatus | "deleted"> {
  let status: RunStatus | "deleted" = "pending";
  await until(
    async () => {
      status = await serverStatus(threadId, runId);
      return status === "deleted" || FINAL_RUN_STATUSES.has(status);
    },
    { timeoutMs: 10_000, everyMs: 100, what: `run ${runId} to end` },
  );
  return status;
}

describe("cancel races (useRunStream against the real server)", () => {
  it("stop before the run id is known is held, then sent once for that run", async () => {
    proxy = await startFaultProxy(agentServerUrl(), (req) =>
      req.method === "POST" && req.url?.endsWith("/runs/stream")
        ? { delayResponseMs: 400 }
        : undefined,
    );
    const h = harness({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
      wrapper: h.wrapper,
    });
    let done!: Promise<void>;
    let stopped!: Promise<void>;
    act(() => {
      done = result.current.submit(human("/slow 20000"));
      stopped = result.current.stop();
    });
    await act(() => stopped);
    expect(result.current.runId).toBeNull();
    expect(result.current.cancelling).toBe(true);
    await act(() => done);
    const runId = result.current.runId!;
    expect(result.current.status).toBe("interrupted");
    expect(result.current.error).toBeNull();
    const cancels = proxy.requests.filter((r) => r.url.includes("/cancel"));
    expect(cancels.map((r) => r.url.split("?")[0])).toEqual([
      `/threads/${threadId}/runs/${runId}/cancel`,
    ]);
    expect(await serverStatus(threadId, runId)).toBe("interrupted");
    figures.casesTried += 1;
    unmount();
  });

  it("stop right after a new submit stops the new run, not the session's previous one", async () => {
    proxy = await startFaultProxy(agentServerUrl(), () => undefined);
    const h = harness({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
      wrapper: h.wrapper,
    });
    await act(() => result.current.submit(human("first")));
    const previous = result.current.runId!;
    let done!: Promise<void>;
    act(() => {
      done = result.current.submit(human("/slow 20000"));
      void result.current.stop();
    });
    await act(() => done);
    const runId = result.current.runId!;
    expect(runId).not.toBe(previous);
    expect(result.current.status).toBe("interrupted");
    const cancels = proxy.requests.filter((r) => r.url.includes("/cancel"));
    expect(cancels.map((r) => r.url.split("?")[0])).toEqual([
      `/threads/${threadId}/runs/${runId}/cancel`,
    ]);
    expect(await serverStatus(threadId, runId)).toBe("interrupted");
    figures.casesTried += 1;
    unmount();
  });

  it("stop mid-answer, then a new submit: the stopped run's partial answer does not end up below the new reply", async () => {
    const h = harness();
    const threadId = (await direct.threads.create()).thread_id;
    const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
      wrapper: h.wrapper,
    });
    let done!: Promise<void>;
    act(() => void (done = result.current.submit(human("/tokens 100000"))));
    await waitFor(() => expect(result.current.messages.some((m) => m.type === "ai")).toBe(true));
    await act(() => result.current.stop());
    await act(() => done);
    expect(result.current.status).toBe("interrupted");
    // The partial answer stays visible while nothing else happens.
    expect(result.current.messages.at(-1)?.type).toBe("ai");
    await act(() => result.current.submit(human("next")));
    expect(result.current.status).toBe("success");
    const shape = (m: { id?: string; type: string; content: unknown }) => [m.id, m.type, m.content];
    const state = await direct.threads.getState<{
      messages: { id: string; type: string; content: unknown }[];
    }>(threadId);
    expect(result.current.messages.map(shape)).toEqual(state.values.messages.map(shape));
    expect(result.current.messages.at(-1)?.content).toBe("You said: next");
    figures.casesTried += 1;
    unmount();
  });

  it("cancel of an already finished run: the hook sends nothing, the client call succeeds quietly", async () => {
    proxy = await startFaultProxy(agentServerUrl(), () => undefined);
    const h = harness({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
      wrapper: h.wrapper,
    });
    await act(() => result.current.submit(human("done already")));
    expect(result.current.status).toBe("success");
    const runId = result.current.runId!;
    await act(() => result.current.stop());
    expect(proxy.requests.filter((r) => r.url.includes("/cancel"))).toEqual([]);
    expect(result.current.status).toBe("success");
    expect(result.current.cancelling).toBe(false);
    expect(result.current.error).toBeNull();
    // The JS server accepts a cancel of a finished run and changes nothing.
    await expect(h.client.runs.cancel(threadId, runId)).resolves.toBeUndefined();
    await expect(h.client.runs.cancel(threadId, runId, true, "rollback")).resolves.toBeUndefined();
    expect(await serverStatus(threadId, runId)).toBe("success");
    figures.casesTried += 3;
    unmount();
  });

  it("two stops at once, and two client cancels at once, both succeed and the run ends interrupted", async () => {
    const h = harness();
    const threadId = (await direct.threads.create()).thread_id;
    const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
      wrapper: h.wrapper,
    });
    let done!: Promise<void>;
    act(() => void (done = result.current.submit(human("/slow 20000"))));
    await waitFor(() => expect(result.current.runId).toBeTruthy());
    await act(() => Promise.all([result.current.stop(), result.current.stop()]));
    await act(() => done);
    expect(result.current.status).toBe("interrupted");
    expect(result.current.error).toBeNull();
    expect(result.current.cancelling).toBe(false);

    const run = await h.client.runs.create(threadId, "agent", { input: human("/slow 20000") });
    await expect(
      Promise.all([
        h.client.runs.cancel(threadId, run.run_id),
        h.client.runs.cancel(threadId, run.run_id, true),
      ]),
    ).resolves.toEqual([undefined, undefined]);
    expect(await finalServerStatus(threadId, run.run_id)).toBe("interrupted");
    figures.casesTried += 2;
    unmount();
  });

  const strategies: {
    strategy: MultitaskStrategy;
    expected: string;
    firstRun: (RunStatus | "deleted")[];
  }[] = [
    {
      strategy: "reject",
      expected: "a busy error (422) while the first run is still going, else success",
      firstRun: ["interrupted"],
    },
    { strategy: "interrupt", expected: "success", firstRun: ["interrupted"] },
    // JS server: a running run is aborted (error) or deleted; the cancel may get there first.
    { strategy: "rollback", expected: "success", firstRun: ["interrupted", "error", "deleted"] },
    {
      strategy: "enqueue",
      expected: "success, after the first run stopped",
      firstRun: ["interrupted"],
    },
  ];

  it.each(strategies)(
    "stop then an immediate new submit with multitaskStrategy $strategy: $expected",
    async ({ strategy, firstRun }) => {
      const h = harness();
      const threadId = (await direct.threads.create()).thread_id;
      const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
        wrapper: h.wrapper,
      });
      act(() => void result.current.submit(human("/slow 20000")));
      await waitFor(() => expect(result.current.runId).toBeTruthy());
      await waitFor(async () =>
        expect(await serverStatus(threadId, result.current.runId!)).toBe("running"),
      );
      const first = result.current.runId!;
      let next!: Promise<void>;
      act(() => {
        void result.current.stop();
        next = result.current.submit(human(`next ${strategy}`), { multitaskStrategy: strategy });
      });
      await act(() => next);
      const outcome = result.current;
      if (strategy === "reject" && outcome.status === "error") {
        expect(outcome.error).toMatchObject({ kind: "busy", status: 422 });
        expect(outcome.connection.state).toBe("failed");
      } else {
        expect(outcome.error).toBeNull();
        expect(outcome.status).toBe("success");
        expect(outcome.runId).not.toBe(first);
        expect(outcome.messages.at(-1)?.content).toBe(`You said: next ${strategy}`);
        // Nothing of the first run reached the new run's state.
        expect(outcome.lastCustom).toEqual({ type: "progress", step: "reply" });
      }
      expect(firstRun).toContain(await finalServerStatus(threadId, first));
      figures.casesTried += 1;
      figures.notes.push(
        `stop + submit (${strategy}): ${outcome.status}${outcome.error ? ` ${outcome.error.kind}` : ""}`,
      );

      // The hook is usable afterwards either way.
      await act(() => result.current.submit(human("and again")));
      expect(result.current.status).toBe("success");
      unmount();
    },
  );

  it("stop before the run id is known, then a new submit at once: the held stop still reaches the first run", async () => {
    proxy = await startFaultProxy(agentServerUrl(), (req) =>
      req.method === "POST" && req.url?.endsWith("/runs/stream")
        ? { delayResponseMs: 300 }
        : undefined,
    );
    const h = harness({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
      wrapper: h.wrapper,
    });
    let next!: Promise<void>;
    act(() => void result.current.submit(human("/slow 20000")));
    await until(() => proxy!.requests.some((r) => r.method === "POST"), { what: "the first POST" });
    act(() => {
      void result.current.stop();
      next = result.current.submit(human("second"), { multitaskStrategy: "enqueue" });
    });
    await act(() => next);
    expect(result.current.status).toBe("success");
    expect(result.current.messages.at(-1)?.content).toBe("You said: second");
    const runs = await direct.runs.list(threadId);
    const first = runs.find((r) => r.run_id !== result.current.runId)!;
    // Without the held stop the first run would still be running its 20 s.
    expect(await finalServerStatus(threadId, first.run_id)).toBe("interrupted");
    const cancels = proxy.requests.filter((r) => r.url.includes("/cancel"));
    expect(cancels.map((r) => r.url.split("?")[0])).toEqual([
      `/threads/${threadId}/runs/${first.run_id}/cancel`,
    ]);
    figures.casesTried += 1;
    unmount();
  });
});

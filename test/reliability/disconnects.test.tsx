// @vitest-environment jsdom
/**
 * Faults on the wire, through the hooks, against the real Agent Server: random cuts at byte
 * offsets (seeded), stalls, and a server restart in the middle of a run. The fault proxy sits
 * between the hook's client and the server because a real server cannot drop a connection on cue.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createClient, type StreamEvent } from "../../src/client";
import { eventLogToArray } from "../../src/store/EventLog";
import { startAgentServer } from "../../devserver/startAgentServer.mjs";
import { agentServerUrl, collect } from "../support/agentServer";
import { startFaultProxy, type FaultProxy } from "../support/faultProxy";
import { newGate } from "../support/gates";
import {
  harness,
  human,
  mulberry32,
  newFigures,
  randomInt,
  recordConnectionStates,
  reportFigures,
  suiteSeed,
  useProbe,
} from "./support";

const figures = newFigures();
const direct = createClient({ apiUrl: agentServerUrl() });
let proxy: FaultProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(() => reportFigures("disconnects", figures));

/** What a v2 event must keep across a reconnect: its id, name and data, exactly. */
function signature(event: Pick<StreamEvent, "id" | "event" | "data" | "interrupts">): string {
  return JSON.stringify([event.id, event.event, event.data, event.interrupts]);
}

describe("random disconnects through useRunStream (fault proxy, seeded)", () => {
  /**
   * One run streams 4,000 message tokens (~1 KB per event: the message assembly is checked under
   * cuts); four stream 6,000 custom events (~60 B each: many events per byte, so many cuts land
   * mid-frame). Each run gets ten cuts at offsets that always fall inside what is left of it.
   */
  const PLANS = [
    { command: "/tokens 4000", maxOffset: 300_000 },
    { command: "/custom 6000", maxOffset: 25_000 },
    { command: "/custom 6000", maxOffset: 25_000 },
    { command: "/custom 6000", maxOffset: 25_000 },
    { command: "/custom 6000", maxOffset: 25_000 },
  ];
  const RUNS = PLANS.length;
  const CUTS_PER_RUN = 10;

  it(`${RUNS * CUTS_PER_RUN} cuts at random byte offsets over ≥ 20,000 events: nothing lost, nothing repeated`, async () => {
    const seed = suiteSeed();
    console.info(
      `[reliability] random disconnects: seed ${seed} (RELIABILITY_SEED=${seed} reproduces it)`,
    );
    const random = mulberry32(seed);
    const threadIds = await Promise.all(
      Array.from({ length: RUNS }, async () => (await direct.threads.create()).thread_id),
    );
    // Offsets are drawn in a fixed order per run, so one seed gives the same cuts every time.
    const offsets = new Map(
      threadIds.map((t, i) => [
        t,
        Array.from({ length: CUTS_PER_RUN }, () => randomInt(random, 1, PLANS[i]!.maxOffset)),
      ]),
    );
    const threadOf = (url: string) => /^\/threads\/([^/]+)\//.exec(url)?.[1] ?? "";
    proxy = await startFaultProxy(agentServerUrl(), (req) => {
      const url = req.url ?? "";
      if (!url.includes("/stream")) return undefined;
      // The POST and every re-join of a run get the next cut until the run had its share.
      // Connections of one run follow each other, so the count of faults so far is exact.
      const thread = threadOf(url);
      const done = proxy!.requests.filter((r) => r.faulted && threadOf(r.url) === thread).length;
      const cutAfterBytes = offsets.get(thread)?.[done];
      return cutAfterBytes === undefined ? undefined : { cutAfterBytes };
    });
    const h = harness({ apiUrl: proxy.url, eventLogCap: 100_000 });
    const hooks = threadIds.map((threadId) =>
      renderHook(() => useProbe({ assistantId: "agent", threadId }), { wrapper: h.wrapper }),
    );
    // All runs at once: their waits (run pick-up, close delay, re-joins) overlap.
    await act(() =>
      Promise.all(
        hooks.map(({ result }, i) =>
          result.current.submit(human(PLANS[i]!.command), {
            reconnectBaseDelayMs: 5,
            maxReconnectAttempts: 8,
          }),
        ),
      ),
    );

    let checked = 0;
    let lost = 0;
    let duplicated = 0;
    for (const [i, threadId] of threadIds.entries()) {
      const session = hooks[i]!.result.current;
      expect(session.error).toBeNull();
      expect(session.status).toBe("success");
      expect(session.connection.state).toBe("closed");
      const cuts = proxy.requests.filter((r) => r.faulted && threadOf(r.url) === threadId);
      expect(cuts).toHaveLength(CUTS_PER_RUN);

      // The uninterrupted sequence of the same run, straight from the server.
      const whole = await collect(
        direct.runs.joinStream(threadId, session.runId!, {
          lastEventId: "-1",
          streamVersion: "v2",
        }),
      );
      const logged = eventLogToArray(session.events).map((entry) => entry.event);
      expect(session.events.dropped).toBe(0);
      const loggedIds = logged.map((e) => e.id);
      const seen = new Set(loggedIds);
      lost += whole.filter((e) => !seen.has(e.id)).length;
      duplicated += loggedIds.length - seen.size;
      expect(logged.map(signature)).toEqual(whole.map(signature));
      checked += logged.length;

      // Final values and messages equal the thread's final state.
      const state = await direct.threads.getState<{
        messages: { id: string; type: string; content: unknown }[];
      }>(threadId);
      expect(session.values).toEqual(state.values);
      const shape = (m: { id?: string; type: string; content: unknown }) => [
        m.id,
        m.type,
        m.content,
      ];
      expect(session.messages.map(shape)).toEqual(state.values.messages.map(shape));
      const expected = PLANS[i]!.command.startsWith("/tokens")
        ? Array.from({ length: 4_000 }, (_, k) => `t${k} `).join("")
        : "done";
      expect(session.messages.at(-1)?.content).toBe(expected);
    }
    for (const { unmount } of hooks) unmount();

    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(checked).toBeGreaterThanOrEqual(20_000);
    expect(proxy.faults).toBe(RUNS * CUTS_PER_RUN);
    figures.eventsChecked += checked;
    figures.cutsSurvived += proxy.faults;
    figures.lost += lost;
    figures.duplicated += duplicated;
    figures.notes.push(`random cuts: seed ${seed}, ${proxy.faults} cuts over ${checked} events`);
    console.info(
      `[reliability] random disconnects: ${checked} events checked, ${proxy.faults} cuts survived, lost ${lost}, duplicated ${duplicated}`,
    );
  }, 120_000);
});

describe("stalls: the idle watchdog re-joins a silent connection (fault proxy)", () => {
  it.each([
    { name: "mid-stream, after 20,000 bytes", stallAfterBytes: 20_000 },
    { name: "before the first byte of the body", stallAfterBytes: 0 },
  ])(
    "a stall $name: connection goes reconnecting then open, nothing lost",
    async ({ stallAfterBytes }) => {
      let streamRequests = 0;
      proxy = await startFaultProxy(agentServerUrl(), (req) =>
        req.url?.includes("/stream") && streamRequests++ === 0 ? { stallAfterBytes } : undefined,
      );
      const h = harness({ apiUrl: proxy.url });
      const threadId = (await direct.threads.create()).thread_id;
      const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
        wrapper: h.wrapper,
      });
      const recording = recordConnectionStates(result.current.store, result.current.id);
      await act(() =>
        result.current.submit(human("/tokens 600"), {
          // Long enough that a loaded machine's own pauses are no stall; the proxy's never ends.
          idleTimeoutMs: 5_000,
          reconnectBaseDelayMs: 10,
        }),
      );
      recording.stop();
      expect(result.current.status).toBe("success");
      expect(proxy.faults).toBe(1);
      // Exactly: idle → connecting → (open →) reconnecting 1 → open → closed. A loaded server
      // may add a stall of its own (a run pick-up slower than the idle timeout): the re-join
      // after the proxy's stall must still be followed by "open", and the session ends closed.
      const states = recording.states;
      expect(states.slice(0, 2)).toEqual(["idle", "connecting"]);
      expect(states.at(-1)).toBe("closed");
      const stallAt = states.indexOf("reconnecting 1");
      expect(stallAt).toBeGreaterThan(0);
      expect(states.slice(stallAt + 1)).toContain("open");
      if (stallAfterBytes > 0) expect(states.slice(0, stallAt)).toContain("open");
      if (!states.includes("reconnecting 2")) {
        expect(states).toEqual(
          stallAfterBytes === 0
            ? ["idle", "connecting", "reconnecting 1", "open", "closed"]
            : ["idle", "connecting", "open", "reconnecting 1", "open", "closed"],
        );
      }
      const whole = await collect(
        direct.runs.joinStream(threadId, result.current.runId!, {
          lastEventId: "-1",
          streamVersion: "v2",
        }),
      );
      const logged = eventLogToArray(result.current.events).map((entry) => entry.event);
      expect(logged.map(signature)).toEqual(whole.map(signature));
      figures.eventsChecked += logged.length;
      figures.cutsSurvived += 1;
      figures.notes.push(`stall after ${stallAfterBytes} B: ${recording.states.join(" → ")}`);
      unmount();
    },
  );
  it("an idle timeout shorter than the server's ~500 ms close delay still ends in success, not 'gave up'", async () => {
    const h = harness();
    const threadId = (await direct.threads.create()).thread_id;
    const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
      wrapper: h.wrapper,
    });
    await act(() =>
      result.current.submit(human("/tokens 50"), { idleTimeoutMs: 200, reconnectBaseDelayMs: 10 }),
    );
    expect(result.current.error).toBeNull();
    expect(result.current.status).toBe("success");
    expect(result.current.messages.at(-1)?.content).toBe(
      Array.from({ length: 50 }, (_, i) => `t${i} `).join(""),
    );
    const ids = eventLogToArray(result.current.events).map((entry) => Number(entry.event.id));
    expect(ids).toEqual(ids.map((_, i) => i));
    figures.casesTried += 1;
    unmount();
  });
});

describe("clean closes by a proxy (fault proxy)", () => {
  it("a proxy ending the replay of a finished run cleanly, mid-event: the hook's join still gets every event", async () => {
    const threadId = (await direct.threads.create()).thread_id;
    let runId = "";
    await collect(
      direct.runs.stream(threadId, "agent", {
        input: human("/tokens 1000"),
        streamMode: ["messages-tuple", "values"],
        streamResumable: true,
        onRunCreated: (meta) => (runId = meta.run_id),
      }),
    );
    const whole = await collect(
      direct.runs.joinStream(threadId, runId, { lastEventId: "-1", streamVersion: "v2" }),
    );
    // The run is over: a clean close cannot be told from the end by asking runs.get.
    let joins = 0;
    proxy = await startFaultProxy(agentServerUrl(), (req) =>
      req.url?.includes("/stream") && joins++ === 0 ? { closeAfterBytes: 300_001 } : undefined,
    );
    const h = harness({ apiUrl: proxy.url, eventLogCap: 10_000 });
    const { result, unmount } = renderHook(
      () => useProbe({ assistantId: "agent", threadId, loadThreadState: false }),
      { wrapper: h.wrapper },
    );
    await act(() => result.current.join(runId, { lastEventId: "-1" }));
    expect(proxy.faults).toBe(1);
    const logged = eventLogToArray(result.current.events).map((entry) => entry.event);
    expect(logged.length).toBe(whole.length);
    expect(logged.map(signature)).toEqual(whole.map(signature));
    expect(result.current.status).toBe("success");
    figures.eventsChecked += logged.length;
    figures.cutsSurvived += 1;
    unmount();
  });
});

describe("server restart mid-run (a separate Agent Server, stopped and started on the same port)", () => {
  it("the hook ends in a clear, typed error within a bounded time, never stuck running; the next submit works", async () => {
    const first = await startAgentServer();
    let second: Awaited<ReturnType<typeof startAgentServer>> | undefined;
    try {
      const h = harness({ apiUrl: first.url });
      const threadId = (await h.client.threads.create()).thread_id;
      const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
        wrapper: h.wrapper,
      });
      const recording = recordConnectionStates(result.current.store, result.current.id);
      // Held at a gate the restart wipes: the run is certainly going when the server stops.
      const gate = newGate("restart", first.url);
      let done!: Promise<void>;
      act(() => {
        done = result.current.submit(human(gate.command), { streamMode: ["custom", "values"] });
      });
      await waitFor(() =>
        expect(result.current.lastCustom).toEqual({ type: "gate", name: gate.name }),
      );
      const ticksBefore = result.current.events.total;
      const stoppedAt = Date.now();
      await first.stop();
      second = await startAgentServer({ port: first.port });
      await act(() => done);
      const settledAfter = Date.now() - stoppedAt;
      recording.stop();

      expect(result.current.status).toBe("error");
      expect(result.current.connection.state).toBe("failed");
      expect(result.current.isRunning).toBe(false);
      // The fresh server does not know the run: a typed not_found, or network when the server
      // was not back before the re-join attempts ran out.
      expect(["not_found", "network"]).toContain(result.current.error?.kind);
      expect(settledAfter).toBeLessThan(20_000);
      expect(recording.states).toContain("reconnecting 1");
      // What arrived before the restart is kept.
      expect(result.current.events.total).toBeGreaterThanOrEqual(ticksBefore);
      const kept = result.current.store.getSession(result.current.id);
      expect(kept?.counts.custom).toBe(1);
      figures.casesTried += 1;
      figures.notes.push(
        `restart: ${result.current.error?.kind} after ${settledAfter} ms (${recording.states.join(" → ")})`,
      );

      // The same hook works against the restarted server (the thread is made again by id).
      await act(() => result.current.submit(human("after restart"), { ifNotExists: "create" }));
      expect(result.current.status).toBe("success");
      expect(result.current.error).toBeNull();
      expect(result.current.messages.at(-1)?.content).toBe("You said: after restart");
      unmount();
    } finally {
      await second?.stop();
      await first.stop();
    }
  }, 60_000);
});

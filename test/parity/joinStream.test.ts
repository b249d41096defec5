import { afterEach, describe, expect, it } from "vitest";
import type { RunsClient } from "../../src/client";
import { agentServerUrl } from "../support/agentServer";
import { startFaultProxy, type FaultProxy } from "../support/faultProxy";
import { newGate } from "../support/gates";
import { eventNames, human, iterate, newThread, onTheWire, parityClients } from "./parityClients";

/**
 * A resumable run on a fresh thread, joined with `-1` right away: its whole log, live or
 * replayed. (Not `join`ed first: the JS server then sometimes hands a replay nothing.)
 */
async function finishedResumableRun(runs: RunsClient, text = "replay me") {
  const threadId = await newThread();
  const run = await runs.create(threadId, "agent", {
    input: human(text),
    streamMode: ["values", "custom"],
    streamResumable: true,
  });
  return { threadId, runId: run.run_id };
}

describe("parity: runs.joinStream, both clients against the same real server", () => {
  it("success: the same replay, one request each, cancel_on_disconnect=0 on the wire (items 6, 7)", async () => {
    const { ours, official, wire } = parityClients();
    const o = await finishedResumableRun(ours);
    const f = await finishedResumableRun(official as unknown as RunsClient);
    wire.ours.length = 0;
    wire.official.length = 0;
    const a = await iterate(ours.joinStream(o.threadId, o.runId, { lastEventId: "-1" }));
    const b = await iterate(official.joinStream(f.threadId, f.runId, { lastEventId: "-1" }));
    expect(a.end).toEqual(b.end);
    expect(eventNames(a.parts)).toEqual(eventNames(b.parts));
    expect(wire.official).toHaveLength(1);
    expect(wire.ours).toHaveLength(wire.official.length);
    const strip = (
      request: ReturnType<typeof onTheWire>,
      id: { threadId: string; runId: string },
    ) =>
      JSON.parse(
        JSON.stringify(request).replaceAll(id.threadId, "{t}").replaceAll(id.runId, "{r}"),
      ) as unknown;
    expect(strip(onTheWire(wire.ours[0]!), o)).toEqual(strip(onTheWire(wire.official[0]!), f));
    expect(wire.ours[0]!.url.searchParams.get("cancel_on_disconnect")).toBe("0");
  });

  it("an error run: the error event is yielded and the iteration ends normally (item 2)", async () => {
    const { ours, official } = parityClients();
    // Joined right after create (no `join` first): the run's whole log, live or replayed.
    const start = async (runs: RunsClient) => {
      const threadId = await newThread();
      const input = human("/error");
      const run = await runs.create(threadId, "agent", { input, streamResumable: true });
      return { threadId, runId: run.run_id };
    };
    const o = await start(ours);
    const f = await start(official as unknown as RunsClient);
    const a = await iterate(ours.joinStream(o.threadId, o.runId, { lastEventId: "-1" }));
    const b = await iterate(official.joinStream(f.threadId, f.runId, { lastEventId: "-1" }));
    expect(b.parts.at(-1)?.event).toBe("error");
    expect(b.end.ok).toBe(true);
    expect(a.end).toEqual(b.end);
    expect(eventNames(a.parts)).toEqual(eventNames(b.parts));
  });

  it("abort mid-stream: the for await ends quietly (item 4)", async () => {
    const { ours, official } = parityClients();
    const observe = async (runs: RunsClient) => {
      const gate = newGate("join-abort");
      const threadId = await newThread();
      const run = await runs.create(threadId, "agent", {
        input: human(gate.command),
        streamMode: ["custom"],
        streamResumable: true,
      });
      const controller = new AbortController();
      const result = await iterate(
        runs.joinStream(threadId, run.run_id, { lastEventId: "-1", signal: controller.signal }),
        (part) => {
          if (part.event === "custom") controller.abort();
        },
      );
      await gate.open();
      return result;
    };
    const a = await observe(ours);
    const b = await observe(official as unknown as RunsClient);
    expect(b.end.ok).toBe(true);
    expect(a.end).toEqual(b.end);
    expect(eventNames(a.parts)).toEqual(eventNames(b.parts));
  });

  it("not found: an unknown run is reported alike", async () => {
    const { ours, official } = parityClients();
    const threadId = await newThread();
    const missing = crypto.randomUUID();
    const a = await iterate(ours.joinStream(threadId, missing));
    const b = await iterate(official.joinStream(threadId, missing));
    expect(a.end.ok).toBe(b.end.ok);
    expect(eventNames(a.parts)).toEqual(eventNames(b.parts));
  });

  describe("a dropped connection", () => {
    let proxy: FaultProxy | undefined;
    afterEach(async () => proxy?.close());

    it("documented difference: ours re-joins from the last event id; the official client (no Location from the JS server) fails", async () => {
      const direct = parityClients();
      const o = await finishedResumableRun(direct.ours, "/tokens 40");
      const f = await finishedResumableRun(direct.official as unknown as RunsClient, "/tokens 40");
      const cut = new Set<string>();
      proxy = await startFaultProxy(agentServerUrl(), (request) => {
        if (!request.url?.includes("/stream") || cut.has(request.url)) return undefined;
        cut.add(request.url);
        return { cutAfterBytes: 400 };
      });
      const { ours, official } = parityClients(proxy.url);
      const full = await iterate(
        direct.ours.joinStream(o.threadId, o.runId, { lastEventId: "-1" }),
      );
      const a = await iterate(
        ours.joinStream(o.threadId, o.runId, { lastEventId: "-1", reconnectBaseDelayMs: 1 }),
      );
      const b = await iterate(official.joinStream(f.threadId, f.runId, { lastEventId: "-1" }));
      expect(a.end.ok).toBe(true);
      expect(a.parts.map((part) => part.id)).toEqual(full.parts.map((part) => part.id));
      expect(b.end.ok === false || b.parts.length < full.parts.length).toBe(true);
    });
  });
});

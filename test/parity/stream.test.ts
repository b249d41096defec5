import { afterEach, describe, expect, it } from "vitest";
import type { RunsClient } from "../../src/client";
import { agentServerUrl } from "../support/agentServer";
import { startFaultProxy, type FaultProxy } from "../support/faultProxy";
import { newGate } from "../support/gates";
import {
  eventNames,
  heldRun,
  httpPrefix,
  human,
  iterate,
  newThread,
  onTheWire,
  parityClients,
  withoutIds,
} from "./parityClients";

const STREAM_PAYLOAD = {
  input: human("hello parity"),
  streamMode: ["values", "custom"] as ("values" | "custom")[],
  config: { tags: ["parity"] },
  metadata: { from: "parity" },
};

describe("parity: runs.stream, both clients against the same real server", () => {
  it("success: the same parts in the same order, and the same request on the wire", async () => {
    const { ours, official, wire } = parityClients();
    const [t1, t2] = [await newThread(), await newThread()];
    const a = await iterate(ours.stream(t1, "agent", STREAM_PAYLOAD));
    const b = await iterate(official.stream(t2, "agent", STREAM_PAYLOAD));
    expect(a.end).toEqual({ ok: true, value: undefined });
    expect(b.end).toEqual({ ok: true, value: undefined });
    expect(eventNames(a.parts)).toEqual(eventNames(b.parts));
    expect(withoutIds(a.parts.at(-1)!.data)).toEqual(withoutIds(b.parts.at(-1)!.data));
    const [oursRequest, officialRequest] = [onTheWire(wire.ours[0]!), onTheWire(wire.official[0]!)];
    expect(oursRequest.path).toBe(`/threads/${t1}/runs/stream`);
    expect({ ...oursRequest, path: "" }).toEqual({ ...officialRequest, path: "" });
  });

  it("an error run: the error event is yielded and the iteration ends normally (item 2)", async () => {
    const { ours, official } = parityClients();
    const payload = { input: human("/error"), streamMode: ["values"] as "values"[] };
    const a = await iterate(ours.stream(await newThread(), "agent", payload));
    const b = await iterate(official.stream(await newThread(), "agent", payload));
    expect(b.end.ok).toBe(true);
    expect(a.end).toEqual(b.end);
    expect(eventNames(a.parts)).toEqual(eventNames(b.parts));
    expect(a.parts.at(-1)).toMatchObject({ event: "error", data: b.parts.at(-1)!.data });
  });

  it("raiseError: true (ours only) throws after yielding the error event", async () => {
    const { ours } = parityClients();
    const payload = { input: human("/error"), raiseError: true };
    const a = await iterate(ours.stream(await newThread(), "agent", payload));
    expect(a.parts.at(-1)?.event).toBe("error");
    expect(a.end).toMatchObject({ ok: false, message: expect.stringContaining("Deliberate") });
  });

  it("abort mid-stream: the for await ends quietly and nothing comes after the abort (item 4)", async () => {
    const { ours, official } = parityClients();
    const observe = async (client: RunsClient) => {
      const gate = newGate("abort");
      const controller = new AbortController();
      const result = await iterate(
        client.stream(await newThread(), "agent", {
          input: human(gate.command),
          streamMode: ["custom"],
          signal: controller.signal,
        }),
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
    expect(eventNames(a.parts)).toEqual(["metadata", "custom"]);
    expect(eventNames(a.parts)).toEqual(eventNames(b.parts));
  });

  it("not found: an unknown thread is refused the same way (status and HTTP prefix)", async () => {
    const { ours, official } = parityClients();
    const missing = crypto.randomUUID();
    const a = await iterate(ours.stream(missing, "agent", STREAM_PAYLOAD));
    const b = await iterate(official.stream(missing, "agent", STREAM_PAYLOAD));
    expect(b.end.ok).toBe(false);
    expect(a.parts).toEqual([]);
    expect(httpPrefix(a.end)).toBe(httpPrefix(b.end));
    expect(a.end).toMatchObject({ ok: false, status: (b.end as { status: number }).status });
  });

  it("busy: a thread held at a gate refuses a second run the same way", async () => {
    const held = await heldRun();
    try {
      const { ours, official } = parityClients();
      const a = await iterate(ours.stream(held.threadId, "agent", STREAM_PAYLOAD));
      const b = await iterate(official.stream(held.threadId, "agent", STREAM_PAYLOAD));
      expect(b.end.ok).toBe(false);
      expect(a.end).toMatchObject({
        ok: false,
        status: (b.end as { status: number }).status,
        message: expect.stringMatching(/^HTTP 4\d\d: /),
      });
      expect((a.end as { message: string }).message).toBe((b.end as { message: string }).message);
    } finally {
      await held.release();
    }
  });

  describe("a dropped connection (fault proxy cuts the stream)", () => {
    let proxy: FaultProxy | undefined;
    afterEach(async () => proxy?.close());

    it("documented difference: ours re-joins a resumable run and gets every event; the official client, without a Location header, fails", async () => {
      let cut = 0;
      proxy = await startFaultProxy(agentServerUrl(), (request) =>
        request.method === "POST" && request.url?.endsWith("/runs/stream") && cut++ < 2
          ? { cutAfterBytes: 600 }
          : undefined,
      );
      const { ours, official } = parityClients(proxy.url);
      const payload = {
        input: human("/tokens 40"),
        streamMode: ["custom", "values"] as ("custom" | "values")[],
        streamResumable: true,
        reconnectBaseDelayMs: 1,
      };
      const a = await iterate(ours.stream(await newThread(), "agent", payload));
      const b = await iterate(official.stream(await newThread(), "agent", payload));
      expect(a.end.ok).toBe(true);
      expect(a.parts.at(-1)?.event).toBe("values");
      // The official client sees the cut as an error (or, at best, a short stream).
      expect(b.end.ok === false || b.parts.length < a.parts.length).toBe(true);
    });
  });
});

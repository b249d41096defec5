import { afterEach, describe, expect, it } from "vitest";
import { createClient, type ReconnectInfo, type StreamPart } from "../../src/client";
import { agentServerUrl, collect, human, testClient } from "../support/agentServer";
import { startFaultProxy, type Fault, type FaultProxy } from "../support/faultProxy";

const direct = testClient();
let proxy: FaultProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** Each stream request (the POST, then every re-join) gets the next fault of the list. */
function faultsInOrder(faults: Fault[]): (req: { url?: string | undefined }) => Fault | undefined {
  let streamRequests = 0;
  return (req) => (req.url?.includes("/stream") ? faults[streamRequests++] : undefined);
}

/** The uninterrupted sequence of a finished resumable run, read straight from the server. */
async function replayWhole(threadId: string, runId: string): Promise<StreamPart[]> {
  return collect(direct.runs.joinStream(threadId, runId, { lastEventId: "-1" }));
}

/** Reads a stream until it ends or throws; keeps what arrived before the error. */
async function collectUntilError<T>(
  stream: AsyncIterable<T>,
): Promise<{ parts: T[]; error: unknown }> {
  const parts: T[] = [];
  try {
    for await (const part of stream) parts.push(part);
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

function signature(parts: StreamPart[]): string[] {
  return parts.map((p) => `${p.id}|${p.event}|${JSON.stringify(p.data)}`);
}

describe("resuming through a fault-injecting loopback proxy (the real server cannot drop a connection on cue)", () => {
  it("cuts at several byte offsets of a 2,000-token stream lose and repeat nothing", async () => {
    proxy = await startFaultProxy(
      agentServerUrl(),
      faultsInOrder([
        { cutAfterBytes: 3_000 },
        { cutAfterBytes: 40_123 },
        { cutAfterBytes: 90_007 },
        { cutAfterBytes: 151 },
      ]),
    );
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const reconnects: ReconnectInfo[] = [];
    let runId = "";
    const received = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 2000"),
        streamMode: ["messages-tuple", "values"],
        streamResumable: true,
        reconnectBaseDelayMs: 10,
        onRunCreated: (meta) => (runId = meta.run_id),
        onReconnect: (info) => reconnects.push(info),
      }),
    );
    expect(proxy.faults).toBe(4);
    expect(reconnects.map((r) => r.reason)).toEqual(["network", "network", "network", "network"]);
    const whole = await replayWhole(threadId, runId);
    expect(whole.length).toBeGreaterThanOrEqual(2_000);
    expect(signature(received)).toEqual(signature(whole));
    // Every re-join asked for what came after the last delivered event; the fifth followed the
    // server's own clean close (it sends no end marker) and found nothing more.
    const rejoins = proxy.requests.filter((r) => r.method === "GET" && r.url.includes("/stream"));
    expect(rejoins).toHaveLength(5);
    expect(rejoins.slice(0, 4).map((r) => r.headers["last-event-id"])).toEqual(
      reconnects.map((r) => r.lastEventId ?? "-1"),
    );
    expect(rejoins[4]!.headers["last-event-id"]).toBe(whole.at(-1)!.id);
  });

  it("a stall past the idle timeout re-joins and the sequence stays whole", async () => {
    proxy = await startFaultProxy(agentServerUrl(), faultsInOrder([{ stallAfterBytes: 20_000 }]));
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const reconnects: ReconnectInfo[] = [];
    let runId = "";
    const received = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 500"),
        streamMode: ["messages-tuple"],
        streamResumable: true,
        // Long enough that a loaded machine's own pauses are no stall; the proxy's never ends.
        idleTimeoutMs: 5_000,
        reconnectBaseDelayMs: 10,
        onRunCreated: (meta) => (runId = meta.run_id),
        onReconnect: (info) => reconnects.push(info),
      }),
    );
    expect(reconnects.map((r) => r.reason)).toEqual(["stall"]);
    expect(signature(received)).toEqual(signature(await replayWhole(threadId, runId)));
  });

  it("a clean close while the run is still running is checked with runs.get and re-joined", async () => {
    proxy = await startFaultProxy(agentServerUrl(), faultsInOrder([{ closeAfterBytes: 600 }]));
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const reconnects: ReconnectInfo[] = [];
    let runId = "";
    const received = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/slow 2000"),
        streamMode: ["custom", "values"],
        streamResumable: true,
        reconnectBaseDelayMs: 10,
        onRunCreated: (meta) => (runId = meta.run_id),
        onReconnect: (info) => reconnects.push(info),
      }),
    );
    expect(reconnects.map((r) => r.reason)).toEqual(["closed-early"]);
    expect(proxy.requests.some((r) => r.method === "GET" && /\/runs\/[^/]+$/.test(r.url))).toBe(
      true,
    );
    expect(signature(received)).toEqual(signature(await replayWhole(threadId, runId)));
    expect(received.filter((p) => p.event === "custom").length).toBeGreaterThanOrEqual(10);
  });

  it("a cut stream that is not resumable fails with a typed network error and does not re-join", async () => {
    // The JS server numbers the events of every thread stream; ids alone must not make the
    // client re-join a run whose queue was consumed (the re-join would have a gap).
    proxy = await startFaultProxy(agentServerUrl(), faultsInOrder([{ cutAfterBytes: 2_000 }]));
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const { parts, error } = await collectUntilError(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 500"),
        streamMode: ["messages-tuple"],
      }),
    );
    expect(error).toMatchObject({ kind: "network" });
    expect(String((error as Error).message)).toContain("not resumable");
    expect(parts.length).toBeGreaterThan(0);
    expect(parts[0]!.id).toBeDefined();
    expect(proxy.requests.filter((r) => r.url.includes("/stream"))).toHaveLength(1);
  });

  it("a non-resumable stream closed inside a frame fails instead of passing for the end", async () => {
    // Frame sizes of the deterministic graph repeat from run to run: find where the third frame
    // of a direct stream starts and close the proxied one in the middle of it.
    const probeThread = (await direct.threads.create()).thread_id;
    const raw = await fetch(`${agentServerUrl()}/threads/${probeThread}/runs/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        assistant_id: "agent",
        input: human("/tokens 20"),
        stream_mode: ["messages-tuple"],
      }),
    });
    const text = await raw.text();
    const frameStarts = [...text.matchAll(/\n\n/g)].map((m) => m.index + 2);
    const closeAfterBytes = new TextEncoder().encode(text.slice(0, frameStarts[1]! + 20)).length;

    proxy = await startFaultProxy(agentServerUrl(), faultsInOrder([{ closeAfterBytes }]));
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const { parts, error } = await collectUntilError(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 20"),
        streamMode: ["messages-tuple"],
      }),
    );
    expect(error).toMatchObject({ kind: "network" });
    expect(parts).toHaveLength(2);
  });

  it("gives up after maxReconnectAttempts when every re-join is cut", async () => {
    proxy = await startFaultProxy(agentServerUrl(), (req) =>
      req.url?.includes("/stream") ? { cutAfterBytes: 0 } : undefined,
    );
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const reconnects: ReconnectInfo[] = [];
    const error = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/slow 3000"),
        streamResumable: true,
        maxReconnectAttempts: 3,
        reconnectBaseDelayMs: 10,
        onReconnect: (info) => reconnects.push(info),
      }),
    ).catch((e: unknown) => e);
    expect(reconnects.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(error).toMatchObject({ kind: "network" });
    expect((error as Error).message).toContain("gave up after 3 attempts");
  });

  it("a re-joined joinStream keeps the stream modes it asked for", async () => {
    proxy = await startFaultProxy(agentServerUrl(), faultsInOrder([{ cutAfterBytes: 700 }]));
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const run = await direct.runs.create(threadId, "agent", {
      input: human("/slow 1000"),
      streamMode: ["custom", "values"],
      streamResumable: true,
    });
    const parts = await collect(
      client.runs.joinStream(threadId, run.run_id, {
        lastEventId: "-1",
        streamMode: ["custom"],
        reconnectBaseDelayMs: 10,
      }),
    );
    const joins = proxy.requests.filter((r) => r.url.includes("/stream"));
    expect(joins.length).toBeGreaterThanOrEqual(2);
    for (const join of joins) {
      expect(join.url).toContain("stream_mode=custom");
    }
    expect(parts.filter((p) => p.event === "custom")).toHaveLength(10);
  });

  it("a caller's .throw() ends the stream with that error and closes it, without a re-join", async () => {
    proxy = await startFaultProxy(agentServerUrl(), () => undefined);
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const stream = client.runs.stream(threadId, "agent", {
      input: human("/tokens 500"),
      streamMode: ["messages-tuple"],
      streamResumable: true,
    });
    for (let i = 0; i < 3; i++) expect((await stream.next()).done).toBe(false);
    const reason = new Error("the caller gave up");
    await expect(stream.throw(reason)).rejects.toBe(reason);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    const deadline = Date.now() + 5_000;
    while (proxy.openResponses() > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(proxy.openResponses()).toBe(0);
    expect(proxy.requests.filter((r) => r.url.includes("/stream"))).toHaveLength(1);
  });
});

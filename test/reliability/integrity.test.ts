/**
 * Stream integrity under faults the real Agent Server cannot produce on cue, injected by the
 * loopback fault proxy: clean closes at frame boundaries, response heads that never come,
 * run-status checks that fail or hang, cuts before a head. Each case once lost events, hung, or
 * turned a complete run into an error.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient, type ReconnectInfo, type StreamPart } from "../../src/client";
import { agentServerUrl, collect, human, testClient } from "../support/agentServer";
import { startFaultProxy, type Fault, type FaultProxy } from "../support/faultProxy";
import { newGate } from "../support/gates";

const direct = testClient();
let proxy: FaultProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** Each stream request (the POST or first join, then every re-join) gets the next fault. */
function streamFaults(
  faults: (Fault | undefined)[],
): (req: { url?: string | undefined }) => Fault | undefined {
  let streamRequests = 0;
  return (req) => (req.url?.includes("/stream") ? faults[streamRequests++] : undefined);
}

/** A run-status check: `GET /threads/{t}/runs/{r}` (not a stream, not a list). */
function isStatusCheck(req: { method?: string | undefined; url?: string | undefined }): boolean {
  return req.method === "GET" && /\/threads\/[^/]+\/runs\/[^/?]+$/.test(req.url ?? "");
}

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

async function replayWhole(threadId: string, runId: string): Promise<StreamPart[]> {
  return collect(direct.runs.joinStream(threadId, runId, { lastEventId: "-1" }));
}

const streamRequests = (p: FaultProxy) => p.requests.filter((r) => r.url.includes("/stream"));

describe("a clean close the server did not mark as the end (issue 12 item 1)", () => {
  it("a resumable stream closed between two frames after the run finished re-joins and loses nothing", async () => {
    proxy = await startFaultProxy(
      agentServerUrl(),
      streamFaults([{ closeAfterFrames: 18, afterUpstreamEnd: true }]),
    );
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    let runId = "";
    const received = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 400"),
        streamMode: ["messages-tuple"],
        streamResumable: true,
        reconnectBaseDelayMs: 10,
        onRunCreated: (meta) => (runId = meta.run_id),
      }),
    );
    expect(proxy.faults).toBe(1);
    const whole = await replayWhole(threadId, runId);
    expect(whole.length).toBeGreaterThan(400);
    expect(signature(received)).toEqual(signature(whole));
    // The re-join asked for what came after the 18th event.
    const rejoin = streamRequests(proxy)[1]!;
    expect(rejoin.headers["last-event-id"]).toBe(whole[17]!.id);
  });

  it("a non-resumable stream closed between frames while the run is running fails with a network error and keeps what arrived (item 3)", async () => {
    const gate = newGate("integrity");
    proxy = await startFaultProxy(agentServerUrl(), streamFaults([{ closeAfterFrames: 2 }]));
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    try {
      const { parts, error } = await collectUntilError(
        client.runs.stream(threadId, "agent", {
          input: human(gate.command),
          streamMode: ["custom"],
        }),
      );
      expect(error).toMatchObject({ kind: "network" });
      expect(parts.map((p) => p.event)).toEqual(["metadata", "custom"]);
    } finally {
      await gate.open();
    }
  });
});

describe("a response head that never comes (issue 12 item 2)", () => {
  it("the first POST ends with a typed timeout error instead of hanging", async () => {
    proxy = await startFaultProxy(agentServerUrl(), streamFaults([{ holdResponse: true }]));
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const { parts, error } = await collectUntilError(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 5"),
        streamResumable: true,
        idleTimeoutMs: 1000,
        headTimeoutMs: 500,
      }),
    );
    expect(parts).toEqual([]);
    expect(error).toMatchObject({ kind: "timeout" });
    expect(String((error as Error).message)).toContain("runs.stream");
  });

  it("a re-join whose head never comes is re-joined again and the sequence stays whole", async () => {
    proxy = await startFaultProxy(
      agentServerUrl(),
      streamFaults([{ cutAfterBytes: 3_000 }, { holdResponse: true }]),
    );
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    const reconnects: ReconnectInfo[] = [];
    let runId = "";
    const received = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 300"),
        streamMode: ["messages-tuple"],
        streamResumable: true,
        // Long enough for a real head on a loaded machine; the held one waits it out once.
        headTimeoutMs: 5_000,
        reconnectBaseDelayMs: 10,
        onRunCreated: (meta) => (runId = meta.run_id),
        onReconnect: (info) => reconnects.push(info),
      }),
    );
    expect(reconnects.slice(0, 2).map((r) => r.reason)).toEqual(["network", "stall"]);
    expect(signature(received)).toEqual(signature(await replayWhole(threadId, runId)));
  });

  it("a joinStream whose head never comes ends with a typed error when the run is not resumable", async () => {
    const gate = newGate("integrity");
    const threadId = (await direct.threads.create()).thread_id;
    const run = await direct.runs.create(threadId, "agent", { input: human(gate.command) });
    proxy = await startFaultProxy(agentServerUrl(), (req) =>
      req.url?.includes("/stream") ? { holdResponse: true } : undefined,
    );
    const client = createClient({ apiUrl: proxy.url });
    try {
      const { error } = await collectUntilError(
        client.runs.joinStream(threadId, run.run_id, {
          headTimeoutMs: 300,
          maxReconnectAttempts: 2,
          reconnectBaseDelayMs: 10,
        }),
      );
      // Every join (a GET, retried) waited out its head timeout, then the client gave up.
      expect(error).toMatchObject({ kind: "network", cause: { kind: "timeout" } });
      expect(String((error as Error).message)).toContain("gave up after 2 attempts");
    } finally {
      await gate.open();
    }
  });
});

describe("run-status checks that fail do not turn a complete run into an error (issue 12 item 4)", () => {
  it("every status check answering 503: the stream that got every event ends as complete", async () => {
    proxy = await startFaultProxy(agentServerUrl(), (req) =>
      isStatusCheck(req) ? { respond: { status: 503, body: "overloaded" } } : undefined,
    );
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    let runId = "";
    const { parts, error } = await collectUntilError(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 20"),
        streamMode: ["messages-tuple"],
        streamResumable: true,
        reconnectBaseDelayMs: 10,
        onRunCreated: (meta) => (runId = meta.run_id),
      }),
    );
    expect(error).toBeUndefined();
    expect(signature(parts)).toEqual(signature(await replayWhole(threadId, runId)));
  });

  it("status checks that never answer: the stream still ends as complete, within the status-check budget", async () => {
    proxy = await startFaultProxy(agentServerUrl(), (req) =>
      isStatusCheck(req) ? { holdResponse: true } : undefined,
    );
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    let runId = "";
    const { parts, error } = await collectUntilError(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 20"),
        streamMode: ["messages-tuple"],
        streamResumable: true,
        statusCheckTimeoutMs: 300,
        reconnectBaseDelayMs: 10,
        onRunCreated: (meta) => (runId = meta.run_id),
      }),
    );
    expect(error).toBeUndefined();
    expect(signature(parts)).toEqual(signature(await replayWhole(threadId, runId)));
  });
});

describe("joinStream's first request (issue 12 item 5, issue 11 items 7 and 9)", () => {
  async function finishedRun(): Promise<{ threadId: string; runId: string }> {
    const threadId = (await direct.threads.create()).thread_id;
    let runId = "";
    await collect(
      direct.runs.stream(threadId, "agent", {
        input: human("/tokens 50"),
        streamMode: ["messages-tuple"],
        streamResumable: true,
        onRunCreated: (meta) => (runId = meta.run_id),
      }),
    );
    return { threadId, runId };
  }

  it("a first GET cut before its head is retried and delivers the whole run", async () => {
    const run = await finishedRun();
    proxy = await startFaultProxy(agentServerUrl(), streamFaults([{ cutBeforeHead: true }]));
    const client = createClient({ apiUrl: proxy.url });
    const parts = await collect(
      client.runs.joinStream(run.threadId, run.runId, {
        lastEventId: "-1",
        reconnectBaseDelayMs: 10,
      }),
    );
    expect(proxy.faults).toBe(1);
    expect(signature(parts)).toEqual(signature(await replayWhole(run.threadId, run.runId)));
  });

  it("a first GET (no lastEventId) cut before its head is retried too", async () => {
    const gate = newGate("integrity");
    const threadId = (await direct.threads.create()).thread_id;
    const run = await direct.runs.create(threadId, "agent", {
      input: human(gate.command),
      streamMode: ["custom"],
    });
    proxy = await startFaultProxy(agentServerUrl(), streamFaults([{ cutBeforeHead: true }]));
    const client = createClient({ apiUrl: proxy.url });
    const stream = client.runs.joinStream(threadId, run.run_id, {
      streamMode: ["custom"],
      reconnectBaseDelayMs: 10,
    });
    // The retried join is open: let the run go on and read it to its end.
    const reading = collectUntilError(stream);
    await vi.waitFor(() => expect(streamRequests(proxy!)).toHaveLength(2), { timeout: 10_000 });
    await gate.open();
    const { error } = await reading;
    expect(error).toBeUndefined();
    expect(streamRequests(proxy)).toHaveLength(2);
    expect(streamRequests(proxy).every((r) => r.headers["last-event-id"] === undefined)).toBe(true);
  });

  it("with lastEventId and a clean end, joinStream makes one request, like the official client", async () => {
    const run = await finishedRun();
    proxy = await startFaultProxy(agentServerUrl(), () => undefined);
    const client = createClient({ apiUrl: proxy.url });
    const parts = await collect(
      client.runs.joinStream(run.threadId, run.runId, { lastEventId: "-1" }),
    );
    expect(parts.length).toBeGreaterThan(50);
    expect(proxy.requests.map((r) => `${r.method} ${r.url.split("?")[0]}`)).toEqual([
      `GET /threads/${run.threadId}/runs/${run.runId}/stream`,
    ]);
  });

  it("a re-join that fails with a programming error (fetch returning undefined) is not retried", async () => {
    const run = await finishedRun();
    proxy = await startFaultProxy(agentServerUrl(), streamFaults([{ cutAfterBytes: 500 }]));
    let calls = 0;
    const client = createClient({
      apiUrl: proxy.url,
      fetch: (input, init) => {
        calls += 1;
        return calls === 1 ? fetch(input, init) : (undefined as unknown as Promise<Response>);
      },
    });
    const { error } = await collectUntilError(
      client.runs.joinStream(run.threadId, run.runId, {
        lastEventId: "-1",
        reconnectBaseDelayMs: 10,
      }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(calls).toBe(2);
  });

  it("a Location header naming the run's stream makes a stream that drops before its first event resumable", async () => {
    proxy = await startFaultProxy(
      agentServerUrl(),
      streamFaults([
        {
          cutAfterBytes: 0,
          rewriteHeaders: (headers) => {
            const location = String(headers["content-location"]);
            const { "content-location": _dropped, ...rest } = headers;
            return { ...rest, location: `${location}/stream` };
          },
        },
      ]),
    );
    const client = createClient({ apiUrl: proxy.url });
    const threadId = (await direct.threads.create()).thread_id;
    let runId = "";
    const parts = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/tokens 30"),
        streamMode: ["messages-tuple"],
        streamResumable: true,
        reconnectBaseDelayMs: 10,
        onRunCreated: (meta) => (runId = meta.run_id),
      }),
    );
    expect(runId).not.toBe("");
    expect(streamRequests(proxy)[1]!.url).toContain(`/threads/${threadId}/runs/${runId}/stream`);
    expect(signature(parts)).toEqual(signature(await replayWhole(threadId, runId)));
  });
});

describe("in-band errors and aborts end the iteration like the official client (issue 11 items 2, 4)", () => {
  it("an error event is yielded and the iteration ends normally", async () => {
    const threadId = (await direct.threads.create()).thread_id;
    const { parts, error } = await collectUntilError(
      direct.runs.stream(threadId, "agent", { input: human("/error") }),
    );
    expect(error).toBeUndefined();
    expect(parts.at(-1)?.event).toBe("error");
  });

  it("raiseError: true throws a stream error after yielding the error event", async () => {
    const threadId = (await direct.threads.create()).thread_id;
    const { parts, error } = await collectUntilError(
      direct.runs.stream(threadId, "agent", { input: human("/error"), raiseError: true }),
    );
    expect(parts.at(-1)?.event).toBe("error");
    expect(error).toMatchObject({ kind: "stream" });
  });

  it("an abort mid-stream ends the for-await quietly; raiseAbort: true makes it an AbortError", async () => {
    const threadId = (await direct.threads.create()).thread_id;
    for (const raiseAbort of [false, true]) {
      const controller = new AbortController();
      const parts: StreamPart[] = [];
      let error: unknown;
      try {
        for await (const part of direct.runs.stream(threadId, "agent", {
          input: human("/tokens 500"),
          streamMode: ["messages-tuple"],
          signal: controller.signal,
          raiseAbort,
          multitaskStrategy: "enqueue",
        })) {
          parts.push(part);
          if (parts.length === 3) controller.abort();
        }
      } catch (caught) {
        error = caught;
      }
      expect(parts).toHaveLength(3);
      if (raiseAbort) expect(error).toMatchObject({ kind: "aborted", name: "AbortError" });
      else expect(error).toBeUndefined();
    }
  });
});

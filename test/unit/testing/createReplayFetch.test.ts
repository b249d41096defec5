// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createClient,
  isRunsClientError,
  type Run,
  type StreamEvent,
  type Thread,
} from "../../../src/client";
import {
  createReplayFetch,
  readTranscriptRun,
  type ReplayFetchOptions,
  type ReplayRequest,
  type Transcript,
} from "../../../src/testing";
import { transcripts, type TranscriptName } from "../../fixtures/transcripts";
import { collect } from "../../support/agentServer";
import { parseFramesV2 } from "./parseFrames";

const API_URL = "http://replay.local";

function replayClient(
  list: Transcript | Transcript[],
  options: ReplayFetchOptions = {},
): ReturnType<typeof createClient> {
  return createClient({ apiUrl: API_URL, fetch: createReplayFetch(list, options) });
}

/** Streams a transcript's run through the client (v2 events), as a hook would. */
function streamRun(
  client: ReturnType<typeof createClient>,
  transcript: Transcript,
  extra: { signal?: AbortSignal; raiseAbort?: boolean } = {},
): AsyncGenerator<StreamEvent, void> {
  const threadId = readTranscriptRun(transcript).threadId ?? null;
  return client.runs.stream(threadId, "agent", {
    input: null,
    streamVersion: "v2",
    raiseError: false,
    ...extra,
  });
}

/** A small transcript with chosen frame times. */
function timedTranscript(times: number[], name = "timed"): Transcript {
  return {
    version: 1,
    name,
    request: { method: "POST", path: "/threads/t-1/runs/stream", body: { assistant_id: "agent" } },
    response: {
      status: 200,
      headers: {
        "content-type": "text/event-stream",
        "content-location": "/threads/t-1/runs/r-1",
      },
    },
    frames: times.map((atMs, i) => ({
      atMs,
      text:
        i === 0
          ? `event: metadata\ndata: {"run_id":"r-1","attempt":1}\nid: 0\n\n`
          : `event: custom\ndata: {"i":${i}}\nid: ${i}\n\n`,
    })),
  };
}

const ALL_NAMES = Object.keys(transcripts) as TranscriptName[];

afterEach(() => {
  vi.useRealTimers();
});

describe("createReplayFetch: streaming a transcript through the client", () => {
  it.each(ALL_NAMES)("%s at speed 0 yields exactly the recorded events", async (name) => {
    const transcript = transcripts[name];
    const events = await collect(streamRun(replayClient(transcript), transcript));
    const expected = parseFramesV2(transcript);
    expect(expected.length).toBeGreaterThan(1);
    expect(events).toEqual(expected);
  });

  it.each<TranscriptName>(["chat-tokens", "subgraph", "tool-calls", "error-run"])(
    "%s split into single bytes yields the same events",
    async (name) => {
      const transcript = transcripts[name];
      const events = await collect(
        streamRun(replayClient(transcript, { chunking: "byte" }), transcript),
      );
      expect(events).toEqual(parseFramesV2(transcript));
    },
  );

  it("chunks of any size, cutting multi-byte characters, yield the same events", async () => {
    const transcript: Transcript = {
      ...timedTranscript([0, 0]),
      frames: [
        { atMs: 0, text: 'event: metadata\ndata: {"run_id":"r-1","attempt":1}\nid: 0\n\n' },
        { atMs: 0, text: 'event: custom\ndata: {"text":"✓ ünïcødé 🙂 日本"}\nid: 1\n\n' },
      ],
    };
    for (const chunking of [1, 2, 3, 7, 64]) {
      const events = await collect(streamRun(replayClient(transcript, { chunking }), transcript));
      expect(events).toEqual(parseFramesV2(transcript));
      expect(events[1]!.data).toEqual({ text: "✓ ünïcødé 🙂 日本" });
    }
  });

  it("the body arrives in the recorded chunks, or cut as asked", async () => {
    const transcript = transcripts["long-stream"];
    const threadId = readTranscriptRun(transcript).threadId!;
    const sizes = async (options: ReplayFetchOptions) => {
      const fetch = createReplayFetch(transcript, options);
      const response = await fetch(`${API_URL}/threads/${threadId}/runs/stream`, {
        method: "POST",
      });
      const reader = response.body!.getReader();
      const result: number[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return result;
        result.push(value.length);
      }
    };
    const encoder = new TextEncoder();
    const recorded = transcript.frames.map((frame) => encoder.encode(frame.text).length);
    expect(await sizes({})).toEqual(recorded);
    const cut = await sizes({ chunking: 4096 });
    expect(Math.max(...cut)).toBe(4096);
    expect(cut.reduce((a, b) => a + b, 0)).toBe(recorded.reduce((a, b) => a + b, 0));
  });

  it("answers with the recorded status and headers, Content-Location moved to the requested thread", async () => {
    const transcript = transcripts["chat-tokens"];
    const { runId } = readTranscriptRun(transcript);
    const fetch = createReplayFetch(transcript);
    const response = await fetch(`${API_URL}/threads/my-thread/runs/stream`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("content-location")).toBe(`/threads/my-thread/runs/${runId}`);
    await response.body!.cancel();

    const created: { run_id: string; thread_id?: string }[] = [];
    const client = replayClient(transcript);
    await collect(
      client.runs.stream("other-thread", "agent", { onRunCreated: (meta) => created.push(meta) }),
    );
    expect(created).toEqual([{ run_id: runId, thread_id: "other-thread" }]);
  });

  it("an error transcript ends with the error event, then (raiseError) the client's typed stream error", async () => {
    const transcript = transcripts["error-run"];
    const client = replayClient(transcript);
    const seen: string[] = [];
    const failure = await (async () => {
      const options = { streamVersion: "v2", raiseError: true } as const;
      for await (const event of client.runs.stream("t", "agent", options)) {
        seen.push(event.type);
      }
    })().catch((error: unknown) => error);
    expect(seen.at(-1)).toBe("error");
    expect(isRunsClientError(failure) && failure.kind).toBe("stream");
  });
});

describe("createReplayFetch: timing", () => {
  it("keeps the recorded timing at speed 1 (fake timers)", async () => {
    vi.useFakeTimers();
    const transcript = timedTranscript([0, 100, 250]);
    const fetch = createReplayFetch(transcript, { speed: 1 });
    const response = await fetch(`${API_URL}/threads/t-1/runs/stream`, { method: "POST" });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const received: string[] = [];
    let done = false;
    void (async () => {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        received.push(decoder.decode(chunk.value));
      }
      done = true;
    })();

    await vi.advanceTimersByTimeAsync(0);
    expect(received).toEqual([transcript.frames[0]!.text]);
    await vi.advanceTimersByTimeAsync(99);
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toEqual([transcript.frames[0]!.text, transcript.frames[1]!.text]);
    await vi.advanceTimersByTimeAsync(149);
    expect(received).toHaveLength(2);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toEqual(transcript.frames.map((frame) => frame.text));
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("plays n times faster at speed n, and delivers frames already due together", async () => {
    vi.useFakeTimers();
    const transcript = timedTranscript([0, 100, 100, 1000]);
    const client = replayClient(transcript, { speed: 10 });
    const events: StreamEvent[] = [];
    let finished = false;
    void (async () => {
      for await (const event of streamRun(client, transcript)) events.push(event);
      finished = true;
    })();

    await vi.advanceTimersByTimeAsync(9);
    expect(events.map((e) => e.id)).toEqual(["0"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events.map((e) => e.id)).toEqual(["0", "1", "2"]);
    await vi.advanceTimersByTimeAsync(89);
    expect(events).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(events.map((e) => e.id)).toEqual(["0", "1", "2", "3"]);
    // The stream closes; the client asks the replay for the run's status (success) and ends.
    await vi.advanceTimersByTimeAsync(0);
    expect(finished).toBe(true);
  });

  it("a recorded transcript streams its events in order over time", async () => {
    vi.useFakeTimers();
    const transcript = transcripts["long-stream"];
    const client = replayClient(transcript, { speed: 1 });
    const ids: number[] = [];
    void (async () => {
      for await (const event of streamRun(client, transcript)) ids.push(Number(event.id));
    })();
    const lastAt = transcript.frames.at(-1)!.atMs;
    const counts: number[] = [];
    const expected: number[] = [];
    for (let t = 50; t <= lastAt + 50; t += 50) {
      await vi.advanceTimersByTimeAsync(50);
      counts.push(ids.length);
      // Every event whose bytes had all arrived by then (frames cut events in two).
      const arrived = transcript.frames.filter((frame) => frame.atMs <= t);
      expected.push(parseFramesV2({ ...transcript, frames: arrived }).length);
    }
    expect(ids).toEqual(Array.from({ length: 2001 }, (_, i) => i));
    expect(counts).toEqual(expected);
    // Events arrived over several steps, not all at once.
    expect(new Set(counts).size).toBeGreaterThan(3);
  });

  it("rejects a negative speed and a bad chunking", () => {
    expect(() => createReplayFetch(transcripts["chat-tokens"], { speed: -1 })).toThrow(/speed/);
    expect(() => createReplayFetch(transcripts["chat-tokens"], { chunking: 0 })).toThrow(
      /chunking/,
    );
  });
});

describe("createReplayFetch: abort", () => {
  it("aborting mid-replay (raiseAbort) ends the stream at once with the typed aborted error and clears timers", async () => {
    vi.useFakeTimers();
    const transcript = timedTranscript([0, 1000, 60_000]);
    const controller = new AbortController();
    const client = replayClient(transcript, { speed: 1 });
    const events: StreamEvent[] = [];
    let failure: unknown;
    const consumed = (async () => {
      for await (const event of streamRun(client, transcript, {
        signal: controller.signal,
        raiseAbort: true,
      })) {
        events.push(event);
      }
    })().catch((error: unknown) => (failure = error));

    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toHaveLength(2);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    await consumed;
    expect(events).toHaveLength(2);
    expect(isRunsClientError(failure) && failure.kind).toBe("aborted");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("aborting at speed 0 stops a long replay within the next read", async () => {
    const transcript = transcripts["long-stream"];
    const controller = new AbortController();
    const client = replayClient(transcript);
    let seen = 0;
    const failure = await (async () => {
      for await (const _event of streamRun(client, transcript, {
        signal: controller.signal,
        raiseAbort: true,
      })) {
        seen += 1;
        if (seen === 5) controller.abort();
      }
    })().catch((error: unknown) => error);
    expect(isRunsClientError(failure) && failure.kind).toBe("aborted");
    expect(seen).toBeLessThan(40);
  });

  it("the body errors with an AbortError; a fetch with an aborted signal rejects", async () => {
    const transcript = timedTranscript([0, 5000]);
    const controller = new AbortController();
    const fetch = createReplayFetch(transcript, { speed: 1 });
    const response = await fetch(`${API_URL}/threads/t-1/runs/stream`, {
      method: "POST",
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    const pending = reader.read();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await expect(
      fetch(`${API_URL}/threads/t-1/runs/stream`, { method: "POST", signal: controller.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("createReplayFetch: routes", () => {
  it("serves matching transcripts in order, then starts over", async () => {
    const first = transcripts["interrupt-hitl"];
    const second = transcripts["interrupt-hitl-resume"];
    const client = replayClient([first, second]);
    const runIds: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const events = await collect(streamRun(client, first));
      runIds.push((events[0]!.data as { run_id: string }).run_id);
    }
    expect(runIds).toEqual([
      readTranscriptRun(first).runId,
      readTranscriptRun(second).runId,
      readTranscriptRun(first).runId,
    ]);
  });

  it("select picks the transcript, e.g. by the request body", async () => {
    const select = (request: ReplayRequest, candidates: readonly Transcript[]) => {
      const body = request.body as { command?: unknown };
      return candidates.find((t) => t.name.endsWith("-resume") === (body.command !== undefined));
    };
    const client = replayClient(
      [transcripts["interrupt-inbox-resume"], transcripts["interrupt-inbox"]],
      {
        select,
      },
    );
    const first = await collect(
      client.runs.stream("t", "agent", { input: {}, streamVersion: "v2" }),
    );
    const resumed = await collect(
      client.runs.stream("t", "agent", { command: { resume: "ok" }, streamVersion: "v2" }),
    );
    expect(first.some((event) => event.interrupts.length > 0)).toBe(true);
    expect(resumed.some((event) => event.interrupts.length > 0)).toBe(false);
  });

  it("onRequest sees every request with its parsed body", async () => {
    const requests: ReplayRequest[] = [];
    const client = replayClient(transcripts["chat-tokens"], {
      onRequest: (request) => requests.push(request),
    });
    await collect(
      client.runs.stream("t-9", "agent", {
        input: { messages: [] },
        streamMode: ["values"],
        streamVersion: "v2",
        streamResumable: true,
      }),
    );
    expect(requests[0]).toMatchObject({
      method: "POST",
      path: "/threads/t-9/runs/stream",
      route: "/threads/:id/runs/stream",
      body: { assistant_id: "agent", input: { messages: [] }, stream_mode: ["values"] },
    });
    expect(requests[0]!.headers["content-type"]).toBe("application/json");
    // After the clean close the client re-joined the resumable run from its last event, which
    // ended with nothing new: the run was complete.
    expect(requests.map((r) => `${r.method} ${r.route}`)).toEqual([
      "POST /threads/:id/runs/stream",
      "GET /threads/:id/runs/:id/stream",
    ]);
  });

  it("GET /threads/:id answers that thread, idle (read when a hook mounts on a thread)", async () => {
    const replay = createReplayFetch([]);
    const response = await replay("http://replay.local/threads/t%2F1");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ thread_id: "t/1", status: "idle", values: null });
  });

  it("POST /threads answers a thread with a fixed id (the transcripts' thread by default)", async () => {
    const transcript = transcripts["chat-tokens"];
    const client = replayClient(transcript);
    const a: Thread = await client.threads.create();
    const b: Thread = await client.threads.create();
    expect(a.thread_id).toBe(readTranscriptRun(transcript).threadId);
    expect(b.thread_id).toBe(a.thread_id);
    const fixed = replayClient(transcript, { threadId: "fixed" });
    expect((await fixed.threads.create()).thread_id).toBe("fixed");
    expect((await fixed.threads.create({ threadId: "mine" })).thread_id).toBe("mine");
  });

  it("GET run reports running during the replay, then the transcript's status; list shows it", async () => {
    vi.useFakeTimers();
    const transcript = timedTranscript([0, 100]);
    const client = replayClient([transcript, transcripts["error-run"]], { speed: 1 });
    const stream = streamRun(client, transcript);
    await stream.next();
    const running: Run = await client.runs.get("t-1", "r-1");
    expect(running).toMatchObject({ run_id: "r-1", thread_id: "t-1", status: "running" });
    await vi.advanceTimersByTimeAsync(100);
    await collect(stream);
    expect((await client.runs.get("t-1", "r-1")).status).toBe("success");
    vi.useRealTimers();

    const errorRun = transcripts["error-run"];
    const { runId, threadId } = readTranscriptRun(errorRun);
    // Known from its transcript even before it was served.
    expect((await client.runs.get(threadId!, runId!)).status).toBe("error");
    expect(await client.runs.list("t-1")).toEqual([
      expect.objectContaining({ run_id: "r-1", status: "success", assistant_id: "agent" }),
    ]);
    expect(await client.runs.list("t-1", { status: "error" })).toEqual([]);
  });

  it("cancel answers 204, ends the replay cleanly and marks the run interrupted", async () => {
    vi.useFakeTimers();
    const transcript = timedTranscript([0, 100, 60_000]);
    const client = replayClient(transcript, { speed: 1 });
    const events: StreamEvent[] = [];
    let finished = false;
    void (async () => {
      for await (const event of streamRun(client, transcript)) events.push(event);
      finished = true;
    })();
    await vi.advanceTimersByTimeAsync(100);
    expect(events).toHaveLength(2);
    await client.runs.cancel("t-1", "r-1");
    await vi.advanceTimersByTimeAsync(0);
    expect(finished).toBe(true);
    expect(events).toHaveLength(2);
    expect((await client.runs.get("t-1", "r-1")).status).toBe("interrupted");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("accepts a Request object and any body type", async () => {
    const seen: ReplayRequest[] = [];
    const fetch = createReplayFetch(transcripts["chat-tokens"], {
      onRequest: (request) => seen.push(request),
    });
    const response = await fetch(
      new Request(`${API_URL}/threads`, {
        method: "POST",
        body: JSON.stringify({ thread_id: "from-request" }),
        headers: { "x-test": "1" },
      }),
    );
    expect(((await response.json()) as Thread).thread_id).toBe("from-request");
    await fetch(`${API_URL}/threads`, {
      method: "POST",
      body: new TextEncoder().encode('{"thread_id":"bytes"}'),
    });
    expect(seen.map((r) => r.body)).toEqual([
      { thread_id: "from-request" },
      { thread_id: "bytes" },
    ]);
    expect(seen[0]!.headers["x-test"]).toBe("1");
  });

  it("anything else is a 404 with a text body", async () => {
    const fetch = createReplayFetch(transcripts["chat-tokens"]);
    const response = await fetch(`${API_URL}/assistants/search`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toMatch(/POST \/assistants\/search/);

    const client = replayClient(transcripts["chat-tokens"]);
    const failure = await client.runs.get("t", "unknown-run").catch((error: unknown) => error);
    expect(isRunsClientError(failure) && failure.kind).toBe("not_found");
    const cancel = await client.runs.cancel("t", "unknown-run").catch((error: unknown) => error);
    expect(isRunsClientError(cancel) && cancel.kind).toBe("not_found");
    const join = await client.runs.join("t", "r").catch((error: unknown) => error);
    expect(isRunsClientError(join) && join.status).toBe(404);
  });
});

// @vitest-environment jsdom
/**
 * Slow consumers and bursty producers: the client reads only as fast as its consumer asks (no
 * unbounded read-ahead, no false stall while the consumer is busy), and a burst far larger than
 * the event log leaves the log at its cap with `dropped` counting and the store's queue flushed.
 */
import { act, renderHook } from "@testing-library/react";
import { afterAll, describe, expect, it } from "vitest";
import {
  createClient,
  type FetchLike,
  type ReconnectInfo,
  type StreamPart,
} from "../../src/client";
import { eventLogSize } from "../../src/store/EventLog";
import { createReplayFetch, generateTokenTranscript } from "../../src/testing";
import { agentServerUrl, collect } from "../support/agentServer";
import { delay, harness, human, newFigures, reportFigures, useProbe } from "./support";

const figures = newFigures();
const direct = createClient({ apiUrl: agentServerUrl() });
afterAll(() => reportFigures("backpressure", figures));

/**
 * A fetch whose stream bodies are pulled one network chunk at a time (high-water mark 0) and
 * metered: how many characters the client has pulled, and where each SSE frame ends.
 */
function meteredFetch(): { fetch: FetchLike; meter: { pulled: number; frameEnds: number[] } } {
  const meter = { pulled: 0, frameEnds: [] as number[] };
  const fetchImpl: FetchLike = async (input, init) => {
    const response = await fetch(input, init);
    if (!input.includes("/stream") || !response.body) return response;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let carry = "";
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          const text = decoder.decode(value, { stream: true });
          const combined = carry + text;
          const base = meter.pulled - carry.length;
          for (
            let at = combined.indexOf("\n\n");
            at !== -1;
            at = combined.indexOf("\n\n", at + 2)
          ) {
            meter.frameEnds.push(base + at + 2);
          }
          meter.pulled += text.length;
          carry = combined.endsWith("\n") ? "\n" : "";
          controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch: fetchImpl, meter };
}

describe("a slow consumer of client.runs.stream (real server)", () => {
  it("the client reads at most about one network chunk ahead of a consumer that awaits between events", async () => {
    const { fetch: metered, meter } = meteredFetch();
    const client = createClient({ apiUrl: agentServerUrl(), fetch: metered });
    const threadId = (await direct.threads.create()).thread_id;
    let runId = "";
    const received: StreamPart[] = [];
    let maxReadAhead = 0;
    for await (const part of client.runs.stream(threadId, "agent", {
      input: human("/tokens 1500"),
      streamMode: ["messages-tuple", "values"],
      streamResumable: true,
      onRunCreated: (meta) => (runId = meta.run_id),
    })) {
      received.push(part);
      const consumedUpTo = meter.frameEnds[received.length - 1]!;
      maxReadAhead = Math.max(maxReadAhead, meter.pulled - consumedUpTo);
      await delay(1); // a consumer slower than the server
    }
    const whole = await collect(direct.runs.joinStream(threadId, runId, { lastEventId: "-1" }));
    expect(received).toEqual(whole);
    expect(meter.frameEnds).toHaveLength(received.length);
    // ~1.5 MB streamed; what the client pulled but the consumer had not taken stays below one
    // read of the socket (undici reads at most 64 KiB at a time), never the whole stream.
    expect(maxReadAhead).toBeLessThanOrEqual(256 * 1024);
    expect(meter.pulled).toBeGreaterThan(1_000_000);
    figures.eventsChecked += received.length;
    figures.casesTried += 1;
    figures.notes.push(
      `slow consumer: ${received.length} events, ${meter.pulled} chars, max read-ahead ${maxReadAhead} chars`,
    );
  }, 60_000);

  it("a consumer busy for longer than idleTimeoutMs does not count as a stalled server (no re-join)", async () => {
    const threadId = (await direct.threads.create()).thread_id;
    const reconnects: ReconnectInfo[] = [];
    let runId = "";
    const received: StreamPart[] = [];
    for await (const part of direct.runs.stream(threadId, "agent", {
      input: human("/tokens 300"),
      streamMode: ["messages-tuple"],
      streamResumable: true,
      // Long enough that a loaded machine's own pauses are no stall.
      idleTimeoutMs: 4_000,
      reconnectBaseDelayMs: 10,
      onRunCreated: (meta) => (runId = meta.run_id),
      onReconnect: (info) => reconnects.push(info),
    })) {
      received.push(part);
      // Busy with two events for longer than the idle timeout: the server was not silent.
      if (received.length === 20 || received.length === 150) await delay(5_000);
    }
    expect(reconnects).toEqual([]);
    const whole = await collect(direct.runs.joinStream(threadId, runId, { lastEventId: "-1" }));
    expect(received).toEqual(whole);
    figures.eventsChecked += received.length;
    figures.casesTried += 1;
  }, 60_000);
});

describe("a bursty producer through useRunStream (fake fetch: a replayed 30,000-event burst)", () => {
  it("(fake fetch: replayed burst) the event log stays at its cap, dropped counts the rest, the queue is flushed", async () => {
    const TOKENS = 30_000;
    const CAP = 1_000;
    const transcript = generateTokenTranscript({ tokens: TOKENS, eventsPerFrame: 3_000 });
    const threadId = /^\/threads\/([^/]+)\//.exec(transcript.request.path)![1]!;
    const h = harness({
      apiUrl: "http://replay.local",
      fetch: createReplayFetch(transcript),
      eventLogCap: CAP,
    });
    const { result, unmount } = renderHook(
      () => useProbe({ assistantId: "agent", threadId, loadThreadState: false }),
      { wrapper: h.wrapper },
    );
    let commits = 0;
    const unsubscribe = result.current.store.subscribe(() => (commits += 1));
    await act(() => result.current.submit(human("burst")));
    unsubscribe();

    expect(result.current.status).toBe("success");
    const log = result.current.events;
    const session = result.current.store.getSession(result.current.id)!;
    const total = session.counts.messages! + (session.counts.metadata ?? 0);
    expect(session.counts.messages).toBe(TOKENS);
    expect(log.total).toBe(total);
    expect(eventLogSize(log)).toBe(CAP);
    expect(log.dropped).toBe(total - CAP);
    // Storage stays bounded too: only the chunks that hold the last CAP entries are kept.
    expect(log.chunks.length).toBeLessThanOrEqual(Math.ceil(CAP / log.chunkSize) + 1);
    // Nothing is left in the store's queue: flushing again changes nothing.
    const before = result.current.store.getState();
    result.current.store.flush();
    expect(result.current.store.getState()).toBe(before);
    // The burst was applied in batches (one store update per flush), not one update per event.
    expect(commits).toBeLessThan(TOKENS / 10);
    const text = result.current.messages.at(-1)?.content as string;
    expect(text.length).toBe(Array.from({ length: TOKENS }, (_, i) => `t${i} `).join("").length);
    figures.casesTried += 1;
    figures.notes.push(
      `burst: ${log.total} events into a log of ${CAP}: kept ${eventLogSize(log)}, dropped ${log.dropped}, ${commits} store updates`,
    );
    unmount();
  }, 60_000);
});

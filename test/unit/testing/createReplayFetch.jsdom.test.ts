// @vitest-environment jsdom
// Hook tests render in jsdom: the replay must stream there too (its Response, ReadableStream and
// TextEncoder come from different realms than in Node).
import { describe, expect, it, vi } from "vitest";
import { createClient } from "../../../src/client";
import { createReplayFetch, readTranscriptRun } from "../../../src/testing";
import { transcripts } from "../../fixtures/transcripts";
import { collect } from "../../support/agentServer";
import { parseFramesV2 } from "./parseFrames";

describe("createReplayFetch in jsdom", () => {
  it.each(["recorded", "byte"] as const)("replays a transcript (%s chunks)", async (chunking) => {
    const transcript = transcripts["tool-calls"];
    const client = createClient({
      apiUrl: "http://replay.local",
      fetch: createReplayFetch(transcript, { chunking }),
    });
    const events = await collect(
      client.runs.stream(readTranscriptRun(transcript).threadId!, "agent", {
        input: null,
        streamVersion: "v2",
      }),
    );
    expect(events).toEqual(parseFramesV2(transcript));
  });

  it("keeps the recorded timing with fake timers", async () => {
    vi.useFakeTimers();
    try {
      const transcript = transcripts["error-run"];
      const client = createClient({
        apiUrl: "http://replay.local",
        fetch: createReplayFetch(transcript, { speed: 1 }),
      });
      const types: string[] = [];
      void (async () => {
        const stream = client.runs.stream("t", "agent", { streamVersion: "v2", raiseError: false });
        for await (const event of stream) types.push(event.type);
      })();
      const [first, last] = [transcript.frames[0]!.atMs, transcript.frames.at(-1)!.atMs];
      await vi.advanceTimersByTimeAsync(first - 1);
      expect(types).toEqual([]);
      await vi.advanceTimersByTimeAsync(2);
      expect(types).toEqual(["metadata", "values"]);
      await vi.advanceTimersByTimeAsync(last - first);
      expect(types).toEqual(["metadata", "values", "error"]);
    } finally {
      vi.useRealTimers();
    }
  });
});

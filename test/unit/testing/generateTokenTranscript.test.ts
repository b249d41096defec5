// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createClient, type StreamEvent } from "../../../src/client";
import {
  createReplayFetch,
  generateTokenTranscript,
  parseTranscript,
  readTranscriptRun,
  type Transcript,
} from "../../../src/testing";
import { transcripts } from "../../fixtures/transcripts";
import { collect } from "../../support/agentServer";
import { parseFrames } from "./parseFrames";

/** The structure of a JSON value: object keys in order, value types, first array item. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (value === null) return "null";
  if (typeof value === "object") {
    return Object.entries(value).map(([key, item]) => [key, shape(item)]);
  }
  return typeof value;
}

function replay(transcript: Transcript): Promise<StreamEvent[]> {
  const client = createClient({
    apiUrl: "http://replay.local",
    fetch: createReplayFetch(transcript),
  });
  return collect(
    client.runs.stream(readTranscriptRun(transcript).threadId!, "agent", {
      input: null,
      streamVersion: "v2",
    }),
  );
}

describe("generateTokenTranscript", () => {
  it("streams N chunks of one message, in the shapes the server records", async () => {
    const generated = generateTokenTranscript({ tokens: 120 });
    expect(parseTranscript(generated)).toEqual(generated);
    const events = await replay(generated);
    expect(events).toHaveLength(121);
    expect(events[0]).toMatchObject({ type: "metadata", id: "0" });
    expect(events.slice(1).every((e) => e.type === "messages" && e.ns.length === 0)).toBe(true);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => String(i)));
    const chunks = events.slice(1).map((e) => (e.data as [{ content: string; id: string }])[0]);
    expect(chunks.map((c) => c.content).join("")).toBe(
      Array.from({ length: 120 }, (_, i) => `t${i} `).join(""),
    );
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);

    // Event by event, the same structure as the recorded chat turn and long stream.
    for (const recorded of [transcripts["chat-tokens"], transcripts["long-stream"]]) {
      const parts = parseFrames(recorded);
      const recordedMessage = parts.find((p) => p.event === "messages")!;
      expect(shape(events[1]!.data)).toEqual(shape(recordedMessage.data));
      expect(shape(events[0]!.data)).toEqual(shape(parts[0]!.data));
    }
    // And the same bytes as the recorded /tokens stream, but for the ids and the port.
    const normalize = (text: string) =>
      text
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")
        .replace(/127\.0\.0\.1:\d+/g, "<host>");
    const recordedText = transcripts["long-stream"].frames.map((f) => f.text).join("");
    const generatedText = generated.frames.map((f) => f.text).join("");
    expect(normalize(generatedText)).toBe(
      normalize(recordedText).slice(0, normalize(generatedText).length),
    );
  });

  it("honours messageId, withIds, token, eventsPerFrame and msPerToken", async () => {
    const generated = generateTokenTranscript({
      tokens: 10,
      messageId: "msg-1",
      withIds: false,
      token: (i) => `w${i}`,
      eventsPerFrame: 4,
      msPerToken: 2,
      name: "custom",
    });
    expect(generated.name).toBe("custom");
    expect(generated.frames.map((f) => f.atMs)).toEqual([6, 14, 20]);
    const events = await replay(generated);
    expect(events).toHaveLength(11);
    expect(events.every((e) => e.id === undefined)).toBe(true);
    expect(events.slice(1).map((e) => (e.data as [{ content: string; id: string }])[0])).toEqual(
      Array.from({ length: 10 }, (_, i) =>
        expect.objectContaining({ content: `w${i}`, id: "msg-1" }),
      ),
    );
  });

  it("builds 200,000 events, and they replay completely", async () => {
    const generated = generateTokenTranscript({ tokens: 200_000 });
    expect(generated.frames.length).toBe(Math.ceil(200_001 / 16));
    const fetch = createReplayFetch(generated);
    const response = await fetch(`http://replay.local${generated.request.path}`, {
      method: "POST",
    });
    const reader = response.body!.getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    expect(bytes).toBeGreaterThan(200_000 * 900);
  });

  it("rejects a bad token count", () => {
    expect(() => generateTokenTranscript({ tokens: -1 })).toThrow(/tokens/);
    expect(() => generateTokenTranscript({ tokens: 1, eventsPerFrame: 0 })).toThrow(
      /eventsPerFrame/,
    );
  });
});

/**
 * Property: however a transcript's bytes are split into network chunks (inside a line, inside a
 * multi-byte character, one byte at a time), `client.runs.stream` yields exactly the same events
 * as from one chunk. Seeded random splits over every recorded fixture plus a generated one, and
 * the same with CRLF line endings.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createClient, type StreamPart } from "../../src/client";
import { generateTokenTranscript, type Transcript } from "../../src/testing";
import { transcripts } from "../fixtures/transcripts";
import { collect } from "../support/agentServer";
import { mulberry32, newFigures, randomInt, reportFigures, suiteSeed } from "./support";

const figures = newFigures();
afterAll(() => reportFigures("sseSplits", figures));

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The events `runs.stream` yields for a body delivered as these byte chunks. */
function streamOf(chunks: Uint8Array[]): Promise<StreamPart[]> {
  return collect(streamFrom(chunks));
}

function streamFrom(chunks: Uint8Array[]): AsyncGenerator<StreamPart, void> {
  const client = createClient({
    apiUrl: "http://splits.local",
    fetch: async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(chunk);
            controller.close();
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      ),
  });
  // No re-join or status check: only the parsing is under test.
  return client.runs.stream("t", "agent", { reconnect: false, raiseError: false });
}

/** Like `streamOf`, for a body that may end inside a frame: what arrived and the error. */
async function streamUntilError(
  chunks: Uint8Array[],
): Promise<{ parts: StreamPart[]; error: unknown }> {
  const parts: StreamPart[] = [];
  try {
    for await (const part of streamFrom(chunks)) parts.push(part);
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

/** `bytes` cut at `cuts` random places (sorted, distinct), as chunks. */
function randomSplit(bytes: Uint8Array, random: () => number): Uint8Array[] {
  const style = random();
  let cuts: number[];
  if (style < 0.1 && bytes.length <= 20_000) {
    cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1); // one byte per chunk
  } else {
    const count = randomInt(random, 1, Math.min(200, bytes.length - 1));
    cuts = [
      ...new Set(Array.from({ length: count }, () => randomInt(random, 1, bytes.length - 1))),
    ];
    cuts.sort((a, b) => a - b);
  }
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(at, cut));
    at = cut;
  }
  return chunks;
}

const corpus: Transcript[] = [
  ...Object.values(transcripts),
  generateTokenTranscript({ tokens: 300, token: (i) => `ü${i}°€𝄞 ` }),
];

describe("any split of a transcript yields the same events (seeded property test)", () => {
  it("holds for every fixture split at random byte offsets, LF and CRLF", async () => {
    const seed = suiteSeed();
    console.info(`[reliability] SSE splits: seed ${seed} (RELIABILITY_SEED=${seed} reproduces it)`);
    const random = mulberry32(seed);
    const ITERATIONS = 400;
    const references = new Map<string, { bytes: Uint8Array; events: StreamPart[] }>();
    for (const transcript of corpus) {
      const text = transcript.frames.map((frame) => frame.text).join("");
      for (const variant of ["lf", "crlf"] as const) {
        const body = variant === "lf" ? text : text.replace(/\n/g, "\r\n");
        const bytes = encoder.encode(body);
        const events = await streamOf([bytes]);
        references.set(`${transcript.name}/${variant}`, { bytes, events });
      }
      // CRLF changes nothing about the events.
      expect(references.get(`${transcript.name}/crlf`)!.events).toEqual(
        references.get(`${transcript.name}/lf`)!.events,
      );
      expect(references.get(`${transcript.name}/lf`)!.events.length).toBeGreaterThan(0);
    }

    const keys = [...references.keys()];
    let events = 0;
    let chunks = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const key = keys[i % keys.length]!;
      const { bytes, events: expected } = references.get(key)!;
      const pieces = randomSplit(bytes, random);
      const received = await streamOf(pieces);
      if (
        received.length !== expected.length ||
        JSON.stringify(received) !== JSON.stringify(expected)
      ) {
        // Only on failure: the readable diff and where the cuts were.
        expect({ key, cuts: pieces.map((p) => p.length), received }).toEqual({
          key,
          cuts: pieces.map((p) => p.length),
          received: expected,
        });
      }
      events += received.length;
      chunks += pieces.length;
    }
    // A body cut anywhere yields a prefix of the events, never a half event; a cut inside a
    // frame is a connection closed early, which a stream that cannot re-join reports.
    const TRUNCATIONS = 150;
    for (let i = 0; i < TRUNCATIONS; i++) {
      const key = keys[i % keys.length]!;
      const { bytes, events: expected } = references.get(key)!;
      const end = randomInt(random, 0, bytes.length);
      const truncated = bytes.subarray(0, end);
      const { parts: received, error } = await streamUntilError(
        randomSplit(truncated, random).filter((c) => c.length > 0),
      );
      expect(received).toEqual(expected.slice(0, received.length));
      // A frame ends at an empty line. A CRLF body cut between the CR and LF of its empty line
      // has its last frame whole (a lone CR ends a line) and delivers it, but the body was cut:
      // that is an early close. The client stops reading at a server's `error` event, so a body
      // cut after that frame is not judged at all.
      const tail = decoder.decode(truncated.slice(-4));
      if (/\r\n\r$/.test(tail)) {
        const whole = await streamOf([new Uint8Array([...truncated, 10])]);
        expect(received).toHaveLength(whole.length);
      }
      const endedByServer = received.at(-1)?.event === "error";
      const atFrameEnd = end === 0 || /(\n\n|\r\n\r\n)$/.test(tail) || endedByServer;
      if (atFrameEnd) expect(error).toBeUndefined();
      else expect(error).toMatchObject({ kind: "network" });
      events += received.length;
    }
    figures.casesTried += ITERATIONS + TRUNCATIONS;
    figures.eventsChecked += events;
    figures.notes.push(
      `SSE splits: seed ${seed}, ${ITERATIONS} random splits of ${corpus.length} transcripts (LF/CRLF) in ${chunks} chunks + ${TRUNCATIONS} truncations, ${events} events compared`,
    );
    console.info(`[reliability] SSE splits: ${ITERATIONS} splits, ${events} events identical`);
  }, 120_000);
});

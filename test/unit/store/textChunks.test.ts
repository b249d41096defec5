import { describe, expect, it } from "vitest";
import { createStreamStore, type Message } from "../../../src/store";
import {
  MAX_CHUNK_LENGTH,
  MIN_CHUNK_LENGTH,
  nextChunkEnd,
} from "../../../src/store/messages/nextChunkEnd";
import { appendTextChunks, splitTextChunks } from "../../../src/store/messages/TextChunks";
import { textChunksOf } from "../../../src/store/messages/textChunksOf";
import { manualScheduler } from "./manualScheduler";
import { aiChunk, event, tuple } from "./wire";

/** Text with paragraphs, lines and spaces of varied lengths (deterministic). */
function prose(length: number): string {
  let text = "";
  for (let i = 0; text.length < length; i++) {
    text += i % 97 === 96 ? "\n\n" : i % 31 === 30 ? "\n" : `word${i % 13} `;
  }
  return text.slice(0, length);
}

describe("nextChunkEnd", () => {
  it("cuts after the first blank line past the minimum length", () => {
    const text = `${"a".repeat(MIN_CHUNK_LENGTH - 10)}\n\n${"b".repeat(20)}\n\n${"c".repeat(10)}`;
    expect(nextChunkEnd(text, 0)).toBe(MIN_CHUNK_LENGTH + 14);
    expect(nextChunkEnd(`x${text}`, 1)).toBe(MIN_CHUNK_LENGTH + 15);
  });

  it("waits while a blank line may still come, then cuts at the last line break, space or the end", () => {
    const line = `${"a".repeat(MIN_CHUNK_LENGTH + 5)}\n`;
    expect(nextChunkEnd(line + "b".repeat(100), 0)).toBe(-1);
    expect(nextChunkEnd(line + "b".repeat(MAX_CHUNK_LENGTH), 0)).toBe(line.length);
    const words = `${"a".repeat(MIN_CHUNK_LENGTH)} ${"b".repeat(MAX_CHUNK_LENGTH)}`;
    expect(nextChunkEnd(words, 0)).toBe(MIN_CHUNK_LENGTH + 1);
    expect(nextChunkEnd("c".repeat(MAX_CHUNK_LENGTH + 1), 0)).toBe(MAX_CHUNK_LENGTH);
    expect(nextChunkEnd("short", 0)).toBe(-1);
  });

  it("never cuts a surrogate pair in two", () => {
    const text = `${"a".repeat(MAX_CHUNK_LENGTH - 1)}😀${"a".repeat(10)}`;
    const end = nextChunkEnd(text, 0);
    expect(end).toBe(MAX_CHUNK_LENGTH - 1);
    expect(text.slice(end, end + 2)).toBe("😀");
  });
});

describe("text chunks", () => {
  it("cut as the text streams equal the chunks of the whole text", () => {
    const text = prose(60_000);
    let streamed = splitTextChunks("");
    for (let at = 0; at < text.length; at += 37) {
      streamed = appendTextChunks(streamed, text.slice(at, at + 37));
    }
    const whole = splitTextChunks(text);
    expect(streamed.text).toBe(text);
    expect(streamed.closed).toEqual(whole.closed);
    expect(streamed.tail).toBe(whole.tail);
    expect(whole.closed.length).toBeGreaterThan(5);
    expect(whole.closed.join("") + whole.tail).toBe(text);
    for (const chunk of whole.closed) expect(chunk.length).toBeLessThanOrEqual(MAX_CHUNK_LENGTH);
  });

  it("keeps closed chunks as they were: an append only adds after them", () => {
    const before = splitTextChunks(prose(20_000));
    const after = appendTextChunks(before, prose(9_000));
    expect(after.closed.slice(0, before.closed.length)).toEqual(before.closed);
    after.closed.slice(0, before.closed.length).forEach((chunk, i) => {
      expect(chunk).toBe(before.closed[i]);
    });
    expect(appendTextChunks(after, "")).toBe(after);
  });
});

describe("the store keeps a streamed reply as chunks", () => {
  function streamingStore() {
    const scheduler = manualScheduler();
    const store = createStreamStore({ scheduler });
    store.ensureSession("k");
    store.enqueueEvent("k", event("metadata", { run_id: "r1", attempt: 1 }));
    return { store, scheduler };
  }

  it("builds each batch's text from the chunks it had, and the view reads the same chunks", () => {
    const { store, scheduler } = streamingStore();
    const text = prose(40_000);
    const versions: Message[] = [];
    for (let at = 0; at < text.length; at += 700) {
      for (let token = at; token < Math.min(at + 700, text.length); token += 7) {
        store.enqueueEvent("k", tuple(aiChunk("reply", text.slice(token, token + 7))));
      }
      scheduler.run();
      versions.push(store.getSession("k")!.messages[0]!);
    }
    const last = versions.at(-1)!;
    expect(last.content).toBe(text);
    const chunks = textChunksOf(last, last.content as string);
    expect(chunks).toEqual(splitTextChunks(text));
    // A chunk closed in an earlier batch is the very same string in every later version.
    const middle = versions[Math.floor(versions.length / 2)]!;
    const earlier = textChunksOf(middle, middle.content as string);
    expect(earlier.closed.length).toBeGreaterThan(0);
    earlier.closed.forEach((chunk, i) => expect(chunks.closed[i]).toBe(chunk));
  });

  it("does the same for text blocks merged by index", () => {
    const { store, scheduler } = streamingStore();
    const text = prose(12_000);
    for (let at = 0; at < text.length; at += 1_000) {
      for (let token = at; token < at + 1_000; token += 10) {
        const piece = text.slice(token, token + 10);
        store.enqueueEvent("k", tuple(aiChunk("reply", [{ type: "text", text: piece, index: 0 }])));
      }
      scheduler.run();
    }
    const block = (store.getSession("k")!.messages[0]!.content as { text: string }[])[0]!;
    expect(block.text).toBe(text);
    expect(textChunksOf(block, block.text)).toEqual(splitTextChunks(text));
  });
});

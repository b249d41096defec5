import { describe, expect, it } from "vitest";
import { appendEvents, createEventLog, eventLogToArray } from "../../../src/store";
import { estimateJsonBytes } from "../../../src/store/estimateJsonBytes";
import { shareRepeatedParts } from "../../../src/store/shareRepeatedParts";
import { aiChunk, tuple, tupleMetadata } from "./wire";

/** A token event as the client hands it over: every part a fresh object, as JSON.parse makes. */
const token = (text: string) => structuredClone(tuple(aiChunk("run-1", text)));

describe("shareRepeatedParts", () => {
  it("replaces each part equal to the previous value's by that part, and leaves both inputs alone", () => {
    const first = token("Hel");
    const second = token("lo");
    const before = structuredClone(second);
    const { value } = shareRepeatedParts(second, first);
    expect(value).toEqual(before);
    expect(second).toEqual(before);
    const [chunk, metadata] = value.data as [Record<string, unknown>, unknown];
    const [firstChunk, firstMetadata] = first.data as [Record<string, unknown>, unknown];
    expect(metadata).toBe(firstMetadata);
    expect(chunk).not.toBe(firstChunk);
    expect(chunk.content).toBe("lo");
    expect(chunk.additional_kwargs).toBe(firstChunk.additional_kwargs);
    expect(chunk.id).toBe(firstChunk.id);
    expect(value.ns).toBe(first.ns);
    // What it shares is not counted again.
    const fresh = shareRepeatedParts(second, undefined).bytes;
    expect(fresh).toBe(estimateJsonBytes(second));
    expect(shareRepeatedParts(second, first).bytes).toBeLessThan(fresh / 2);
  });

  it("returns the previous value itself when everything is equal, and the value when nothing is", () => {
    const metadata = structuredClone(tupleMetadata);
    expect(shareRepeatedParts(structuredClone(metadata), metadata)).toEqual({
      value: metadata,
      bytes: 0,
    });
    const other = { a: [1, 2], b: "x" };
    expect(shareRepeatedParts(other, { c: 1 }).value).toBe(other);
  });

  it("keeps an own __proto__ key as data, and never shares a missing key", () => {
    const previous = JSON.parse('{"a": {}}') as Record<string, unknown>;
    const value = JSON.parse('{"a": {}, "__proto__": {}}') as Record<string, unknown>;
    const shared = shareRepeatedParts(value, previous).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(shared)).toBe(Object.prototype);
    expect(Object.keys(shared)).toEqual(["a", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(shared, "__proto__")?.value).toEqual({});
    expect(shared).not.toBe(previous);
    expect(shared.a).toBe(previous.a);
  });

  it("stops walking past the limit", () => {
    const big = { blob: "x".repeat(10_000), more: { deep: "y".repeat(10_000) } };
    expect(shareRepeatedParts(big, undefined, 1_000).bytes).toBeGreaterThan(1_000);
  });
});

describe("the event log keeps what repeats once", () => {
  it("shares a token event's metadata with the event before it, and keeps equal events", () => {
    const given = ["a", "b", "c"].map(token);
    const expected = structuredClone(given);
    const log = appendEvents(
      appendEvents(createEventLog(), given.slice(0, 1), 1),
      given.slice(1),
      2,
    );
    const entries = eventLogToArray(log);
    expect(entries.map((entry) => entry.event)).toEqual(expected);
    const metadata = entries.map((entry) => (entry.event.data as unknown[])[1]);
    expect(metadata[1]).toBe(metadata[0]);
    expect(metadata[2]).toBe(metadata[0]);
    expect(entries[2]!.bytes).toBeLessThan(entries[0]!.bytes / 2);
    expect(log.bytes).toBe(entries.reduce((sum, entry) => sum + entry.bytes, 0));
  });
});

import { describe, expect, it } from "vitest";
import { matchRanges } from "../../../src/components/StreamEventLog/HighlightedText";

describe("matchRanges", () => {
  it("finds every match, in any case, without overlaps", () => {
    expect(matchRanges("Hi hi HI", "hi")).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
    ]);
    expect(matchRanges("aaaa", "aa")).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it("finds what the search finds: JSON-escaped text, and compact JSON in indented JSON", () => {
    const json = '{\n  "step": "reply",\n  "text": "say \\"hi\\""\n}';
    const at = (needle: string) => json.indexOf(needle);
    expect(matchRanges(json, '"step":"reply"')).toEqual([
      [at('"step": "reply"'), at('"step": "reply"') + '"step": "reply"'.length],
    ]);
    expect(matchRanges(json, 'say "hi"')).toEqual([
      [at('say \\"hi\\"'), at('say \\"hi\\"') + 'say \\"hi\\"'.length],
    ]);
  });

  it("marks nothing for an empty query, no match, or text whose lower case changes length", () => {
    expect(matchRanges("text", "  ")).toEqual([]);
    expect(matchRanges("text", "x y")).toEqual([]);
    // "İ" lower-cases to two code units: positions would shift.
    expect(matchRanges("İstanbul", "stan")).toEqual([]);
  });

  it("stops at 200 marks in a long payload", () => {
    expect(matchRanges("a".repeat(1000), "a")).toHaveLength(200);
  });
});

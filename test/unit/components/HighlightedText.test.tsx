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

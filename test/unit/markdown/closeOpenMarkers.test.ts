import { describe, expect, it } from "vitest";
import { closeOpenMarkers } from "../../../src/markdown/closeOpenMarkers";

describe("closeOpenMarkers: the growing block of a streaming reply", () => {
  it.each([
    ["Some **bold te", "Some **bold te**"],
    ["Some __bold te", "Some __bold te__"],
    ["An _emphasis", "An _emphasis_"],
    ["An *emphasis", "An *emphasis*"],
    ["Run `npm i", "Run `npm i`"],
    ["Run ``a ` b", "Run ``a ` b``"],
    ["Now ~~struck", "Now ~~struck~~"],
    ["**strong *and em", "**strong *and em***"],
    ["***both", "***both***"],
    // Markers inside an open code span are code, not emphasis.
    ["`**not bold", "`**not bold`"],
    // A closer touches the text: it goes before trailing spaces.
    ["**bold ", "**bold** "],
  ])("closes what is open: %j", (text, expected) => {
    expect(closeOpenMarkers(text)).toBe(expected);
  });

  it.each([
    "Plain text",
    "**done** and `done` and _done_ and ~~done~~",
    "snake_case and more_words",
    "* a bullet",
    "2 * 3 = 6",
    "an \\*escaped star",
    "[a link](https://example.com) after",
    "see [1]",
  ])("leaves finished text alone: %j", (text) => {
    expect(closeOpenMarkers(text)).toBe(text);
  });

  it.each([
    ["Hello **", "Hello "],
    ["Hello `", "Hello "],
    ["_", ""],
  ])("holds back a marker that has nothing after it yet: %j", (text, expected) => {
    expect(closeOpenMarkers(text)).toBe(expected);
  });

  it("shows a half-written link as its text, and a half-written image not at all", () => {
    expect(closeOpenMarkers("See [the docs](https://exa")).toBe("See the docs");
    expect(closeOpenMarkers("See [the do")).toBe("See the do");
    // No request for half a URL (nor a half-built tracking URL).
    expect(closeOpenMarkers("Look ![chart](https://tracker.example/?q=se")).toBe("Look ");
    expect(closeOpenMarkers("See [**the do")).toBe("See **the do**");
    // A bracket inside a word is no link.
    expect(closeOpenMarkers("items[i")).toBe("items[i");
  });

  it("does not carry markers across list items", () => {
    expect(closeOpenMarkers("- a **b\n- c")).toBe("- a **b\n- c");
    expect(closeOpenMarkers("- a\n- b **c")).toBe("- a\n- b **c**");
  });
});

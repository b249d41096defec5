import { describe, expect, it } from "vitest";
import { isSafeUrl } from "../../../src/markdown";

describe("isSafeUrl: the default URL policy of <Markdown>", () => {
  it.each([
    "https://example.com/a?b=c#d",
    "http://example.com",
    "mailto:ada@example.com",
    "/docs/page",
    "#section",
    "page.html",
    "?q=a:b",
    "/a:b",
    "//example.com/x",
  ])("allows the link %j", (url) => {
    expect(isSafeUrl(url, "link")).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/png;base64,AAAA",
    "file:///etc/passwd",
    "blob:https://example.com/x",
    "&#106;avascript:alert(1)",
  ])("refuses the link %j", (url) => {
    expect(isSafeUrl(url, "link")).toBe(false);
  });

  it("allows http(s) and relative images only (no data:, no mailto:)", () => {
    expect(isSafeUrl("https://example.com/a.png", "image")).toBe(true);
    expect(isSafeUrl("/a.png", "image")).toBe(true);
    expect(isSafeUrl("data:image/png;base64,AAAA", "image")).toBe(false);
    expect(isSafeUrl("data:image/svg+xml,<svg onload=alert(1)>", "image")).toBe(false);
    expect(isSafeUrl("javascript:alert(1)", "image")).toBe(false);
    expect(isSafeUrl("mailto:ada@example.com", "image")).toBe(false);
  });
});

/**
 * docs/nextjs.md shows the Next.js example's files exactly: every code block that starts with a
 * `// <file>` line is that file of examples/nextjs, byte for byte, and the files the security
 * tests run (the proxy and the session check) are among them. So the recipe people copy is the
 * code test/security/nextjsProxy.test.ts runs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const EXAMPLE = path.join(ROOT, "examples/nextjs");
const doc = fs.readFileSync(path.join(ROOT, "docs/nextjs.md"), "utf8");

/** `{ file, code }` for each fenced block whose first line is `// <file>`. */
function fileBlocks(markdown: string): { file: string; code: string }[] {
  const blocks: { file: string; code: string }[] = [];
  for (const match of markdown.matchAll(/^```tsx?\n\/\/ (\S+)\n([\s\S]*?)^```$/gm)) {
    blocks.push({ file: match[1]!, code: match[2]! });
  }
  return blocks;
}

describe("docs/nextjs.md", () => {
  const blocks = fileBlocks(doc);

  it("shows the proxy, its rules and the session check", () => {
    expect(blocks.map((block) => block.file)).toEqual(
      expect.arrayContaining([
        "lib/proxyRoute.ts",
        "lib/session.ts",
        "app/api/langgraph/[...path]/route.ts",
      ]),
    );
  });

  it("shows every example file exactly as it is", () => {
    for (const { file, code } of blocks) {
      const source = fs.readFileSync(path.join(EXAMPLE, file), "utf8");
      expect(code, file).toBe(source.endsWith("\n") ? source : `${source}\n`);
    }
  });

  it("shows every source file of the example", () => {
    const sources = fs
      .readdirSync(EXAMPLE, { recursive: true, encoding: "utf8" })
      .filter((file) => /^(app|lib)\/.*\.tsx?$/.test(file));
    expect(blocks.map((block) => block.file).sort()).toEqual(sources.sort());
  });
});

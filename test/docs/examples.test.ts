/**
 * Every ```ts / ```tsx example in README.md and docs/*.md type-checks, strict, against src/
 * (tsconfig.json's paths): one test per block, named after its doc and line, so a broken
 * example names itself. The generated files (test/docs/.generated/) are removed after a run
 * where every example passed, and kept for a look otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkExamples, collectExamples, docFiles, removeGenerated } from "./checkExamples";

const examples = collectExamples();
const checked = examples.filter((example) => example.checked);
let results = new Map<string, string[]>();

beforeAll(() => {
  results = checkExamples(examples);
}, 180_000);

afterAll(() => {
  if (checked.every((example) => results.get(example.name)?.length === 0)) removeGenerated();
});

describe("the docs' code examples", () => {
  it("are found in the README and in every guide", () => {
    const docsWithExamples = new Set(checked.map((example) => example.doc));
    expect([...docsWithExamples].sort()).toEqual(docFiles().sort());
  });

  it("are whole: only fragments that cannot be made whole are marked no-check", () => {
    const unchecked = examples.filter((example) => !example.checked);
    expect(unchecked.length).toBeLessThanOrEqual(Math.floor(examples.length / 10));
  });

  for (const example of checked) {
    it(`${example.name} type-checks`, () => {
      expect(results.get(example.name)).toEqual([]);
    });
  }
});

/** What the runs table writes for a run: its input preview, assistant and "updated … ago". */
import { describe, expect, it } from "vitest";
import type { Run } from "../../../src/client";
import { runInputPreview } from "../../../src/components/RunsTable";
import { formatAgo } from "../../../src/components/RunsTable/formatAgo";
import { runAssistantName } from "../../../src/components/RunsTable/runAssistantName";

const withKwargs = (kwargs: unknown) => ({ kwargs }) as Pick<Run, "kwargs">;
const input = (value: unknown) => withKwargs({ input: value });

describe("runInputPreview", () => {
  it("reads the last human message of the input, as the real server records it", () => {
    expect(
      runInputPreview(
        input({
          messages: [
            { type: "human", content: "first question" },
            { type: "ai", content: "an answer" },
            { type: "human", content: "hello there" },
            { type: "ai", content: "a later answer" },
          ],
        }),
      ),
    ).toBe("hello there");
  });

  it("joins text blocks, takes role-style and shorthand messages, and folds whitespace", () => {
    const blocks = [
      { type: "text", text: "Look at" },
      { type: "image_url", image_url: { url: "https://example.com/a.png" } },
      { type: "text", text: "this\n\nplease" },
    ];
    expect(runInputPreview(input({ messages: [{ role: "user", content: blocks }] }))).toBe(
      "Look at this please",
    );
    expect(runInputPreview(input({ messages: ["plain string"] }))).toBe("plain string");
    expect(runInputPreview(input({ messages: [["user", "a tuple"]] }))).toBe("a tuple");
    expect(
      runInputPreview(
        input({
          messages: [
            { lc: 1, type: "constructor", id: ["HumanMessage"], kwargs: { content: "lc" } },
          ],
        }),
      ),
    ).toBe("lc");
  });

  it("falls back to the last message, a string input, or the input as JSON", () => {
    expect(runInputPreview(input({ messages: [{ type: "system", content: "Be brief." }] }))).toBe(
      "Be brief.",
    );
    expect(runInputPreview(input("just text"))).toBe("just text");
    expect(runInputPreview(input({ topic: "pricing", depth: 2 }))).toBe(
      '{"topic":"pricing","depth":2}',
    );
    expect(runInputPreview(input({ messages: [] }))).toBe('{"messages":[]}');
  });

  it("says what a resume answered", () => {
    expect(runInputPreview(withKwargs({ command: { resume: { type: "accept" } } }))).toBe(
      'Resumed: {"type":"accept"}',
    );
    expect(runInputPreview(withKwargs({ input: null, command: { resume: "yes" } }))).toBe(
      "Resumed: yes",
    );
  });

  it("is undefined when the record says nothing", () => {
    expect(runInputPreview({})).toBeUndefined();
    expect(runInputPreview(withKwargs("not an object"))).toBeUndefined();
    expect(runInputPreview(input(null))).toBeUndefined();
    expect(runInputPreview(input("   "))).toBeUndefined();
    expect(runInputPreview(withKwargs({ command: { goto: "node" } }))).toBeUndefined();
  });

  it("cuts long inputs to one line of 160 characters", () => {
    const preview = runInputPreview(input("word ".repeat(100)));
    expect(preview).toHaveLength(160);
    expect(preview?.endsWith("…")).toBe(true);
  });

  it("computes a record's preview once, for as long as its kwargs object lives", () => {
    const messages = [{ type: "human", content: "first" }];
    const run = input({ messages });
    expect(runInputPreview(run)).toBe("first");
    // Records are immutable (a refetch brings new objects): the cached answer stands.
    messages[0]!.content = "changed in place";
    expect(runInputPreview(run)).toBe("first");
    expect(runInputPreview(input({ messages }))).toBe("changed in place");
  });
});

describe("runAssistantName", () => {
  it("prefers the graph's name the server records, else a short assistant id", () => {
    expect(
      runAssistantName({
        assistant_id: "fe096781-5601-53d2-b2f6-0d3403f7e9ca",
        metadata: { graph_id: "agent" },
      }),
    ).toBe("agent");
    expect(
      runAssistantName({ assistant_id: "fe096781-5601-53d2-b2f6-0d3403f7e9ca", metadata: {} }),
    ).toBe("…03f7e9ca");
    expect(runAssistantName({ assistant_id: "agent", metadata: { graph_id: 42 } })).toBe("agent");
    expect(
      runAssistantName({ assistant_id: 7 as unknown as string, metadata: null as never }),
    ).toBe("");
  });
});

describe("formatAgo", () => {
  it.each([
    [0, "just now"],
    [1_400, "just now"],
    [3_000, "3 s ago"],
    [59_000, "59 s ago"],
    [65_000, "1 min ago"],
    [2 * 3_600_000 + 5, "2 h ago"],
    [3 * 86_400_000, "3 d ago"],
    [Number.NaN, "just now"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatAgo(ms)).toBe(text);
  });
});

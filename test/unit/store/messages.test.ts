import { describe, expect, it } from "vitest";
import {
  applyEvents,
  applyMessageChunk,
  createSession,
  normalizeMessage,
  readWireMessage,
  type Message,
} from "../../../src/store";
import { ai, aiChunk, event, tokens, tuple } from "./wire";

const NOW = 1_000;

function fold(events: Parameters<typeof applyEvents>[1], session = createSession("k")) {
  return applyEvents(session, events, NOW);
}

describe("normalizeMessage", () => {
  it("maps LangChain class names and chunk types to short types", () => {
    expect(normalizeMessage(aiChunk("a", "x"))?.type).toBe("ai");
    expect(normalizeMessage({ type: "HumanMessage", id: "h", content: "hi" })?.type).toBe("human");
    expect(normalizeMessage({ type: "HumanMessageChunk", id: "h", content: "hi" })?.type).toBe(
      "human",
    );
    expect(
      normalizeMessage({ type: "ToolMessageChunk", id: "t", content: "1", tool_call_id: "c" })
        ?.type,
    ).toBe("tool");
    expect(normalizeMessage({ type: "ToolMessage", id: "t", content: "1" })?.type).toBe("tool");
    expect(normalizeMessage({ type: "SystemMessage", id: "s", content: "be nice" })?.type).toBe(
      "system",
    );
    expect(normalizeMessage({ type: "RemoveMessage", id: "m1", content: "" })?.type).toBe("remove");
    expect(normalizeMessage({ type: "ai", id: "a", content: "x" })?.type).toBe("ai");
  });

  it("reads the LangChain constructor form and keeps unknown fields", () => {
    const wire = readWireMessage({
      lc: 1,
      type: "constructor",
      id: ["langchain_core", "messages", "AIMessageChunk"],
      kwargs: { content: "Hi", id: "run-1", custom_field: 42, tool_call_chunks: [] },
    });
    expect(wire?.isChunk).toBe(true);
    expect(wire?.message).toMatchObject({
      id: "run-1",
      type: "ai",
      content: "Hi",
      custom_field: 42,
    });
  });

  it("returns null for non-messages and keeps null content as an empty string", () => {
    expect(normalizeMessage({ langgraph_node: "reply" })).toBeNull();
    expect(normalizeMessage("hello")).toBeNull();
    expect(normalizeMessage({ type: "ai", id: "a", content: null })?.content).toBe("");
  });
});

describe("messages-tuple chunks", () => {
  it("assemble token chunks into one message, in order", () => {
    const session = fold(tokens("run-abc", "Hello, world! How are you?"));
    expect(session.messages).toHaveLength(1);
    expect(session.messages[0]).toMatchObject({
      id: "run-abc",
      type: "ai",
      content: "Hello, world! How are you?",
    });
    expect(session.counts.messages).toBe(9);
  });

  it("assemble across batches the same way as in one batch", () => {
    const events = tokens("run-abc", "The quick brown fox jumps", 2);
    let session = createSession("k");
    for (const e of events) session = applyEvents(session, [e], NOW);
    expect(session.messages).toEqual(fold(events).messages);
    expect(session.messages[0]?.content).toBe("The quick brown fox jumps");
  });

  it("keep separate messages apart and append a new id at the end", () => {
    const session = fold([
      tuple(aiChunk("run-1", "Hel")),
      tuple(aiChunk("run-2", "Other")),
      tuple(aiChunk("run-1", "lo")),
    ]);
    expect(session.messages.map((m) => [m.id, m.content])).toEqual([
      ["run-1", "Hello"],
      ["run-2", "Other"],
    ]);
  });

  it("find earlier messages across batches, also after a removal", () => {
    let session = createSession("k");
    const steps = [
      tuple(aiChunk("run-1", "a")),
      tuple(aiChunk("run-2", "x")),
      tuple(aiChunk("run-3", "p")),
      tuple(aiChunk("run-1", "b")),
      event("updates", { trim: { messages: [{ type: "remove", id: "run-2", content: "" }] } }),
      tuple(aiChunk("run-1", "c")),
      tuple(aiChunk("run-3", "q")),
      tuple(aiChunk("run-4", "new")),
      tuple(aiChunk("run-1", "d")),
    ];
    for (const step of steps) session = applyEvents(session, [step], NOW);
    expect(session.messages.map((m) => [m.id, m.content])).toEqual([
      ["run-1", "abcd"],
      ["run-3", "pq"],
      ["run-4", "new"],
    ]);
  });

  it("merge content-block arrays by block index", () => {
    const session = fold([
      tuple(aiChunk("run-1", [{ type: "text", text: "Hel", index: 0 }])),
      tuple(aiChunk("run-1", [{ type: "text", text: "lo", index: 0 }])),
      tuple(
        aiChunk("run-1", [
          { type: "tool_use", id: "toolu_1", name: "search", input: "", index: 1 },
        ]),
      ),
      tuple(aiChunk("run-1", [{ type: "input_json_delta", input: '{"q":', index: 1 }])),
      tuple(aiChunk("run-1", [{ type: "input_json_delta", input: '"x"}', index: 1 }])),
      tuple(aiChunk("run-1", [{ type: "image_url", image_url: { url: "data:" } }])),
    ]);
    expect(session.messages[0]?.content).toEqual([
      { type: "text", text: "Hello", index: 0 },
      { type: "tool_use", id: "toolu_1", name: "search", input: '{"q":"x"}', index: 1 },
      { type: "image_url", image_url: { url: "data:" } },
    ]);
  });

  it("turn string content followed by blocks into a text block", () => {
    const session = fold([
      tuple(aiChunk("run-1", "Hi ")),
      tuple(aiChunk("run-1", [{ type: "text", text: "there", index: 0 }])),
    ]);
    expect(session.messages[0]?.content).toEqual([
      { type: "text", text: "Hi " },
      { type: "text", text: "there", index: 0 },
    ]);
  });

  it("merge tool-call chunks by index into parsed tool_calls", () => {
    const call = (args: string, extra: object = {}) => ({
      index: 0,
      args,
      type: "tool_call_chunk",
      ...extra,
    });
    const chunks = [
      aiChunk("run-1", "", { tool_call_chunks: [call("", { id: "call_1", name: "get_weather" })] }),
      aiChunk("run-1", "", { tool_call_chunks: [call('{"city": "Pa')] }),
      aiChunk("run-1", "", { tool_call_chunks: [call('ris"}')] }),
      aiChunk("run-1", "", {
        tool_call_chunks: [
          { index: 1, id: "call_2", name: "get_time", args: "{}", type: "tool_call_chunk" },
        ],
      }),
    ];
    let session = fold([tuple(chunks[0]), tuple(chunks[1])]);
    expect(session.messages[0]?.tool_calls).toEqual([
      { id: "call_1", name: "get_weather", args: {}, type: "tool_call" },
    ]);
    session = fold([tuple(chunks[2]), tuple(chunks[3])], session);
    const message = session.messages[0] as Message;
    expect(message.tool_calls).toEqual([
      { id: "call_1", name: "get_weather", args: { city: "Paris" }, type: "tool_call" },
      { id: "call_2", name: "get_time", args: {}, type: "tool_call" },
    ]);
    expect(message.tool_call_chunks?.[0]).toMatchObject({
      id: "call_1",
      name: "get_weather",
      args: '{"city": "Paris"}',
    });
  });

  it("keep the previous parsed args while the concatenated args are not valid JSON", () => {
    const call = (args: string) => ({
      index: 0,
      args,
      id: "call_1",
      name: "f",
      type: "tool_call_chunk",
    });
    let list = applyMessageChunk(
      [],
      aiChunk("run-1", "", { tool_call_chunks: [call('{"a": 1}')] }),
    );
    const parsed = list[0]?.tool_calls?.[0]?.args;
    expect(parsed).toEqual({ a: 1 });
    // Some providers stream a complete object, then more keys: `{"a": 1}, "b"` is not JSON.
    list = applyMessageChunk(
      list,
      aiChunk("run-1", "", { tool_call_chunks: [{ index: 0, args: ', "b' }] }),
    );
    expect(list[0]?.tool_calls?.[0]?.args).toBe(parsed);
  });

  it("ignore a chunk's own partial tool_calls guesses", () => {
    const chunk = aiChunk("run-1", "", {
      tool_call_chunks: [
        { index: 0, id: "c1", name: "f", args: '{"x": "ab', type: "tool_call_chunk" },
      ],
      tool_calls: [{ id: "c1", name: "f", args: { x: "ab" }, type: "tool_call" }],
    });
    expect(fold([tuple(chunk)]).messages[0]?.tool_calls?.[0]?.args).toEqual({});
  });

  it("sum usage metadata and merge response metadata", () => {
    const session = fold([
      tuple(
        aiChunk("run-1", "a", {
          usage_metadata: { input_tokens: 5, output_tokens: 1, total_tokens: 6 },
        }),
      ),
      tuple(
        aiChunk("run-1", "b", {
          usage_metadata: { input_tokens: 0, output_tokens: 1, total_tokens: 1 },
          response_metadata: { finish_reason: "stop", model_name: "fake" },
        }),
      ),
    ]);
    expect(session.messages[0]).toMatchObject({
      content: "ab",
      usage_metadata: { input_tokens: 5, output_tokens: 2, total_tokens: 7 },
      response_metadata: { finish_reason: "stop", model_name: "fake" },
    });
  });

  it("replace a message by id when a whole (non-chunk) message arrives", () => {
    const session = fold([tuple(aiChunk("run-1", "partial")), tuple(ai("run-1", "final"))]);
    expect(session.messages).toHaveLength(1);
    expect(session.messages[0]?.content).toBe("final");
  });

  it("put subgraph chunks in the list and keep their namespace in metadata", () => {
    const ns = ["research:1a2b", "search:3c4d"];
    const session = fold([
      tuple(aiChunk("run-root", "root")),
      event("messages", [aiChunk("run-sub", "sub"), { langgraph_node: "search" }], { ns }),
    ]);
    expect(session.messages.map((m) => m.id)).toEqual(["run-root", "run-sub"]);
    expect(session.messageMetadata["run-sub"]).toEqual({ langgraph_node: "search", ns });
    expect(session.messageMetadata["run-root"]).toMatchObject({ langgraph_node: "reply", ns: [] });
  });

  it("skip chunks without an id and non-message data", () => {
    const session = fold([
      tuple({ ...aiChunk("", "x"), id: undefined }),
      event("messages", "garbage"),
    ]);
    expect(session.messages).toEqual([]);
    expect(session.counts.messages).toBe(2);
  });

  it("share every message the batch did not touch (structural sharing)", () => {
    const before = fold([
      tuple(ai("a-1", "one")),
      tuple(ai("a-2", "two")),
      ...tokens("run-3", "stream"),
    ]);
    const after = fold(tokens("run-3", " more"), before);
    expect(after.messages).not.toBe(before.messages);
    expect(after.messages[0]).toBe(before.messages[0]);
    expect(after.messages[1]).toBe(before.messages[1]);
    expect(after.messages[2]).not.toBe(before.messages[2]);
    expect(before.messages[2]?.content).toBe("stream");
    expect(after.messages[2]?.content).toBe("stream more");
  });

  it("does not copy the list for a batch without message events", () => {
    const before = fold(tokens("run-1", "hi"));
    const after = fold([event("custom", { progress: 1 })], before);
    expect(after.messages).toBe(before.messages);
  });

  // Its speed is measured in bench/, never asserted here.
  it("folds a long token stream after a long history into one message", () => {
    const history = Array.from({ length: 2_000 }, (_, i) => ai(`old-${i}`, `message ${i}`));
    let session = fold([event("values", { messages: history })]);
    const events = tokens("run-live", "x".repeat(20_000), 1);
    for (let i = 0; i < events.length; i += 50) session = fold(events.slice(i, i + 50), session);
    expect(session.messages).toHaveLength(2_001);
    expect((session.messages[2_000]?.content as string).length).toBe(20_000);
  });
});

describe("older messages mode", () => {
  it("replaces messages by id from messages/partial and messages/complete lists", () => {
    const session = fold([
      event("messages/metadata", { "run-1": { metadata: { langgraph_node: "reply" } } }),
      event("messages/partial", [ai("run-1", "Hel")]),
      event("messages/partial", [ai("run-1", "Hello")]),
      event("messages/complete", [ai("run-1", "Hello!")]),
    ]);
    expect(session.messages).toHaveLength(1);
    expect(session.messages[0]?.content).toBe("Hello!");
    expect(session.messageMetadata["run-1"]).toEqual({ langgraph_node: "reply", ns: [] });
  });
});

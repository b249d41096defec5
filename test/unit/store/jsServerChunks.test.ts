import { describe, expect, it } from "vitest";
import { applyEvents } from "../../../src/store/applyEvents";
import { createSession } from "../../../src/store/RunSession";
import type { StreamEvent } from "../../../src/client/types";

/** Frames exactly as the JS Agent Server 1.5.1 sends them in messages-tuple mode (recorded). */
function tuple(message: Record<string, unknown>): StreamEvent {
  return {
    type: "messages",
    ns: [],
    event: "messages",
    interrupts: [],
    data: [message, { langgraph_node: "chat" }],
  };
}
const aiDelta = (content: string) => ({
  content,
  tool_calls: [],
  invalid_tool_calls: [],
  tool_call_chunks: [],
  additional_kwargs: {},
  response_metadata: {},
  id: "run-01a1fdd0",
  type: "ai",
});

describe('JS server message deltas (type "ai" with tool_call_chunks)', () => {
  it("are merged into one message, not replaced", () => {
    const events = ["You ", "said: ", "hi ", "there"].map((text) => tuple(aiDelta(text)));
    const session = applyEvents(createSession("k"), events, 0);
    expect(session.messages).toHaveLength(1);
    expect(session.messages[0]!.content).toBe("You said: hi there");
    expect(session.messages[0]!.type).toBe("ai");
  });

  it("tool-call deltas become one parsed tool call, and a whole tool message is appended", () => {
    const call = (chunk: Record<string, unknown>) =>
      tuple({
        ...aiDelta(""),
        id: "run-call",
        tool_call_chunks: [{ type: "tool_call_chunk", index: 0, ...chunk }],
      });
    const events = [
      call({ name: "get_weather", args: "", id: "call_1" }),
      call({ args: '{"city":' }),
      call({ args: ' "Paris"}' }),
      tuple({
        status: "success",
        content: "Sunny, 21°C",
        tool_call_id: "call_1",
        name: "get_weather",
        id: "run-tool",
        type: "tool",
      }),
    ];
    const session = applyEvents(createSession("k"), events, 0);
    expect(session.messages.map((m) => m.type)).toEqual(["ai", "tool"]);
    expect(session.messages[0]!.tool_calls).toEqual([
      expect.objectContaining({ id: "call_1", name: "get_weather", args: { city: "Paris" } }),
    ]);
    expect(session.messages[1]!.content).toBe("Sunny, 21°C");
  });

  it("a whole AI message (no tool_call_chunks) with a known id replaces rather than doubles", () => {
    const whole = {
      id: "m1",
      content: "Hello from the subgraph",
      tool_calls: [],
      invalid_tool_calls: [],
      type: "ai",
    };
    const session = applyEvents(createSession("k"), [tuple(whole), tuple(whole)], 0);
    expect(session.messages).toHaveLength(1);
    expect(session.messages[0]!.content).toBe("Hello from the subgraph");
  });
});

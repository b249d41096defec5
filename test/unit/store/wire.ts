/** Realistic wire shapes for the store tests (what the Agent Server sends, normalized by the client). */
import type { StreamEvent } from "../../../src/client/types";

export function event(type: string, data: unknown, extra: Partial<StreamEvent> = {}): StreamEvent {
  const ns = extra.ns ?? [];
  // Any mode name, as the client passes an unknown one through.
  return {
    type,
    ns,
    data,
    interrupts: [],
    event: [type, ...ns].join("|"),
    ...extra,
  } as StreamEvent;
}

export function aiChunk(id: string, content: unknown, extra: Record<string, unknown> = {}) {
  return {
    content,
    additional_kwargs: {},
    response_metadata: {},
    tool_call_chunks: [],
    id,
    type: "AIMessageChunk",
    tool_calls: [],
    invalid_tool_calls: [],
    ...extra,
  };
}

export const tupleMetadata = {
  langgraph_node: "reply",
  langgraph_step: 1,
  langgraph_triggers: ["branch:to:reply"],
  langgraph_path: ["__pregel_pull", "reply"],
  langgraph_checkpoint_ns: "reply:6f1c",
  ls_provider: "fake",
};

/** A `messages` (messages-tuple) event: `[chunk, metadata]`. */
export function tuple(
  chunk: unknown,
  ns: string[] = [],
  metadata: object = tupleMetadata,
): StreamEvent {
  return event("messages", [chunk, metadata], { ns });
}

export function human(id: string, content: string) {
  return { content, additional_kwargs: {}, response_metadata: {}, id, type: "human" };
}

export function ai(id: string, content: string, extra: Record<string, unknown> = {}) {
  return {
    content,
    additional_kwargs: {},
    response_metadata: {},
    id,
    type: "ai",
    tool_calls: [],
    invalid_tool_calls: [],
    ...extra,
  };
}

/** Token chunks of `text`, split every `size` characters. */
export function tokens(id: string, text: string, size = 3): StreamEvent[] {
  const events: StreamEvent[] = [];
  for (let i = 0; i < text.length; i += size)
    events.push(tuple(aiChunk(id, text.slice(i, i + size))));
  return events;
}

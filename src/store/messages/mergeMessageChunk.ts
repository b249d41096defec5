import { isPlainObject, type PlainObject } from "../../client/isPlainObject";
import type { Message, ToolCall, UsageMetadata } from "./Message";
import { mergeContent } from "./mergeContent";
import { mergeDicts } from "./mergeDicts";
import { mergeToolCallChunks, toolCallsFromChunks } from "./mergeToolCallChunks";

/**
 * The message as it starts from its first streamed chunk: tool calls derived from the chunk's
 * `tool_call_chunks` (the chunk's own `tool_calls` are partial guesses and are ignored).
 *
 * @example startMessageFromChunk({ id: "run-1", type: "ai", content: "Hel" }).content // "Hel"
 */
export function startMessageFromChunk(chunk: Message): Message {
  const chunks = chunk.tool_call_chunks;
  if (!chunks || chunks.length === 0) return chunk;
  return { ...chunk, tool_calls: toolCallsFromChunks(chunks) };
}

/**
 * Appends a streamed chunk (a delta) to the message with the same id. Returns a new message; the
 * inputs are not changed, and nested values the chunk does not touch keep their identity.
 *
 * @example mergeMessageChunk({ id: "run-1", type: "ai", content: "Hel" }, { id: "run-1", type: "ai", content: "lo" }).content
 * // "Hello"
 */
export function mergeMessageChunk(message: Message, chunk: Message): Message {
  const merged: Message = { ...message };
  for (const key of Object.keys(chunk)) {
    merged[key] = mergeMessageField(key, message[key], chunk[key]);
  }
  merged.content = mergeContent(message.content, chunk.content);
  mergeToolCalls(merged, message, chunk);
  return merged;
}

function mergeMessageField(key: string, left: unknown, right: unknown): unknown {
  if (right === undefined || right === null) return left;
  if (left === undefined || left === null) return right;
  switch (key) {
    case "id":
    case "type":
    case "content":
    case "name":
    case "tool_call_id":
    case "tool_calls":
    case "tool_call_chunks":
      return left;
    case "usage_metadata":
      return sumUsage(left, right);
    case "invalid_tool_calls":
      return Array.isArray(left) && Array.isArray(right) && right.length > 0
        ? [...left, ...right]
        : left;
    default:
      return isPlainObject(left) && isPlainObject(right) ? mergeDicts(left, right) : right;
  }
}

function mergeToolCalls(merged: Message, message: Message, chunk: Message): void {
  const chunks = chunk.tool_call_chunks;
  if (chunks && chunks.length > 0) {
    const before = message.tool_call_chunks ?? [];
    merged.tool_call_chunks = mergeToolCallChunks(before, chunks);
    merged.tool_calls = toolCallsFromChunks(merged.tool_call_chunks, message.tool_calls, before);
  } else if (chunk.tool_calls && chunk.tool_calls.length > 0 && !message.tool_call_chunks?.length) {
    merged.tool_calls = upsertToolCalls(message.tool_calls ?? [], chunk.tool_calls);
  }
}

function upsertToolCalls(left: readonly ToolCall[], right: readonly ToolCall[]): ToolCall[] {
  const merged = left.slice();
  for (const call of right) {
    const at = merged.findIndex((other) => other.id === call.id);
    if (at < 0) merged.push(call);
    else merged[at] = call;
  }
  return merged;
}

/** Token counts add up across chunks (LangChain reports usage per chunk). */
function sumUsage(left: unknown, right: unknown): UsageMetadata {
  if (!isPlainObject(left) || !isPlainObject(right))
    return (isPlainObject(right) ? right : {}) as UsageMetadata;
  const sum: PlainObject = { ...left };
  for (const [key, value] of Object.entries(right)) {
    const before = left[key];
    if (typeof before === "number" && typeof value === "number") sum[key] = before + value;
    else if (isPlainObject(before) && isPlainObject(value)) sum[key] = sumUsage(before, value);
    else if (value !== undefined && value !== null) sum[key] = value;
  }
  return sum as UsageMetadata;
}

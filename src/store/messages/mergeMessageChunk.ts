import { isPlainObject, type PlainObject } from "../../client/isPlainObject";
import type { Message, ToolCall, UsageMetadata } from "./Message";
import { mergeContent } from "./mergeContent";
import { MAX_MERGE_DEPTH, mergeDicts } from "./mergeDicts";
import { mergeToolCallChunks, toolCallsFromChunks } from "./mergeToolCallChunks";
import { getOwn, setOwn } from "../ownProperty";

/**
 * The message as it starts from its first streamed chunk: tool calls derived from the chunk's
 * `tool_call_chunks` (the chunk's own `tool_calls` are partial guesses and are ignored).
 *
 * @example startMessageFromChunk({ id: "run-1", type: "ai", content: "Hel" }).content // "Hel"
 */
export function startMessageFromChunk(chunk: Message): Message {
  const chunks = chunk.tool_call_chunks;
  // Not a list (malformed): kept as sent, for the view to show as such.
  if (!Array.isArray(chunks) || chunks.length === 0) return chunk;
  return { ...chunk, tool_calls: toolCallsFromChunks(chunks.filter(isPlainObject)) };
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
    setOwn(merged, key, mergeMessageField(key, getOwn(message, key), chunk[key]));
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

/**
 * Tool calls of the merged message. Lists that are not lists (malformed data) are left as the
 * message had them: the view shows such a message as one it cannot display.
 */
function mergeToolCalls(merged: Message, message: Message, chunk: Message): void {
  // A text token carries no tool call (empty lists or none): nothing to merge, nothing to copy.
  if (isEmptyList(chunk.tool_call_chunks) && isEmptyList(chunk.tool_calls)) return;
  const chunks = listOrUndefined(chunk.tool_call_chunks)?.filter(isPlainObject);
  const beforeChunks = listOrUndefined(message.tool_call_chunks)?.filter(isPlainObject);
  const beforeCalls = listOrUndefined(message.tool_calls);
  if (message.tool_call_chunks !== undefined && beforeChunks === undefined) return;
  if (chunks && chunks.length > 0) {
    const before = beforeChunks ?? [];
    merged.tool_call_chunks = mergeToolCallChunks(before, chunks);
    merged.tool_calls = toolCallsFromChunks(merged.tool_call_chunks, beforeCalls, before);
  } else {
    const calls = listOrUndefined(chunk.tool_calls);
    if (calls && calls.length > 0 && !beforeChunks?.length) {
      merged.tool_calls = upsertToolCalls(beforeCalls ?? [], calls);
    }
  }
}

function isEmptyList(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function listOrUndefined<T>(value: readonly T[] | undefined): readonly T[] | undefined {
  return Array.isArray(value) ? value : undefined;
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
function sumUsage(left: unknown, right: unknown, depth = 0): UsageMetadata {
  if (!isPlainObject(left) || !isPlainObject(right) || depth >= MAX_MERGE_DEPTH)
    return (isPlainObject(right) ? right : {}) as UsageMetadata;
  const sum: PlainObject = { ...left };
  for (const [key, value] of Object.entries(right)) {
    const before = getOwn(left, key);
    if (typeof before === "number" && typeof value === "number") setOwn(sum, key, before + value);
    else if (isPlainObject(before) && isPlainObject(value))
      setOwn(sum, key, sumUsage(before, value, depth + 1));
    else if (value !== undefined && value !== null) setOwn(sum, key, value);
  }
  return sum as UsageMetadata;
}

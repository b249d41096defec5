import { isPlainObject } from "../../client/isPlainObject";
import type { Message } from "../../store/messages/Message";

/**
 * Why a message cannot be shown as one, or undefined when it can. The store keeps what the
 * server sent (so nothing is lost); the stream shows a message with such a shape as "Can't
 * display this item" with its raw JSON, instead of throwing while reading it.
 *
 * @example malformedReason({ id: "m", type: "ai", content: "", tool_calls: {} }) // "tool_calls is not a list"
 */
export function malformedReason(message: Message): string | undefined {
  if (typeof message.type !== "string") return "type is not a string";
  const { content } = message;
  if (typeof content !== "string" && !Array.isArray(content))
    return "content is not text or a list";
  return (
    listProblem(message, "tool_calls", isToolCall) ??
    listProblem(message, "invalid_tool_calls", isInvalidToolCall) ??
    listProblem(message, "tool_call_chunks", isPlainObject)
  );
}

function listProblem(
  message: Message,
  field: "tool_calls" | "invalid_tool_calls" | "tool_call_chunks",
  isItem: (item: unknown) => boolean,
): string | undefined {
  const value: unknown = message[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return `${field} is not a list`;
  return value.every(isItem) ? undefined : `${field} has an entry of the wrong shape`;
}

function isToolCall(call: unknown): boolean {
  return isPlainObject(call) && typeof call.id === "string" && typeof call.name === "string";
}

/** `id`, `name`, `args` and `error` are text or absent. */
function isInvalidToolCall(call: unknown): boolean {
  return (
    isPlainObject(call) &&
    ["id", "name", "args", "error"].every((key) => {
      const value = call[key];
      return value === undefined || value === null || typeof value === "string";
    })
  );
}

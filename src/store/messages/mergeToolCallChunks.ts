import type { ToolCall, ToolCallChunk } from "./Message";
import { parseJsonObject } from "./parseJsonObject";

/**
 * Merges streamed tool-call chunks by `index` (by `id` when there is no index): `id` and `name`
 * come from the first chunk that has them, `args` fragments are concatenated. Chunks for a new
 * call are appended. Untouched chunks keep their identity.
 *
 * @example mergeToolCallChunks([{ index: 0, id: "c1", name: "search", args: '{"q":' }], [{ index: 0, args: '"x"}' }])
 * // [{ index: 0, id: "c1", name: "search", args: '{"q":"x"}' }]
 */
export function mergeToolCallChunks(
  left: readonly ToolCallChunk[],
  right: readonly ToolCallChunk[],
): ToolCallChunk[] {
  const merged = left.slice();
  for (const chunk of right) {
    const at = merged.findIndex((other) => sameCall(other, chunk));
    if (at < 0) merged.push(chunk);
    else merged[at] = mergeChunk(merged[at] as ToolCallChunk, chunk);
  }
  return merged;
}

function sameCall(left: ToolCallChunk, right: ToolCallChunk): boolean {
  if (right.index !== undefined && right.index !== null) return left.index === right.index;
  return right.id !== undefined && right.id !== null && left.id === right.id;
}

function mergeChunk(left: ToolCallChunk, right: ToolCallChunk): ToolCallChunk {
  return {
    ...left,
    id: left.id ?? right.id,
    name: left.name || right.name,
    args: (left.args ?? "") + (right.args ?? ""),
  };
}

/**
 * The tool calls the chunks describe so far. Arguments are parsed once the concatenated string
 * is a complete JSON object; until then the previous parsed arguments are kept (`{}` at first).
 * A call whose chunk is the same object as in `previousChunks` is reused as it was.
 *
 * @example toolCallsFromChunks([{ index: 0, id: "c1", name: "search", args: '{"q":"x"}' }])
 * // [{ id: "c1", name: "search", args: { q: "x" }, type: "tool_call" }]
 */
export function toolCallsFromChunks(
  chunks: readonly ToolCallChunk[],
  previous: readonly ToolCall[] = [],
  previousChunks: readonly ToolCallChunk[] = [],
): ToolCall[] {
  return chunks.map((chunk, position) => {
    const before = previous[position];
    if (before && chunk === previousChunks[position]) return before;
    const id = chunk.id ?? before?.id ?? `__tool_call_${chunk.index ?? position}`;
    const name = chunk.name ?? before?.name ?? "";
    const args = parseArgs(chunk.args) ?? before?.args ?? {};
    if (before && before.id === id && before.name === name && before.args === args) return before;
    return { id, name, args, type: "tool_call" };
  });
}

/** Parsed arguments, or undefined while the fragment is empty or not yet complete JSON. */
function parseArgs(args: string | null | undefined): Record<string, unknown> | undefined {
  if (args === undefined || args === null || args.trim() === "") return undefined;
  return parseJsonObject(args);
}

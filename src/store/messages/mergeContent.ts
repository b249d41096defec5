import type { ContentBlock, MessageContent } from "./Message";
import { mergeIndexedLists } from "./mergeDicts";

/**
 * Appends a streamed content delta. Strings are concatenated; block lists are merged by block
 * `index` (same index: text concatenated, other string fields too; no or new index: appended);
 * a string meeting a list becomes a text block.
 *
 * @example mergeContent("Hel", "lo") // "Hello"
 * @example mergeContent([{ type: "text", text: "Hel", index: 0 }], [{ type: "text", text: "lo", index: 0 }])
 * // [{ type: "text", text: "Hello", index: 0 }]
 */
export function mergeContent(left: MessageContent, right: MessageContent): MessageContent {
  if (typeof left === "string" && typeof right === "string") return left + right;
  if (right.length === 0) return left;
  if (left.length === 0) return right;
  return mergeIndexedLists(toBlocks(left), toBlocks(right));
}

function toBlocks(content: MessageContent): ContentBlock[] {
  return typeof content === "string" ? [{ type: "text", text: content }] : content;
}

import type { ContentBlock, MessageContent } from "../../store/messages/Message";
import { stringifyForDisplay } from "../displayJson/stringifyForDisplay";

/** A piece of message content as the stream shows it: text, or any other block as JSON. */
export type ContentPart =
  | { kind: "text"; text: string }
  | { kind: "block"; type: string; json: string; block: ContentBlock };

/**
 * Splits message content into parts: a string is one text part; `text` blocks are text; any
 * other block (image, reasoning, tool use, …) is kept as indented JSON, shown as text.
 *
 * @example contentParts([{ type: "text", text: "Hi" }, { type: "image_url", image_url: "…" }])
 * // [{ kind: "text", text: "Hi" }, { kind: "block", type: "image_url", json: "{…}", block }]
 */
export function contentParts(content: MessageContent | null | undefined): ContentPart[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return content === "" ? [] : [{ kind: "text", text: content }];
  if (!Array.isArray(content)) return [blockPart(content as ContentBlock)];
  const parts: ContentPart[] = [];
  for (const block of content) {
    if (typeof block === "string") {
      if (block !== "") parts.push({ kind: "text", text: block });
    } else if (isTextBlock(block)) {
      if (block.text !== "") parts.push({ kind: "text", text: block.text });
    } else {
      parts.push(blockPart(block));
    }
  }
  return parts;
}

/**
 * The plain text of message content: the string, or its text blocks joined.
 *
 * @example contentText([{ type: "text", text: "a" }, { type: "text", text: "b" }]) // "ab"
 */
export function contentText(content: MessageContent | null | undefined): string {
  return contentParts(content)
    .map((part) => (part.kind === "text" ? part.text : ""))
    .join("");
}

/**
 * Pretty JSON for display; never throws, and shows values nested deeper than 64 levels as a
 * placeholder (see `stringifyForDisplay`).
 *
 * @example toJson({ a: 1 }) // '{\n  "a": 1\n}'
 */
export function toJson(value: unknown): string {
  return stringifyForDisplay(value, 2);
}

function isTextBlock(block: unknown): block is ContentBlock & { text: string } {
  return (
    typeof block === "object" &&
    block !== null &&
    (block as ContentBlock).type === "text" &&
    typeof (block as ContentBlock).text === "string"
  );
}

function blockPart(block: ContentBlock): ContentPart {
  const type = typeof block?.type === "string" ? block.type : "unknown";
  return { kind: "block", type, json: toJson(block), block };
}

import type { ContentBlock, MessageContent } from "../../store/messages/Message";
import { stringifyForDisplay } from "../displayJson/stringifyForDisplay";

/** A piece of message content as the stream shows it: text, or any other block as JSON. */
export type ContentPart =
  | { kind: "text"; text: string }
  | { kind: "block"; type: string; json: string; block: ContentBlock };

/**
 * The object that holds each text part's text (the message for string content, the block for a
 * text block): the key under which the store keeps that text's chunks (see `textChunksOf`).
 */
const textHolders = new WeakMap<ContentPart, object>();

/**
 * The object holding a text part's text, when there is one (a string inside a content list has
 * none).
 *
 * @example textHolderOf(contentParts(message.content, message)[0]) // message
 */
export function textHolderOf(part: ContentPart): object | undefined {
  return textHolders.get(part);
}

/**
 * Splits message content into parts: a string is one text part; `text` blocks are text; any
 * other block (image, reasoning, tool use, …) is kept as indented JSON, shown as text. Give the
 * message as `holder` to let the view find the chunks of its streamed text.
 *
 * @example contentParts([{ type: "text", text: "Hi" }, { type: "image_url", image_url: "…" }])
 * // [{ kind: "text", text: "Hi" }, { kind: "block", type: "image_url", json: "{…}", block }]
 */
export function contentParts(
  content: MessageContent | null | undefined,
  holder?: object,
): ContentPart[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") {
    return content === "" ? [] : [textPart(content, holder)];
  }
  if (!Array.isArray(content)) return [blockPart(content as ContentBlock)];
  const parts: ContentPart[] = [];
  for (const block of content) {
    if (typeof block === "string") {
      if (block !== "") parts.push({ kind: "text", text: block });
    } else if (isTextBlock(block)) {
      if (block.text !== "") parts.push(textPart(block.text, block));
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

function textPart(text: string, holder: object | undefined): ContentPart {
  const part: ContentPart = { kind: "text", text };
  if (holder !== undefined) textHolders.set(part, holder);
  return part;
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

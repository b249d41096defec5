import type { ContentBlock, Message, MessageContent } from "../../store/messages/Message";
import { stringifyForDisplay } from "../displayJson/stringifyForDisplay";
import { imageSource, type ImageSource } from "./imageSource";
import { kwargsReasoning, reasoningText } from "./reasoningText";

/**
 * A piece of message content as the stream shows it: text, the model's reasoning (shown as a
 * collapsed "Thinking" section), an image (loaded only from a safe address, see `imageSource`),
 * or any other block as JSON text.
 */
export type ContentPart =
  | { kind: "text"; text: string }
  | { kind: "reasoning"; text: string }
  | ({ kind: "image"; block: ContentBlock } & ImageSource)
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
 * A message's parts: the reasoning it carries in `additional_kwargs` (first, as the model thought
 * before it wrote), then its content's parts (see `contentParts`).
 *
 * @example messageParts({ id: "a", type: "ai", content: "Hi", additional_kwargs: { reasoning_content: "Greet." } })
 * // [{ kind: "reasoning", text: "Greet." }, { kind: "text", text: "Hi" }]
 */
export function messageParts(message: Message): ContentPart[] {
  const parts = contentParts(message.content, message);
  const reasoning = kwargsReasoning(message);
  return reasoning === "" ? parts : [{ kind: "reasoning", text: reasoning }, ...parts];
}

/**
 * Splits message content into parts: a string is one text part; `text` blocks are text;
 * reasoning and thinking blocks are reasoning (skipped while still empty); image blocks are
 * images; any other block (tool use, audio, …) is kept as indented JSON, shown as text. Give the
 * message as `holder` to let the view find the chunks of its streamed text.
 *
 * @example contentParts([{ type: "text", text: "Hi" }, { type: "audio", data: "…" }])
 * // [{ kind: "text", text: "Hi" }, { kind: "block", type: "audio", json: "{…}", block }]
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
      const part = richPart(block);
      if (part !== null) parts.push(part);
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

/** A reasoning or image part for such a block (null: reasoning not written yet), else JSON. */
function richPart(block: ContentBlock): ContentPart | null {
  if (typeof block !== "object" || block === null) return blockPart(block);
  const reasoning = reasoningText(block);
  if (reasoning !== undefined)
    return reasoning === "" ? null : { kind: "reasoning", text: reasoning };
  const image = imageSource(block);
  return image === undefined ? blockPart(block) : { kind: "image", block, ...image };
}

function blockPart(block: ContentBlock): ContentPart {
  const type = typeof block?.type === "string" ? block.type : "unknown";
  return { kind: "block", type, json: toJson(block), block };
}

import { isPlainObject } from "../../client/isPlainObject";
import type { ContentBlock, Message } from "./Message";
import { MessageListDraft } from "./MessageListDraft";
import { mergeMessageChunk, startMessageFromChunk } from "./mergeMessageChunk";
import { readWireMessage, type WireMessage } from "./normalizeMessage";

/**
 * Folds one streamed message (the first element of a `messages` tuple) into a list: a chunk
 * (`AIMessageChunk`, …) is merged into the message with its id, a whole message replaces it, and
 * a new id is appended. Returns the same list when `raw` is not a message or has no id.
 *
 * @example
 * let list = applyMessageChunk([], { type: "AIMessageChunk", id: "run-1", content: "Hel" });
 * list = applyMessageChunk(list, { type: "AIMessageChunk", id: "run-1", content: "lo" });
 * list[0].content // "Hello"
 */
export function applyMessageChunk(list: readonly Message[], raw: unknown): Message[] {
  const wire = readWireMessage(raw);
  if (!wire || wire.message.id === "") return list as Message[];
  const draft = new MessageListDraft(list);
  mergeWireMessageInto(draft, wire);
  return draft.finish();
}

/** {@link applyMessageChunk} on a draft (one list copy for a whole batch). */
export function mergeWireMessageInto(draft: MessageListDraft, wire: WireMessage): void {
  const { message, isChunk } = wire;
  const position = draft.indexOf(message.id);
  const before = draft.items[position];
  if (before === undefined) draft.push(isChunk ? startMessageFromChunk(message) : message);
  else if (!isChunk) draft.set(position, message);
  else {
    const merged = mergeMessageChunk(before, message);
    draft.set(position, merged);
    noteStreamedText(draft, merged, before, message);
  }
}

/**
 * Tells the draft which text the chunk appended (the message's string content, or the text of
 * content blocks merged by index), so that the batch settles it with one append per message.
 * A merge it does not recognize is simply not noted: that text is then cut afresh when read.
 */
function noteStreamedText(
  draft: MessageListDraft,
  merged: Message,
  before: Message,
  chunk: Message,
): void {
  const { content } = chunk;
  if (typeof content === "string") {
    if (content !== "" && typeof before.content === "string") {
      draft.textAppends.note(merged, "content", before, content);
    }
    return;
  }
  if (!Array.isArray(content) || !Array.isArray(before.content) || !Array.isArray(merged.content))
    return;
  const indexes = new Set<unknown>();
  for (const block of content) {
    // Two blocks with one index in a chunk are merged twice: not a plain append, not noted.
    if (!isPlainObject(block) || indexes.has(block.index)) return;
    indexes.add(block.index);
  }
  for (const block of content as ContentBlock[]) {
    if (block.index === undefined || block.index === null) continue;
    if (typeof block.text !== "string" || block.text === "") continue;
    const at = merged.content.findIndex(
      (other) => isPlainObject(other) && other.index === block.index,
    );
    const was = before.content[at];
    const now = merged.content[at];
    if (isPlainObject(was) && typeof was.text === "string" && now !== was && now !== undefined) {
      draft.textAppends.note(now, "text", was, block.text);
    }
  }
}

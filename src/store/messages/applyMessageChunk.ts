import type { Message } from "./Message";
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
  else draft.set(position, isChunk ? mergeMessageChunk(before, message) : message);
}

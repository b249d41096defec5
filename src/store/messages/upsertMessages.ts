import { jsonEqual } from "../jsonEqual";
import type { Message } from "./Message";
import { MessageListDraft } from "./MessageListDraft";
import { normalizeMessage } from "./normalizeMessage";

/** The id of a `RemoveMessage` that clears the whole list (LangGraph's `REMOVE_ALL_MESSAGES`). */
export const REMOVE_ALL_MESSAGES = "__remove_all__";

/**
 * Applies whole messages (an `updates` event's `messages`, an older `messages/partial` list):
 * a message replaces the one with its id or is appended; a `RemoveMessage` removes its id, or
 * everything when its id is `__remove_all__`. Messages without an id are skipped (the next
 * `values` event brings them with the id the graph gave them). Unchanged messages keep their
 * identity.
 *
 * @example upsertMessages(list, [{ type: "remove", id: "m1" }]) // list without m1
 */
export function upsertMessages(list: readonly Message[], raws: readonly unknown[]): Message[] {
  const draft = new MessageListDraft(list);
  upsertMessagesInto(draft, raws);
  return draft.finish();
}

/** {@link upsertMessages} on a draft (one list copy for a whole batch). */
export function upsertMessagesInto(draft: MessageListDraft, raws: readonly unknown[]): void {
  for (const raw of raws) {
    const message = normalizeMessage(raw);
    if (!message || message.id === "") continue;
    if (message.type !== "remove") putMessage(draft, message);
    else if (message.id === REMOVE_ALL_MESSAGES) draft.replaceAll([]);
    else draft.remove(message.id);
  }
}

function putMessage(draft: MessageListDraft, message: Message): void {
  const position = draft.indexOf(message.id);
  const before = draft.items[position];
  if (before === undefined) draft.push(message);
  else if (!jsonEqual(before, message)) draft.set(position, message);
}

import { isPlainObject } from "../../client/isPlainObject";
import type { Message } from "./Message";
import { normalizeMessage } from "./normalizeMessage";

let counter = 0;

/** A fresh message id: a UUID where the platform has one, else a unique local id. */
function newMessageId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID === "function") return crypto.randomUUID();
  counter += 1;
  return `lgr-${Date.now().toString(36)}-${counter}`;
}

/**
 * Gives every input message without an id one (a copy; the caller's input is not changed), and
 * returns the input to send with the messages to show at once. The server keeps ids it is given,
 * so the optimistic messages and the saved ones are the same messages.
 *
 * @example
 * const { input, messages } = withInputMessageIds({ messages: [{ type: "human", content: "hi" }] });
 * // input.messages[0].id === messages[0].id
 */
export function withInputMessageIds(input: unknown): { input: unknown; messages: Message[] } {
  if (!isPlainObject(input) || !Array.isArray(input.messages)) return { input, messages: [] };
  const raws = input.messages.map((raw: unknown) =>
    isPlainObject(raw) && typeof raw.id !== "string" ? { ...raw, id: newMessageId() } : raw,
  );
  const messages = raws
    .map((raw) => normalizeMessage(raw))
    .filter((message): message is Message => message !== null && message.type !== "remove");
  return { input: { ...input, messages: raws }, messages };
}

import { jsonEqual } from "../jsonEqual";
import type { Message } from "./Message";
import { normalizeMessage, readWireMessageId } from "./normalizeMessage";

/**
 * Reconciles the assembled list with a `values` event's `messages`, the authoritative state:
 * the result is the values list (normalized, in its order, without duplicates), followed by the
 * streamed messages that are still in flight. A message is in flight when it is in neither the
 * new values list nor the previous one: a message that was in the previous values list and is
 * missing from the new one was removed by the graph and goes away. Messages equal to the ones
 * already held keep their identity; the same list comes back when nothing changed.
 *
 * @example
 * // streamed: [h1, a1, a2 (still streaming)], values: [h1, a1] → [h1, a1, a2]
 * reconcileValuesMessages(streamed, values.messages, previousValues?.messages)
 */
export function reconcileValuesMessages(
  current: readonly Message[],
  valuesMessages: readonly unknown[],
  previousValuesMessages: readonly unknown[] = [],
): Message[] {
  const held = new Map(current.map((message) => [message.id, message]));
  const result: Message[] = [];
  const inValues = new Set<string>();
  valuesMessages.forEach((raw, position) => {
    const message = normalizeMessage(raw, valuesFallbackId(position));
    if (!message || message.type === "remove" || inValues.has(message.id)) return;
    inValues.add(message.id);
    const before = held.get(message.id);
    result.push(before !== undefined && jsonEqual(before, message) ? before : message);
  });
  const settled = new Set(previousValuesMessages.map(readValuesId));
  for (const message of current) {
    if (!inValues.has(message.id) && !settled.has(message.id)) result.push(message);
  }
  return sameItems(result, current) ? (current as Message[]) : result;
}

/** The id given to a values message that has none: its position. */
function valuesFallbackId(position: number): string {
  return `__values_${position}`;
}

/** The id of a message in `values`: its own, else its position (as the reconciled list uses). */
export function readValuesId(raw: unknown, position: number): string {
  return readWireMessageId(raw) ?? valuesFallbackId(position);
}

function sameItems(a: readonly Message[], b: readonly Message[]): boolean {
  return a.length === b.length && a.every((message, i) => message === b[i]);
}

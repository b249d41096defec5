import { isPlainObject } from "../client/isPlainObject";
import type { StreamEvent } from "../client/types";
import { readValuesId } from "./messages/reconcileValuesMessages";

/**
 * The ids of the messages in a thread's saved values (`values.messages`).
 *
 * @example savedMessageIds({ messages: [{ id: "m1", type: "ai", content: "hi" }] }) // Set {"m1"}
 */
export function savedMessageIds(values: unknown): ReadonlySet<string> {
  if (!isPlainObject(values) || !Array.isArray(values.messages)) return new Set();
  return new Set(values.messages.map(readValuesId));
}

/**
 * Drops the message chunks of messages already complete in the session (`settled` ids), and
 * passes every other event through. Used when a replayed run is laid over saved state.
 *
 * @example for await (const event of skipSettledMessageChunks(events, savedMessageIds(values))) …
 */
export async function* skipSettledMessageChunks(
  events: AsyncIterable<StreamEvent>,
  settled: ReadonlySet<string>,
): AsyncGenerator<StreamEvent, void> {
  for await (const event of events) {
    if (settled.size > 0 && isSettledChunk(event, settled)) continue;
    yield event;
  }
}

function isSettledChunk(event: StreamEvent, settled: ReadonlySet<string>): boolean {
  if (!event.type.startsWith("messages") || !Array.isArray(event.data)) return false;
  const [chunk] = event.data as unknown[];
  return isPlainObject(chunk) && typeof chunk.id === "string" && settled.has(chunk.id);
}

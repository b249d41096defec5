import { readValuesId } from "./messages/reconcileValuesMessages";
import type { RunSession } from "./RunSession";

/**
 * The session without the messages its latest `values` do not hold: what a stopped or failed run
 * had streamed but the thread never kept (a partial answer). Left in place they would count as
 * "in flight" for good and show below the next run's reply; a new run starts from what the
 * server kept, as a reload would. Sessions whose values carry no message list are left alone.
 */
export function dropUnsavedMessages<V, C, I>(session: RunSession<V, C, I>): RunSession<V, C, I> {
  const values = session.values as { messages?: unknown } | null;
  if (!values || typeof values !== "object" || !Array.isArray(values.messages)) return session;
  const saved = new Set(values.messages.map(readValuesId));
  const messages = session.messages.filter((message) => saved.has(message.id));
  return messages.length === session.messages.length ? session : { ...session, messages };
}

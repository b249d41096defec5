import { isPlainObject } from "../client/isPlainObject";
import { reconcileValuesMessages } from "./messages/reconcileValuesMessages";
import { readThreadInterrupts, type ThreadPauseSources } from "./readThreadInterrupts";
import type { RunSession } from "./RunSession";

/**
 * Fills a session from a thread's saved state (`threads.getState`, and `threads.get` for its
 * status): its values, the messages in them, and what it is paused on: interrupts (from each
 * task, in the JS and Python shapes) or a static breakpoint. Nothing enters the event log: this
 * is history, not a stream. Streamed messages not in the state are kept (a run still in flight).
 *
 * @example hydrateSession(session, { state: await client.threads.getState(id), thread })
 */
export function hydrateSession<V, C, I>(
  session: RunSession<V, C, I>,
  sources: ThreadPauseSources & { state: { values: unknown } },
): RunSession<V, C, I> {
  const values = isPlainObject(sources.state.values) ? sources.state.values : null;
  const messages = Array.isArray(values?.messages)
    ? reconcileValuesMessages(session.messages, values.messages as unknown[])
    : session.messages;
  const pause = readThreadInterrupts<I>(sources);
  return {
    ...session,
    values: (values as V | null) ?? session.values,
    messages,
    interrupts: pause.interrupts.length > 0 ? pause.interrupts : session.interrupts,
    breakpoint: pause.breakpoint || session.breakpoint,
  };
}

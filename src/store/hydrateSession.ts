import { isPlainObject } from "../client/isPlainObject";
import { reconcileValuesMessages } from "./messages/reconcileValuesMessages";
import type { PendingInterrupt } from "./interrupts/PendingInterrupt";
import type { RunSession } from "./RunSession";

/**
 * Fills a session from a thread's saved state (`threads.getState`): its values, the messages in
 * them and the interrupts it is waiting on. Nothing enters the event log: this is history, not a
 * stream. Streamed messages not in the state are kept (a run still in flight).
 *
 * @example hydrateSession(session, { values: state.values, interrupts: state.interrupts })
 */
export function hydrateSession<V, C, I>(
  session: RunSession<V, C, I>,
  state: { values: unknown; interrupts?: readonly { id?: string; value?: unknown }[] },
): RunSession<V, C, I> {
  const values = isPlainObject(state.values) ? state.values : null;
  const messages = Array.isArray(values?.messages)
    ? reconcileValuesMessages(session.messages, values.messages as unknown[])
    : session.messages;
  const interrupts = (state.interrupts ?? []).map((interrupt, index): PendingInterrupt<I> => ({
    id: interrupt.id ?? `__interrupt_${index}`,
    value: interrupt.value as I,
  }));
  return {
    ...session,
    values: (values as V | null) ?? session.values,
    messages,
    interrupts: interrupts.length > 0 ? interrupts : session.interrupts,
  };
}

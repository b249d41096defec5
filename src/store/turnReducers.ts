import type { Message } from "./messages/Message";
import type { RunSession, SessionError, SubmitRefusal } from "./RunSession";

/*
 * Pure reducers for a turn's edges: the user's message shown before the server answers, a run
 * the busy thread refused, and errors kept in the transcript.
 */

/**
 * Shows the user's input messages at once, before the run's first event. They carry the ids the
 * run is submitted with, so the server's `values` reconcile them in place.
 *
 * @example addOptimisticMessages(session, [{ id: "m1", type: "human", content: "hi" }])
 */
export function addOptimisticMessages<V, C, I>(
  session: RunSession<V, C, I>,
  messages: readonly Message[],
): RunSession<V, C, I> {
  const held = new Set(session.messages.map((message) => message.id));
  const fresh = messages.filter((message) => !held.has(message.id));
  if (fresh.length === 0) return session;
  return { ...session, messages: [...session.messages, ...fresh] };
}

/**
 * Takes back optimistic messages (the run was refused): the draft, not the transcript, keeps them.
 *
 * @example removeMessages(session, new Set(["m1"]))
 */
export function removeMessages<V, C, I>(
  session: RunSession<V, C, I>,
  ids: ReadonlySet<string>,
): RunSession<V, C, I> {
  if (ids.size === 0 || !session.messages.some((message) => ids.has(message.id))) return session;
  return { ...session, messages: session.messages.filter((message) => !ids.has(message.id)) };
}

/**
 * Records a run's error beside the last message it followed (once per run and message).
 *
 * @example recordTurnError(session, { kind: "stream", message: "boom" })
 */
export function recordTurnError<V, C, I>(
  session: RunSession<V, C, I>,
  error: SessionError,
): RunSession<V, C, I> {
  const afterMessageId = session.messages.at(-1)?.id ?? null;
  const { runId } = session;
  const last = session.turnErrors.at(-1);
  if (last && last.runId === runId && last.afterMessageId === afterMessageId) return session;
  return { ...session, turnErrors: [...session.turnErrors, { runId, afterMessageId, error }] };
}

/**
 * Sets (or clears, with null) the busy-thread refusal of the last submit.
 *
 * @example setRefusal(session, { kind: "busy", message, busyRunId: "r1", waiting: false })
 */
export function setRefusal<V, C, I>(
  session: RunSession<V, C, I>,
  refusal: SubmitRefusal | null,
): RunSession<V, C, I> {
  if (session.refusal === refusal) return session;
  return { ...session, refusal };
}

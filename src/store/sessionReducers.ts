import { FINAL_RUN_STATUSES, type RunStatus } from "../client/types";
import { clearInterrupts } from "./interrupts/clearInterrupts";
import {
  createSession,
  type ConnectionState,
  type RunSession,
  type SessionError,
  type SessionInit,
  type SessionStatus,
} from "./RunSession";

/*
 * Pure reducers for what does not come from stream events. Each returns the same session when
 * nothing changes, so subscribers are not notified for nothing.
 */

/** Whether a status is final (the run will not change again). */
export function isFinalStatus(status: SessionStatus): status is RunStatus {
  return FINAL_RUN_STATUSES.has(status as RunStatus);
}

/** Whether a run is under way: starting, pending or running. */
export function isActiveStatus(status: SessionStatus): boolean {
  return status !== "idle" && !isFinalStatus(status);
}

/**
 * Sets the connection state. `attempt` defaults to one more than before when reconnecting, else 0.
 *
 * @example setConnection(session, "reconnecting").connection // { state: "reconnecting", attempt: 1 }
 */
export function setConnection<V, C, I>(
  session: RunSession<V, C, I>,
  state: ConnectionState,
  attempt = state === "reconnecting" ? session.connection.attempt + 1 : 0,
): RunSession<V, C, I> {
  const { connection } = session;
  if (connection.state === state && connection.attempt === attempt) return session;
  return { ...session, connection: { state, attempt } };
}

/**
 * Sets the status. `"starting"` begins a new run on the session: it clears pending interrupts, the
 * breakpoint, the error, `cancelling` and the last event id, and restarts the timings at `now`. A
 * final status clears `cancelling` and records `endedAt` (when `now` is given).
 *
 * @example setStatus(session, "starting", Date.now())
 */
export function setStatus<V, C, I>(
  session: RunSession<V, C, I>,
  status: SessionStatus,
  now?: number,
): RunSession<V, C, I> {
  if (session.status === status) return session;
  if (status === "starting") return beginRun(session, now);
  if (!isFinalStatus(status)) return { ...session, status };
  const timings = now === undefined ? session.timings : { ...session.timings, endedAt: now };
  return { ...session, status, cancelling: false, timings };
}

function beginRun<V, C, I>(
  session: RunSession<V, C, I>,
  now: number | undefined,
): RunSession<V, C, I> {
  return {
    ...clearInterrupts(session),
    status: "starting",
    cancelling: false,
    error: null,
    lastEventId: undefined,
    timings: now === undefined ? {} : { startedAt: now },
  };
}

/**
 * Marks a cancel as requested (or withdrawn). Ignored once the run has ended.
 *
 * @example markCancelling(session).cancelling // true while the run is still going
 */
export function markCancelling<V, C, I>(
  session: RunSession<V, C, I>,
  cancelling = true,
): RunSession<V, C, I> {
  if (session.cancelling === cancelling || (cancelling && isFinalStatus(session.status)))
    return session;
  return { ...session, cancelling };
}

/**
 * Sets (or clears, with null) the error. The status is left alone: a failed cancel is an error
 * but not a failed run.
 *
 * @example setError(session, { kind: "busy", message: "Thread is busy", status: 409 })
 */
export function setError<V, C, I>(
  session: RunSession<V, C, I>,
  error: SessionError | null,
): RunSession<V, C, I> {
  if (session.error === error) return session;
  return { ...session, error };
}

/**
 * Records the thread and run ids (e.g. from `Content-Location`, before the first event). A run id
 * replacing a different one means a new run: pending interrupts, the breakpoint and the last
 * event id are cleared.
 *
 * @example setRunIdentity(session, { threadId: "t1", runId: "r1" })
 */
export function setRunIdentity<V, C, I>(
  session: RunSession<V, C, I>,
  identity: { threadId?: string | null; runId?: string | null },
): RunSession<V, C, I> {
  const threadId = identity.threadId === undefined ? session.threadId : identity.threadId;
  const runId = identity.runId === undefined ? session.runId : identity.runId;
  if (threadId === session.threadId && runId === session.runId) return session;
  const next = { ...session, threadId, runId };
  return isNewRun(session.runId, runId)
    ? { ...clearInterrupts(next), lastEventId: undefined }
    : next;
}

/** Whether `runId` names a different run than the one the session followed. */
export function isNewRun(previous: string | null, runId: string | null): boolean {
  return previous !== null && runId !== null && previous !== runId;
}

/**
 * A fresh session with the same key, thread and log caps (override them with `init`).
 *
 * @example resetSession(session).messages // []
 */
export function resetSession<V, C, I>(
  session: RunSession<V, C, I>,
  init: SessionInit = {},
): RunSession<V, C, I> {
  return createSession<V, C, I>(session.key, {
    threadId: session.threadId,
    eventLogCap: session.eventLog.cap,
    eventLogByteCap: session.eventLog.byteCap,
    ...init,
  });
}

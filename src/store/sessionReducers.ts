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
 * Sets the connection state. `attempt` defaults to one more than before when reconnecting, else 0;
 * `retryAt` (when the next attempt goes, epoch ms) is kept only while reconnecting.
 *
 * @example setConnection(session, "reconnecting").connection // { state: "reconnecting", attempt: 1 }
 */
export function setConnection<V, C, I>(
  session: RunSession<V, C, I>,
  state: ConnectionState,
  attempt = state === "reconnecting" ? session.connection.attempt + 1 : 0,
  retryAt?: number,
): RunSession<V, C, I> {
  const { connection } = session;
  const at = state === "reconnecting" ? retryAt : undefined;
  if (connection.state === state && connection.attempt === attempt && connection.retryAt === at)
    return session;
  return {
    ...session,
    connection: at === undefined ? { state, attempt } : { state, attempt, retryAt: at },
  };
}

/**
 * Sets the status, and nothing else: starting a run is {@link beginRun}, ending one
 * {@link endRun}. A final status clears `cancelling` (nothing is left to cancel).
 *
 * @example setStatus(session, "running").status // "running"
 */
export function setStatus<V, C, I>(
  session: RunSession<V, C, I>,
  status: SessionStatus,
): RunSession<V, C, I> {
  if (session.status === status) return session;
  return isFinalStatus(status) ? { ...session, status, cancelling: false } : { ...session, status };
}

/**
 * Begins a new run on the session: status `starting`, and the last run's pending interrupts,
 * breakpoint, error, `cancelling` and last event id cleared; the timings restart at `now`.
 * Messages and values stay (the thread's history).
 *
 * @example beginRun(session, Date.now()).status // "starting"
 */
export function beginRun<V, C, I>(session: RunSession<V, C, I>, now?: number): RunSession<V, C, I> {
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
 * Attaches to a run that is already going (a re-join, or following a run someone else started):
 * a run other than the session's begins anew ({@link beginRun}); the same run keeps what the
 * session holds. Either way it is `running`, under those ids, and connecting.
 *
 * @example joinRun(session, { threadId: "t1", runId: "r1" }, Date.now()).status // "running"
 */
export function joinRun<V, C, I>(
  session: RunSession<V, C, I>,
  identity: { threadId: string; runId: string },
  now?: number,
): RunSession<V, C, I> {
  const begun = session.runId === identity.runId ? session : beginRun(session, now);
  return setConnection(setRunIdentity({ ...begun, status: "running" }, identity), "connecting");
}

/**
 * The stream is open: its first event arrived (also after a re-join).
 *
 * @example markOpen(session).connection.state // "open"
 */
export function markOpen<V, C, I>(session: RunSession<V, C, I>): RunSession<V, C, I> {
  return setConnection(session, "open");
}

/**
 * Ends the run with a final status and records `endedAt` (when `now` is given).
 *
 * @example endRun(session, "success", Date.now()).timings.endedAt
 */
export function endRun<V, C, I>(
  session: RunSession<V, C, I>,
  status: RunStatus,
  now?: number,
): RunSession<V, C, I> {
  const ended = setStatus(session, status);
  if (now === undefined || ended === session) return ended;
  return { ...ended, timings: { ...ended.timings, endedAt: now } };
}

/**
 * Ends the run as failed, with its error.
 *
 * @example failRun(session, { kind: "network", message: "offline" }, Date.now()).status // "error"
 */
export function failRun<V, C, I>(
  session: RunSession<V, C, I>,
  error: SessionError,
  now?: number,
): RunSession<V, C, I> {
  return endRun(setError(session, error), "error", now);
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
 * A fresh session with the same id, thread and log caps (override them with `init`).
 *
 * @example resetSession(session).messages // []
 */
export function resetSession<V, C, I>(
  session: RunSession<V, C, I>,
  init: SessionInit = {},
): RunSession<V, C, I> {
  return createSession<V, C, I>(session.id, {
    threadId: session.threadId,
    eventLogCap: session.eventLog.cap,
    eventLogByteCap: session.eventLog.byteCap,
    ...init,
  });
}

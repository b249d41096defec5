import type { StreamEvent } from "../client/types";
import type { AnyRunSession, StreamStoreState } from "./createStreamStore";
import { createEventLog, type EventLog } from "./EventLog";
import type { PendingInterrupt } from "./interrupts/PendingInterrupt";
import type { Message } from "./messages/Message";
import type { RunSession, SessionError, SessionStatus } from "./RunSession";
import { sessionDisplayStatus, type RunDisplayStatus } from "./runDisplayStatus";

/*
 * Selector factories for `useStore(store, selector)`: each returns a plain function of the store
 * state. Missing sessions select stable fallbacks (the same empty array every time), so a
 * component waiting for its session does not re-render in a loop.
 */

export const NO_MESSAGES: Message[] = [];
export const NO_INTERRUPTS: PendingInterrupt<never>[] = [];
export const IDLE_CONNECTION: RunSession["connection"] = { state: "idle", attempt: 0 };
const EMPTY_LOG = /* @__PURE__ */ createEventLog<StreamEvent>();

type Selector<T> = (state: StreamStoreState) => T;

/**
 * The whole session under `key`.
 *
 * @example const session = useStore(store, selectSession<MyState>(key));
 */
export function selectSession<V = Record<string, unknown>, C = unknown, I = unknown>(
  key: string,
): Selector<RunSession<V, C, I> | undefined> {
  return (state) => state.sessions[key] as RunSession<V, C, I> | undefined;
}

function selectField<T>(
  key: string,
  read: (session: AnyRunSession) => T,
  fallback: T,
): Selector<T> {
  return (state) => {
    const session = state.sessions[key];
    return session === undefined ? fallback : read(session);
  };
}

/** Assembled messages (`[]` without a session). */
export function selectMessages(key: string): Selector<Message[]> {
  return selectField(key, (session) => session.messages, NO_MESSAGES);
}

/** Session status (`"idle"` without a session). */
export function selectStatus(key: string): Selector<SessionStatus> {
  return selectField<SessionStatus>(key, (session) => session.status, "idle");
}

/**
 * The status the UI shows (`"idle"` without a session): "needs-input" while interrupts or a
 * breakpoint are pending, "stopped" for a cancelled run, "cancelling" / "reconnecting" on top.
 *
 * @example const shown = useStore(store, selectDisplayStatus(key)); // "needs-input"
 */
export function selectDisplayStatus(key: string): Selector<RunDisplayStatus> {
  return (state) => sessionDisplayStatus(state.sessions[key]);
}

/** Pending interrupts (`[]` without a session). */
export function selectInterrupts<I = unknown>(key: string): Selector<PendingInterrupt<I>[]> {
  return selectField(key, (session) => session.interrupts as PendingInterrupt<I>[], NO_INTERRUPTS);
}

/** Latest values (null without a session). */
export function selectValues<V = Record<string, unknown>>(key: string): Selector<V | null> {
  return selectField(key, (session) => session.values as V | null, null);
}

/** The error, or null. */
export function selectError(key: string): Selector<SessionError | null> {
  return selectField(key, (session) => session.error, null);
}

/** Whether a cancel is pending. */
export function selectCancelling(key: string): Selector<boolean> {
  return selectField(key, (session) => session.cancelling, false);
}

/** The event log (an empty one without a session). */
export function selectEventLog(key: string): Selector<EventLog<StreamEvent>> {
  return selectField(key, (session) => session.eventLog, EMPTY_LOG);
}

/** The stream connection: state and reconnect attempt (idle without a session). */
export function selectConnection(key: string): Selector<RunSession["connection"]> {
  return selectField(key, (session) => session.connection, IDLE_CONNECTION);
}

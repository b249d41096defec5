"use client";
import { useStore } from "zustand";
import type { EventLog } from "../store/EventLog";
import type { PendingInterrupt } from "../store/interrupts/PendingInterrupt";
import type { Message } from "../store/messages/Message";
import type { ConnectionState, RunSession, SessionError, SessionStatus } from "../store/RunSession";
import type { StreamStoreState } from "../store/createStreamStore";
import {
  selectCancelling,
  selectConnection,
  selectError,
  selectEventLog,
  selectInterrupts,
  selectMessages,
  selectStatus,
  selectValues,
} from "../store/selectors";
import { useRunsContext } from "./RunsContext";

/*
 * Slice hooks: each subscribes to one part of a run session, so a component re-renders only
 * when its part changes (at most once per animation frame, when the buffer flushes).
 */

/**
 * Any slice of a run session, by selector. Return stable values (fields, not new objects).
 *
 * @example const tokens = useRunSession(stream.key, (s) => s?.counts.messages ?? 0);
 */
export function useRunSession<T, V = Record<string, unknown>, C = unknown, I = unknown>(
  key: string,
  selector: (session: RunSession<V, C, I> | undefined) => T,
): T {
  const { store } = useRunsContext();
  return useStore(store, (state: StreamStoreState) =>
    selector(state.sessions[key] as RunSession<V, C, I> | undefined),
  );
}

/** Reads the provider's store through one of the store's selectors (`src/store/selectors.ts`). */
function useStoreSelection<T>(selector: (state: StreamStoreState) => T): T {
  return useStore(useRunsContext().store, selector);
}

/** The run's status: idle, starting, pending, running, or a final status. */
export function useRunStatus(key: string): SessionStatus {
  return useStoreSelection(selectStatus(key));
}

/** Assembled messages, updated as tokens stream. */
export function useRunMessages(key: string): Message[] {
  return useStoreSelection(selectMessages(key));
}

/** The latest state values. */
export function useRunValues<V = Record<string, unknown>>(key: string): V | null {
  return useStoreSelection(selectValues<V>(key));
}

/** Interrupts waiting for an answer. */
export function useRunInterrupts<I = unknown>(key: string): PendingInterrupt<I>[] {
  return useStoreSelection(selectInterrupts<I>(key));
}

/** The bounded event log (with counts of total and dropped events). */
export function useRunEvents(key: string): EventLog {
  return useStoreSelection(selectEventLog(key));
}

/** The stream connection: state and reconnect attempt. */
export function useRunConnection(key: string): { state: ConnectionState; attempt: number } {
  return useStoreSelection(selectConnection(key));
}

/** The run's error, if any. */
export function useRunError(key: string): SessionError | null {
  return useStoreSelection(selectError(key));
}

/** Whether a cancel was requested and the run has not ended yet. */
export function useRunCancelling(key: string): boolean {
  return useStoreSelection(selectCancelling(key));
}

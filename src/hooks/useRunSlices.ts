"use client";
import { useStore } from "zustand";
import type { EventLog } from "../store/EventLog";
import type { PendingInterrupt } from "../store/interrupts/PendingInterrupt";
import type { Message } from "../store/messages/Message";
import type {
  SessionConnection,
  RunSession,
  SessionError,
  SessionStatus,
} from "../store/RunSession";
import type { StreamStoreState } from "../store/createStreamStore";
import {
  selectConnection,
  selectError,
  selectEventLog,
  selectInterrupts,
  selectMessages,
  selectStatus,
  selectValues,
} from "../store/selectors";
import type { RunRef } from "../store/RunHandle";
import { useRunsContext } from "./RunsContext";
import { useRunHandle } from "./RunScope";

export type { RunRef } from "../store/RunHandle";

/*
 * Slice hooks: each subscribes to one part of a run session, so a component re-renders only
 * when its part changes (at most once per animation frame, when the buffer flushes).
 */

/**
 * Any slice of a run session, by selector. Return stable values (fields, not new objects).
 *
 * @example const tokens = useRunSession(chat, (s) => s?.counts.messages ?? 0);
 */
export function useRunSession<T, V = Record<string, unknown>, C = unknown, I = unknown>(
  run: RunRef | undefined,
  selector: (session: RunSession<V, C, I> | undefined) => T,
): T {
  const id = useRunId(run);
  const { store } = useRunsContext();
  return useStore(store, (state: StreamStoreState) =>
    selector(state.sessions[id] as RunSession<V, C, I> | undefined),
  );
}

/** The session id of `run`, else of the `<RunScope>`; throws a helpful error without either. */
function useRunId(run: RunRef | undefined): string {
  const scoped = useRunHandle();
  const id = run?.id ?? scoped?.id;
  if (id === undefined)
    throw new Error(
      "langgraph-runs-react: pass a run handle, or render inside <RunScope run={…}>.",
    );
  return id;
}

/** Reads the provider's store through one of the store's selectors (`src/store/selectors.ts`). */
function useStoreSelection<T>(
  run: RunRef | undefined,
  selector: (id: string) => (state: StreamStoreState) => T,
): T {
  const id = useRunId(run);
  return useStore(useRunsContext().store, selector(id));
}

/** The run's status: idle, starting, pending, running, or a final status. */
export function useRunStatus(run?: RunRef): SessionStatus {
  return useStoreSelection(run, selectStatus);
}

/** Assembled messages, updated as tokens stream. */
export function useRunMessages(run?: RunRef): Message[] {
  return useStoreSelection(run, selectMessages);
}

/** The latest state values. */
export function useRunValues<V = Record<string, unknown>>(run?: RunRef): V | null {
  return useStoreSelection(run, selectValues<V>);
}

/** Interrupts waiting for an answer. */
export function useRunInterrupts<I = unknown>(run?: RunRef): PendingInterrupt<I>[] {
  return useStoreSelection(run, selectInterrupts<I>);
}

/** The bounded event log (with counts of total and dropped events). */
export function useRunEvents(run?: RunRef): EventLog {
  return useStoreSelection(run, selectEventLog);
}

/** The stream connection: state and reconnect attempt. */
export function useRunConnection(run?: RunRef): SessionConnection {
  return useStoreSelection(run, selectConnection);
}

/** The run's error, if any. */
export function useRunError(run?: RunRef): SessionError | null {
  return useStoreSelection(run, selectError);
}

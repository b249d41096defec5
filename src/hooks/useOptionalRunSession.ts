"use client";
import { useContext } from "react";
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import type { AnyRunSession, StreamStoreState } from "../store/createStreamStore";
import { RunsContext } from "./RunsContext";

/** Stands in for the provider's store when a component is given plain props (no run). */
const NO_SESSIONS = createStore<StreamStoreState>()(() => ({ sessions: {} }));

/**
 * A slice of `run`'s session, or `selector(undefined)` without a run. Unlike `useRunSession` it
 * works outside a `RunsProvider` as long as no run is given, so components can take plain data
 * props in stories and tests; a run without a provider throws a helpful error. Return a
 * primitive or a stable value from the selector.
 *
 * @example const log = useOptionalRunSession(run, (s) => s?.eventLog);
 */
export function useOptionalRunSession<T>(
  run: { readonly id: string } | null | undefined,
  selector: (session: AnyRunSession | undefined) => T,
): T {
  const context = useContext(RunsContext);
  const key = run?.id;
  if (key !== undefined && context === null) {
    throw new Error(
      "langgraph-runs-react: a run handle needs a <RunsProvider> above the component.",
    );
  }
  const store = key === undefined || context === null ? NO_SESSIONS : context.store;
  return useStore(store, (state: StreamStoreState) =>
    selector(key === undefined ? undefined : state.sessions[key]),
  );
}

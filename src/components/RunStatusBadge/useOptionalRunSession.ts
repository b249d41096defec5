"use client";
import { useCallback, useContext, useSyncExternalStore } from "react";
import { RunsContext } from "../../hooks/RunsContext";
import type { AnyRunSession } from "../../store/createStreamStore";

const noSubscription = () => () => undefined;

/**
 * One slice of a run session by key, or `selector(undefined)` when there is no key or no
 * `RunsProvider` (so components taking plain props also render outside a provider). Return a
 * primitive or a stable value from the selector.
 *
 * @example const status = useOptionalRunSession(runKey, (s) => s?.status ?? "idle");
 */
export function useOptionalRunSession<T>(
  runKey: string | null | undefined,
  selector: (session: AnyRunSession | undefined) => T,
): T {
  const store = useContext(RunsContext)?.store;
  const subscribe = useCallback(
    (onChange: () => void) => (store && runKey ? store.subscribe(onChange) : noSubscription()),
    [store, runKey],
  );
  const read = () => selector(store && runKey ? store.getState().sessions[runKey] : undefined);
  return useSyncExternalStore(subscribe, read, read);
}

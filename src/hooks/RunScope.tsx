"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { AnyRunHandle, RunRef } from "../store/RunHandle";

const RunScopeContext = createContext<AnyRunHandle | null>(null);

/**
 * Where a handle keeps its stable self: `useRunStream` returns a fresh object with state every
 * render, and a scope that held that object would re-render every reader on every token.
 */
export const STABLE_HANDLE: unique symbol = Symbol.for("langgraph-runs-react.handle");

type WithStableHandle = AnyRunHandle & { [STABLE_HANDLE]?: AnyRunHandle };

/** The stable handle behind a `useRunStream` result (or the handle itself). */
function stableHandleOf(run: AnyRunHandle): AnyRunHandle {
  return (run as WithStableHandle)[STABLE_HANDLE] ?? run;
}

export interface RunScopeProps {
  /** The handle of `useRunStream` or `useRunController`. */
  run: AnyRunHandle;
  children?: ReactNode;
}

/**
 * Gives a run handle to every component and slice hook below it, so they need no `run` prop.
 *
 * @example
 * <RunScope run={chat}>
 *   <RunStatusBadge /> <MessageStream /> <InterruptPanel /> <CancelRunButton />
 * </RunScope>
 */
export function RunScope({ run, children }: RunScopeProps): ReactNode {
  return (
    <RunScopeContext.Provider value={stableHandleOf(run)}>{children}</RunScopeContext.Provider>
  );
}

/**
 * The run a component works on: the `run` prop, else the nearest `<RunScope>`'s, else undefined.
 *
 * @example const run = useRunHandle(props.run); // run?.id, run?.stop()
 */
export function useRunHandle<TRun extends RunRef = AnyRunHandle>(
  run?: TRun | null,
): TRun | AnyRunHandle | undefined {
  const scoped = useContext(RunScopeContext);
  return run ?? scoped ?? undefined;
}

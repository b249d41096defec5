"use client";
import { useMutationState } from "@tanstack/react-query";
import {
  CANCEL_RUN_MUTATION_KEY,
  type CancelRunVariables,
} from "../query/cancelRunMutationOptions";
import { useRunHandle } from "./RunScope";
import { useOptionalRunSession } from "./useOptionalRunSession";
import type { RunRef } from "./useRunSlices";

/** A run by its ids, as `useCancelRun` cancels it. */
export interface RunIds {
  threadId: string | null | undefined;
  runId: string | null | undefined;
}

/**
 * Whether a cancel of the run is waiting for the server: a handle's `stop()` (the session's
 * `cancelling`), or a `useCancelRun` of those ids. Without an argument, the `<RunScope>`'s run.
 *
 * @example
 * const cancelling = useIsCancelling(chat);
 * const rowCancelling = useIsCancelling({ threadId, runId: run.run_id });
 */
export function useIsCancelling(target?: RunRef | RunIds): boolean {
  const byIds = target !== undefined && !("id" in target) ? target : undefined;
  const scoped = useRunHandle();
  const ref = byIds ? undefined : ((target as RunRef | undefined) ?? scoped);
  const stopping = useOptionalRunSession(ref, (session) => session?.cancelling ?? false);
  const threadId = useOptionalRunSession(ref, (session) => session?.threadId) ?? byIds?.threadId;
  const runId = useOptionalRunSession(ref, (session) => session?.runId) ?? byIds?.runId;
  const pending = useMutationState({
    filters: { mutationKey: CANCEL_RUN_MUTATION_KEY, status: "pending" },
    select: (mutation) => mutation.state.variables as CancelRunVariables | undefined,
  });
  const cancelling = pending.some(
    (variables) => runId != null && variables?.threadId === threadId && variables?.runId === runId,
  );
  return stopping || cancelling;
}

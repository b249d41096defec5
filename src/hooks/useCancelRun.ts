"use client";
import {
  useMutation,
  useMutationState,
  useQueryClient,
  type UseMutationResult,
} from "@tanstack/react-query";
import type { Run } from "../client/types";
import {
  CANCEL_RUN_MUTATION_KEY,
  cancelRunMutationOptions,
  type CancelRunVariables,
} from "../query/cancelRunMutationOptions";
import { useRunsClient } from "./useRunsClient";

export type { CancelRunVariables } from "../query/cancelRunMutationOptions";

/**
 * Cancels a run and waits until the server confirms a final status (a 202 is only a request).
 * While it waits, `useIsCancelling(threadId, runId)` is true; on error it goes back to false.
 * Resolves with the final run, or null when a rollback deleted it.
 *
 * @example
 * const cancel = useCancelRun();
 * cancel.mutate({ threadId, runId, action: "rollback" });
 */
export function useCancelRun(): UseMutationResult<Run | null, Error, CancelRunVariables> {
  const client = useRunsClient();
  const queryClient = useQueryClient();
  return useMutation(cancelRunMutationOptions(client, queryClient));
}

/**
 * Whether a `useCancelRun` cancel of this run is waiting for the server's confirmation.
 *
 * @example const cancelling = useIsCancelling(threadId, run.run_id);
 */
export function useIsCancelling(
  threadId: string | null | undefined,
  runId: string | null | undefined,
): boolean {
  const pending = useMutationState({
    filters: { mutationKey: CANCEL_RUN_MUTATION_KEY, status: "pending" },
    select: (mutation) => mutation.state.variables as CancelRunVariables | undefined,
  });
  return pending.some(
    (variables) => variables?.threadId === threadId && variables?.runId === runId,
  );
}

"use client";
import {
  useMutation,
  useMutationState,
  useQueryClient,
  type UseMutationResult,
} from "@tanstack/react-query";
import { RunsClientError } from "../client/RunsClientError";
import { FINAL_RUN_STATUSES, type CancelAction, type Run } from "../client/types";
import { runKeys } from "../query/runKeys";
import { useRunsClient } from "./useRunsClient";

export interface CancelRunVariables {
  threadId: string;
  runId: string;
  action?: CancelAction;
}

const CONFIRM_POLL_MS = 250;
const CONFIRM_TIMEOUT_MS = 30_000;

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
  return useMutation({
    mutationKey: [...runKeys.all, "cancel"],
    mutationFn: async ({ threadId, runId, action = "interrupt" }) => {
      await client.runs.cancel(threadId, runId, false, action);
      return confirmFinal(() => client.runs.get(threadId, runId));
    },
    onMutate: ({ threadId, runId }) =>
      queryClient.cancelQueries({ queryKey: runKeys.detail(threadId, runId) }),
    onSuccess: async (run, { threadId, runId }) => {
      const queryKey = runKeys.detail(threadId, runId);
      // A poll that left before the server confirmed would land after this and bring back
      // "running": drop it first.
      await queryClient.cancelQueries({ queryKey });
      if (run) queryClient.setQueryData(queryKey, run);
      else queryClient.removeQueries({ queryKey });
    },
    onSettled: (_run, _error, { threadId }) =>
      queryClient.invalidateQueries({ queryKey: runKeys.lists(threadId) }),
  });
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
    filters: { mutationKey: [...runKeys.all, "cancel"], status: "pending" },
    select: (mutation) => mutation.state.variables as CancelRunVariables | undefined,
  });
  return pending.some(
    (variables) => variables?.threadId === threadId && variables?.runId === runId,
  );
}

async function confirmFinal(get: () => Promise<Run>): Promise<Run | null> {
  const deadline = Date.now() + CONFIRM_TIMEOUT_MS;
  for (;;) {
    try {
      const run = await get();
      if (FINAL_RUN_STATUSES.has(run.status) || Date.now() > deadline) return run;
    } catch (error) {
      if (error instanceof RunsClientError && error.kind === "not_found") return null;
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_POLL_MS));
  }
}

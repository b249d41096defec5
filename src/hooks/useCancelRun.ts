"use client";
import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import type { RunsClientError } from "../client/RunsClientError";
import type { Run } from "../client/types";
import {
  cancelRunMutationOptions,
  type CancelRunVariables,
} from "../query/cancelRunMutationOptions";
import { useRunsClient } from "./useRunsClient";

export type { CancelRunVariables } from "../query/cancelRunMutationOptions";

/**
 * Cancels a run and waits until the server confirms a final status (a 202 is only a request).
 * While it waits, `useIsCancelling({ threadId, runId })` is true; on error it goes back to false.
 * Resolves with the final run, or null when a rollback deleted it.
 *
 * @example
 * const cancel = useCancelRun();
 * cancel.mutate({ threadId, runId, action: "rollback" });
 */
export function useCancelRun(): UseMutationResult<Run | null, RunsClientError, CancelRunVariables> {
  const client = useRunsClient();
  const queryClient = useQueryClient();
  return useMutation(cancelRunMutationOptions(client, queryClient));
}

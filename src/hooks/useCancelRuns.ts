"use client";
import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import type { RunsClientError } from "../client/RunsClientError";
import {
  cancelRunMutationOptions,
  type CancelRunsVariables,
} from "../query/cancelRunMutationOptions";
import { useRunsClient } from "./useRunsClient";

/**
 * Cancels several runs: by ids, or every pending/running run of a thread. Uses the server's
 * `/runs/cancel`; servers without it (the JS server) get one cancel per run instead. Refreshes
 * the thread's lists and the runs' details, never a join (see `invalidateRunQueries`). Errors
 * are typed `RunsClientError`s.
 *
 * @example useCancelRuns().mutate({ threadId, status: "all" });
 */
export function useCancelRuns(): UseMutationResult<void, RunsClientError, CancelRunsVariables> {
  const client = useRunsClient();
  const queryClient = useQueryClient();
  return useMutation(cancelRunMutationOptions(client, queryClient, "many"));
}

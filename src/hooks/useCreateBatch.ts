"use client";
import type { RunsClientError } from "../client/RunsClientError";
import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import type { Run, RunsBatchItem } from "../client/types";
import { runKeys } from "../query/runKeys";
import { useRunsClient } from "./useRunsClient";

/**
 * Starts several stateless background runs at once; each lands in the cache.
 *
 * @example useCreateBatch().mutate([{ assistantId: "agent", input: a }, { assistantId: "agent", input: b }]);
 */
export function useCreateBatch(): UseMutationResult<Run[], RunsClientError, RunsBatchItem[]> {
  const client = useRunsClient();
  const queryClient = useQueryClient();
  return useMutation<Run[], RunsClientError, RunsBatchItem[]>({
    mutationFn: (items) => client.runs.createBatch(items),
    onSuccess: (runs) => {
      for (const run of runs)
        queryClient.setQueryData(runKeys.detail(run.thread_id, run.run_id), run);
    },
  });
}

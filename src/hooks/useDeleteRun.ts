"use client";
import type { RunsClientError } from "../client/RunsClientError";
import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import type { Run } from "../client/types";
import { runKeys } from "../query/runKeys";
import { useRunsClient } from "./useRunsClient";

export interface DeleteRunVariables {
  threadId: string;
  runId: string;
}

/**
 * Deletes a run. It leaves every cached list of its thread at once, and comes back if the
 * server refuses.
 *
 * @example useDeleteRun().mutate({ threadId, runId });
 */
export function useDeleteRun(): UseMutationResult<
  void,
  RunsClientError,
  DeleteRunVariables,
  { lists: [readonly unknown[], Run[] | undefined][] }
> {
  const client = useRunsClient();
  const queryClient = useQueryClient();
  return useMutation<
    void,
    RunsClientError,
    DeleteRunVariables,
    { lists: [readonly unknown[], Run[] | undefined][] }
  >({
    mutationFn: ({ threadId, runId }) => client.runs.delete(threadId, runId),
    onMutate: async ({ threadId, runId }) => {
      await queryClient.cancelQueries({ queryKey: runKeys.lists(threadId) });
      const lists = queryClient.getQueriesData<Run[]>({ queryKey: runKeys.lists(threadId) });
      queryClient.setQueriesData<Run[]>({ queryKey: runKeys.lists(threadId) }, (runs) =>
        runs?.filter((run) => run.run_id !== runId),
      );
      return { lists };
    },
    onError: (_error, _variables, context) => {
      for (const [key, runs] of context?.lists ?? []) queryClient.setQueryData(key, runs);
    },
    onSuccess: (_result, { threadId, runId }) =>
      queryClient.removeQueries({ queryKey: runKeys.detail(threadId, runId) }),
    onSettled: (_result, _error, { threadId }) =>
      queryClient.invalidateQueries({ queryKey: runKeys.lists(threadId) }),
  });
}

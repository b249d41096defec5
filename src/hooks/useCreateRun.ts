"use client";
import type { RunsClientError } from "../client/RunsClientError";
import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import type { Run, RunsCreatePayload } from "../client/types";
import { runKeys } from "../query/runKeys";
import { useRunsContext } from "./RunsContext";

export interface CreateRunVariables {
  threadId: string | null;
  assistantId: string;
  payload?: RunsCreatePayload;
}

/**
 * Starts a background run (no stream). The run lands in the cache and its thread's lists refresh.
 *
 * @example
 * const createRun = useCreateRun();
 * createRun.mutate({ threadId, assistantId: "agent", payload: { input } });
 */
export function useCreateRun(): UseMutationResult<Run, RunsClientError, CreateRunVariables> {
  const { client, announcer } = useRunsContext();
  const queryClient = useQueryClient();
  return useMutation<Run, RunsClientError, CreateRunVariables>({
    mutationFn: ({ threadId, assistantId, payload }) =>
      client.runs.create(threadId, assistantId, payload),
    onSuccess: (run) => {
      queryClient.setQueryData(runKeys.detail(run.thread_id, run.run_id), run);
      void queryClient.invalidateQueries({ queryKey: runKeys.lists(run.thread_id) });
      // A chat on the same thread follows the run, so its messages show as they are made.
      announcer.announce(run);
    },
  });
}

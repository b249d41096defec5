"use client";
import type { RunsClientError } from "../client/RunsClientError";
import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import type { RunsWaitPayload } from "../client/types";
import { invalidateRunQueries } from "../query/invalidateRunQueries";
import { useRunsClient } from "./useRunsClient";

export interface WaitRunVariables {
  threadId: string | null;
  assistantId: string;
  payload?: RunsWaitPayload;
}

/**
 * Runs to the end and resolves with the final values (a failed run rejects with a typed
 * `stream` error).
 *
 * @example const { mutateAsync } = useWaitRun<{ messages: Message[] }>(); const values = await mutateAsync({ threadId, assistantId: "agent", payload: { input } });
 */
export function useWaitRun<TValues = Record<string, unknown>>(): UseMutationResult<
  TValues,
  RunsClientError,
  WaitRunVariables
> {
  const client = useRunsClient();
  const queryClient = useQueryClient();
  return useMutation<TValues, RunsClientError, WaitRunVariables>({
    mutationFn: async ({ threadId, assistantId, payload }) =>
      (await client.runs.wait(threadId, assistantId, payload)) as TValues,
    onSettled: (_values, _error, { threadId }) => {
      if (threadId) invalidateRunQueries(queryClient, threadId);
    },
  });
}

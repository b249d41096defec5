"use client";
import type { RunsClientError } from "../client/RunsClientError";
import { skipToken, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { runKeys } from "../query/runKeys";
import { invalidateRunQueries } from "../query/invalidateRunQueries";
import { useRunsClient } from "./useRunsClient";

/**
 * Waits for a run to finish and gives its final values; the run's detail refreshes when it does.
 *
 * @example const { data: values, isPending } = useJoinRun(threadId, runId);
 */
export function useJoinRun<TValues = Record<string, unknown>>(
  threadId: string | null | undefined,
  runId: string | null | undefined,
): UseQueryResult<TValues, RunsClientError> {
  const client = useRunsClient();
  const queryClient = useQueryClient();
  return useQuery<TValues, RunsClientError>({
    queryKey: runKeys.join(threadId ?? "", runId ?? ""),
    queryFn:
      threadId && runId
        ? async ({ signal }) => {
            const values = (await client.runs.join(threadId, runId, {
              signal,
              // The query fails for a failed run (the official default resolves with `__error__`).
              raiseError: true,
            })) as TValues;
            invalidateRunQueries(queryClient, threadId, runId);
            return values;
          }
        : skipToken,
    // A finished run's values never change; joining again would only wait for nothing.
    staleTime: Infinity,
    retry: false,
  });
}

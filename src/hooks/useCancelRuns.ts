"use client";
import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import { RunsClientError } from "../client/RunsClientError";
import { isRunActive, type CancelManyOptions } from "../client/types";
import { runKeys } from "../query/runKeys";
import { useRunsClient } from "./useRunsClient";

/**
 * Cancels several runs: by ids, or every pending/running run of a thread. Uses the server's
 * `/runs/cancel`; servers without it (the JS server) get one cancel per run instead.
 *
 * @example useCancelRuns().mutate({ threadId, status: "all" });
 */
export function useCancelRuns(): UseMutationResult<void, Error, Omit<CancelManyOptions, "signal">> {
  const client = useRunsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (options) => {
      try {
        await client.runs.cancelMany(options);
      } catch (error) {
        if (!(error instanceof RunsClientError && error.kind === "not_found" && options.threadId))
          throw error;
        await cancelOneByOne(client, { ...options, threadId: options.threadId });
      }
    },
    onSettled: (_result, _error, { threadId }) =>
      queryClient.invalidateQueries({
        queryKey: threadId ? runKeys.thread(threadId) : runKeys.all,
      }),
  });
}

async function cancelOneByOne(
  client: ReturnType<typeof useRunsClient>,
  {
    threadId,
    runIds,
    status = "all",
    action,
  }: Omit<CancelManyOptions, "signal"> & { threadId: string },
): Promise<void> {
  const ids =
    runIds ??
    (await client.runs.list(threadId, { limit: 100 }))
      .filter((run) => (status === "all" ? isRunActive(run) : run.status === status))
      .map((run) => run.run_id);
  await Promise.all(ids.map((runId) => client.runs.cancel(threadId, runId, false, action)));
}

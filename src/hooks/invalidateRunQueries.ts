import type { QueryClient } from "@tanstack/react-query";
import { runKeys } from "../query/runKeys";

/**
 * Refetches what a run changed: its thread's run lists, and the run's detail (every detail of
 * the thread when the run id is not known). Joins under the same thread are left alone:
 * invalidating them would cancel and restart a `runs.join` that is still waiting.
 *
 * @example invalidateRunQueries(queryClient, threadId, runId);
 */
export function invalidateRunQueries(
  queryClient: QueryClient,
  threadId: string,
  runId?: string | null,
): void {
  void queryClient.invalidateQueries({ queryKey: runKeys.lists(threadId) });
  void queryClient.invalidateQueries({
    queryKey: runId ? runKeys.detail(threadId, runId) : runKeys.details(threadId),
  });
}

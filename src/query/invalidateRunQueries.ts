import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { runKeys } from "./runKeys";

/**
 * The kit's one invalidation policy for "runs changed": refetches the thread's run lists and the
 * runs' details (every detail of the thread when the run ids are not known; every thread's lists
 * and details when the thread is not known either). Joins are left alone: a join that already has
 * its values would join again, and a run's final values never change.
 *
 * @example await invalidateRunQueries(queryClient, threadId, runId);
 */
export function invalidateRunQueries(
  queryClient: QueryClient,
  threadId: string | null | undefined,
  runIds?: string | readonly string[] | null,
): Promise<void> {
  const ids = typeof runIds === "string" ? [runIds] : runIds;
  return queryClient.invalidateQueries({
    queryKey: threadId ? runKeys.thread(threadId) : runKeys.threads(),
    predicate: ({ queryKey }) => isChangedByRuns(queryKey, ids),
  });
}

/** `[…threads, threadId, "list", …]`, or `[…threads, threadId, "detail", runId]` of one of `ids`. */
function isChangedByRuns(queryKey: QueryKey, ids: readonly string[] | null | undefined): boolean {
  const kind = queryKey[runKeys.threads().length + 1];
  if (kind === "list") return true;
  if (kind !== "detail") return false;
  const runId = queryKey[runKeys.threads().length + 2];
  return !ids || (typeof runId === "string" && ids.includes(runId));
}

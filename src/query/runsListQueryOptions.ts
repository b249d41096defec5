import type { RunsClientError } from "../client/RunsClientError";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { LangGraphRunsClient } from "../client/createClient";
import { runKeys, type RunsListFilters } from "./runKeys";
import { isPlainObject } from "../client/isPlainObject";
import { isRunActive, type Run } from "../client/types";

export interface RunsListQueryOptionsConfig {
  /** Refresh interval while any listed run is active, in ms (default 1,000; false: never). */
  liveIntervalMs?: number | false;
}

/**
 * Query options for a page of a thread's runs. Keeps the previous page on screen while the
 * next loads, and refreshes while any run on the page is still active.
 *
 * @example
 * const { data } = useQuery(runsListQueryOptions(client, threadId, { limit: 20, status: "running" }));
 */
export function runsListQueryOptions(
  client: LangGraphRunsClient,
  threadId: string,
  filters: RunsListFilters = {},
  { liveIntervalMs = 1_000 }: RunsListQueryOptionsConfig = {},
) {
  return queryOptions<Run[], RunsClientError>({
    queryKey: runKeys.list(threadId, filters),
    queryFn: ({ signal }) => client.runs.list(threadId, { ...filters, signal }),
    placeholderData: keepPreviousData,
    // A list entry may not be a run at all (a broken or foreign server): it is never active.
    refetchInterval: (query) =>
      query.state.data?.some((run: Run) => isPlainObject(run) && isRunActive(run))
        ? liveIntervalMs
        : false,
  });
}

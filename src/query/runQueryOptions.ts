import { queryOptions } from "@tanstack/react-query";
import type { LangGraphRunsClient } from "../client/createClient";
import { RunsClientError } from "../client/RunsClientError";
import { isRunActive, type Run } from "../client/types";
import { runKeys } from "./runKeys";

export interface RunQueryOptionsConfig {
  /** How often to poll while the run is pending or running, in ms (default 1,000; false: never). */
  pollIntervalMs?: number | false;
}

/**
 * Query options for one run: polls while it is pending or running and stops at a final
 * status. Usable with `useQuery`, `prefetchQuery` in a server component, or `ensureQueryData`.
 *
 * @example
 * await queryClient.prefetchQuery(runQueryOptions(client, threadId, runId));
 */
export function runQueryOptions(
  client: LangGraphRunsClient,
  threadId: string,
  runId: string,
  { pollIntervalMs = 1_000 }: RunQueryOptionsConfig = {},
) {
  return queryOptions<Run, RunsClientError>({
    queryKey: runKeys.detail(threadId, runId),
    queryFn: ({ signal }) => client.runs.get(threadId, runId, { signal }),
    refetchInterval: (query) => (isRunActive(query.state.data) ? pollIntervalMs : false),
    // A deleted run stays deleted: report it at once instead of after three retries.
    retry: (failureCount, error) => !isNotFound(error) && failureCount < 3,
  });
}

function isNotFound(error: unknown): boolean {
  return error instanceof RunsClientError && error.kind === "not_found";
}

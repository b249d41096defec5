"use client";
import type { RunsClientError } from "../client/RunsClientError";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { Run } from "../client/types";
import type { RunsListFilters } from "../query/runKeys";
import {
  runsListQueryOptions,
  type RunsListQueryOptionsConfig,
} from "../query/runsListQueryOptions";
import { useRunsClient } from "./useRunsClient";

/**
 * A page of a thread's runs. The previous page stays on screen while the next loads, and the
 * list refreshes while any of its runs is active. Runs started by `useRunStream` appear on
 * their own.
 *
 * @example const { data: runs, isPlaceholderData } = useRunsList(threadId, { limit: 20, offset: page * 20 });
 */
export function useRunsList(
  threadId: string | null | undefined,
  filters: RunsListFilters = {},
  config: RunsListQueryOptionsConfig = {},
): UseQueryResult<Run[], RunsClientError> {
  const client = useRunsClient();
  return useQuery({
    ...runsListQueryOptions(client, threadId ?? "", filters, config),
    enabled: Boolean(threadId),
  });
}

"use client";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { Run } from "../client/types";
import { runQueryOptions, type RunQueryOptionsConfig } from "../query/runQueryOptions";
import { useRunsClient } from "./useRunsClient";

/**
 * One run, polled while it is pending or running; polling stops at a final status. Idle until
 * both ids are known.
 *
 * @example const { data: run } = useRun(threadId, runId);
 */
export function useRun(
  threadId: string | null | undefined,
  runId: string | null | undefined,
  config: RunQueryOptionsConfig = {},
): UseQueryResult<Run> {
  const client = useRunsClient();
  return useQuery({
    ...runQueryOptions(client, threadId ?? "", runId ?? "", config),
    enabled: Boolean(threadId && runId),
  });
}

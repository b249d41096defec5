"use client";
import type { RunsClientError } from "../client/RunsClientError";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { Run, RunStatus } from "../client/types";
import { runQueryOptions, type RunQueryOptionsConfig } from "../query/runQueryOptions";
import { threadRunDisplayStatus, type RunDisplayStatus } from "../store/runDisplayStatus";
import { useRunsClient } from "./useRunsClient";
import { useThreadStatus } from "./useThreadStatus";

export type UseRunResult = UseQueryResult<Run, RunsClientError> & {
  /**
   * What the UI shows for the run (one vocabulary): "needs-input" while its thread is paused
   * after it (the JS server reports such a run as `success`), "stopped" for a cancelled run.
   */
  displayStatus: RunDisplayStatus | undefined;
  /** The server's raw status (`data?.status`). */
  serverStatus: RunStatus | undefined;
};

/**
 * One run, polled while it is pending or running; polling stops at a final status. Idle until
 * both ids are known. `displayStatus` adds what the thread knows: the run it is paused after
 * needs input.
 *
 * @example
 * const { data: run, displayStatus } = useRun(threadId, runId);
 * <RunStatusBadge status={displayStatus} serverStatus={run?.status} />
 */
export function useRun(
  threadId: string | null | undefined,
  runId: string | null | undefined,
  config: RunQueryOptionsConfig = {},
): UseRunResult {
  const client = useRunsClient();
  const query = useQuery({
    ...runQueryOptions(client, threadId ?? "", runId ?? "", config),
    enabled: Boolean(threadId && runId),
  });
  const run = query.data;
  // Only a finished run can be paused after: no thread request while it runs.
  const finished = run !== undefined && run.status !== "pending" && run.status !== "running";
  const thread = useThreadStatus(finished ? threadId : null, {
    revision: run ? `${run.run_id}:${run.status}:${run.updated_at}` : undefined,
    pollIntervalMs: config.pollIntervalMs,
  });
  // Copies the descriptors, not the values: TanStack's tracked getters stay lazy, so a reader
  // of `data` alone still re-renders only when `data` changes.
  const result = Object.defineProperties({}, Object.getOwnPropertyDescriptors(query));
  return Object.assign(result as UseQueryResult<Run, RunsClientError>, {
    displayStatus: run ? threadRunDisplayStatus(run, thread.data) : undefined,
    serverStatus: run?.status,
  });
}

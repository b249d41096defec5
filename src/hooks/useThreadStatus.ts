"use client";
import type { RunsClientError } from "../client/RunsClientError";
import { useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { runKeys } from "../query/runKeys";
import {
  threadStatusQueryOptions,
  type ThreadStatusQueryOptionsConfig,
} from "../query/threadStatusQueryOptions";
import type { ThreadRunStatus } from "../store/runDisplayStatus";
import { useRunsClient } from "./useRunsClient";

export interface UseThreadStatusOptions extends ThreadStatusQueryOptionsConfig {
  /**
   * Refetches when it changes (after the first value): pass what you know of the thread's runs
   * (e.g. the latest run's id and status), so a run that paused or ended updates the thread.
   */
  revision?: string;
}

/**
 * A thread's status and the run it is paused after (`pausedRunId`, while `interrupted`). Polled
 * while the thread is busy; refetched when `revision` changes. Idle without a thread id.
 *
 * @example
 * const { data: thread } = useThreadStatus(threadId, { revision: `${run.run_id}:${run.status}` });
 */
export function useThreadStatus(
  threadId: string | null | undefined,
  { revision, ...config }: UseThreadStatusOptions = {},
): UseQueryResult<ThreadRunStatus, RunsClientError> {
  const client = useRunsClient();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...threadStatusQueryOptions(client, threadId ?? "", config),
    enabled: Boolean(threadId),
  });
  const seen = useRef<string | undefined>(revision);
  useEffect(() => {
    if (revision === seen.current) return;
    seen.current = revision;
    if (!threadId) return;
    const queryKey = runKeys.threadStatus(threadId);
    // Without data the first fetch is under way: it reads the thread as it is now.
    if (queryClient.getQueryData(queryKey) === undefined) return;
    void queryClient.invalidateQueries({ queryKey });
  }, [threadId, revision, queryClient]);
  return query;
}

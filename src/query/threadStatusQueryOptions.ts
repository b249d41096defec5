import type { RunsClientError } from "../client/RunsClientError";
import { queryOptions } from "@tanstack/react-query";
import type { LangGraphRunsClient } from "../client/createClient";
import type { ThreadRunStatus } from "../store/runDisplayStatus";
import { runKeys } from "./runKeys";

export interface ThreadStatusQueryOptionsConfig {
  /** How often to poll while the thread is busy, in ms (default 1,000; false: never). */
  pollIntervalMs?: number | false;
}

/**
 * Query options for a thread's status and, while it is `interrupted`, the run it is paused
 * after (read from the state's checkpoint metadata). The JS server reports a run paused by
 * `interrupt()` as `success`; this is what tells the UI to show "Needs input" for it.
 *
 * @example
 * const { data } = useQuery(threadStatusQueryOptions(client, threadId));
 * data?.pausedRunId === run.run_id; // this run waits for an answer
 */
export function threadStatusQueryOptions(
  client: LangGraphRunsClient,
  threadId: string,
  { pollIntervalMs = 1_000 }: ThreadStatusQueryOptionsConfig = {},
) {
  return queryOptions<ThreadRunStatus, RunsClientError>({
    queryKey: runKeys.threadStatus(threadId),
    queryFn: async ({ signal }): Promise<ThreadRunStatus> => {
      const thread = await client.threads.get(threadId, { signal });
      if (thread.status !== "interrupted") return { status: thread.status, pausedRunId: null };
      const state = await client.threads.getState(threadId, undefined, { signal });
      const runId = state.metadata?.run_id;
      return { status: thread.status, pausedRunId: typeof runId === "string" ? runId : null };
    },
    refetchInterval: (query) => (query.state.data?.status === "busy" ? pollIntervalMs : false),
  });
}

import type { RunStatus, RunSelectField } from "../client/types";

/** Filters of a runs list, as they appear in its query key. */
export interface RunsListFilters {
  limit?: number;
  offset?: number;
  status?: RunStatus;
  select?: RunSelectField[];
}

/**
 * The one query-key factory of the kit. Keys nest, so invalidating `runKeys.lists(threadId)`
 * refreshes every page and filter of that thread.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: runKeys.lists(threadId) });
 */
export const runKeys = {
  all: ["langgraph-runs"] as const,
  threads: () => [...runKeys.all, "thread"] as const,
  thread: (threadId: string) => [...runKeys.threads(), threadId] as const,
  lists: (threadId: string) => [...runKeys.thread(threadId), "list"] as const,
  list: (threadId: string, filters: RunsListFilters = {}) =>
    [...runKeys.lists(threadId), filters] as const,
  details: (threadId: string) => [...runKeys.thread(threadId), "detail"] as const,
  detail: (threadId: string, runId: string) => [...runKeys.details(threadId), runId] as const,
  join: (threadId: string, runId: string) => [...runKeys.thread(threadId), "join", runId] as const,
  /** The thread's status and the run it is paused after (for "Needs input"). */
  threadStatus: (threadId: string) => [...runKeys.thread(threadId), "status"] as const,
};

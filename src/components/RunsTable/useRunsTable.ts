"use client";
import { useMutationState } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { isPlainObject } from "../../client/isPlainObject";
import type { Run, RunStatus } from "../../client/types";
import {
  useCancelRun,
  useDeleteRun,
  useRunsList,
  type CancelRunVariables,
  type DeleteRunVariables,
} from "../../hooks";
import { useThreadStatus } from "../../hooks/useThreadStatus";
import { runKeys } from "../../query/runKeys";
import { threadRunDisplayStatus, type RunDisplayStatus } from "../../store/runDisplayStatus";
import type { RunsListQueryOptionsConfig } from "../../query/runsListQueryOptions";

/** A status to filter by, or every status. */
export type RunsStatusFilter = RunStatus | "all";

/**
 * How pages are made:
 * - `client` (default): fetch up to `maxRuns` runs of the thread once, sort newest first, and
 *   page locally. Needed for the JS Agent Server (1.5.1), which applies `offset` wrongly
 *   (`limit=2&offset=2` returns nothing) and lists oldest first; it also gives a total count.
 * - `server`: `limit`/`offset` per page, in the server's order (correct on the Python server).
 */
export type RunsPagingMode = "client" | "server";

export interface UseRunsTableOptions {
  threadId: string | null | undefined;
  /** Runs per page (default 10). */
  pageSize?: number;
  /** The first status filter (default "all"). */
  initialStatus?: RunsStatusFilter;
  paging?: RunsPagingMode;
  /** With client paging, how many runs to fetch at most (default 500). */
  maxRuns?: number;
  /** Refresh interval while a listed run is active, in ms (default 1,000; false: never). */
  liveIntervalMs?: RunsListQueryOptionsConfig["liveIntervalMs"];
}

/** Everything `RunsTableView` shows and does; build your own table from it. */
export interface RunsTableModel {
  threadId: string | null | undefined;
  /** The runs of the current page. */
  runs: Run[];
  /** All runs matching the filter (client paging), else undefined. */
  total: number | undefined;
  /** 0-based. */
  page: number;
  pageSize: number;
  /** Known with client paging. */
  pageCount: number | undefined;
  hasPrevious: boolean;
  hasNext: boolean;
  setPage: (page: number) => void;
  setPageSize: (size: number) => void;
  status: RunsStatusFilter;
  setStatus: (status: RunsStatusFilter) => void;
  /** No data yet (first load). */
  loading: boolean;
  /** A request is going on (first load or refresh). */
  fetching: boolean;
  error: Error | null;
  retry: () => void;
  paging: RunsPagingMode;
  /** Cancels a run (server-confirmed, see `useCancelRun`). */
  cancelRun: (run: Run) => void;
  /** Deletes a run (the row leaves at once, and comes back if the server refuses). */
  deleteRun: (run: Run) => void;
  /** Run ids with a cancel waiting for the server's confirmation. */
  cancellingIds: ReadonlySet<string>;
  /** Run ids being deleted. */
  deletingIds: ReadonlySet<string>;
  /** The last failed row action. */
  actionError: RunActionError | null;
  /**
   * The status a row shows (one vocabulary): "needs-input" for the run the thread is paused after
   * (the JS server reports it `success`), "stopped" for a cancelled run (server `interrupted`).
   */
  displayStatusOf: (run: Run) => RunDisplayStatus;
}

/** A row action the server refused. */
export interface RunActionError {
  action: "cancel" | "delete";
  runId: string;
  error: Error;
}

const CANCEL_KEY = [...runKeys.all, "cancel"];

/**
 * The behaviour of a thread's runs table: a page of runs (live while any is active), a status
 * filter, pagination, and cancel / delete row actions.
 *
 * @example
 * const table = useRunsTable({ threadId, pageSize: 20 });
 * table.runs.map((run) => <li key={run.run_id}>{run.status}</li>);
 * <button disabled={!table.hasNext} onClick={() => table.setPage(table.page + 1)}>Next</button>
 */
export function useRunsTable({
  threadId,
  pageSize: initialPageSize = 10,
  initialStatus = "all",
  paging = "client",
  maxRuns = 500,
  liveIntervalMs,
}: UseRunsTableOptions): RunsTableModel {
  const [page, setPageState] = useState(0);
  const [pageSize, setPageSizeState] = useState(initialPageSize);
  const [status, setStatusState] = useState<RunsStatusFilter>(initialStatus);
  const statusFilter = status === "all" ? undefined : status;

  const filters =
    paging === "client"
      ? { limit: maxRuns, offset: 0, status: statusFilter }
      : { limit: pageSize + 1, offset: page * pageSize, status: statusFilter };
  const query = useRunsList(threadId, filters, { liveIntervalMs });

  // Runs without a string run_id (a broken or foreign server) cannot be keyed, linked or acted on.
  const fetched = useMemo(() => query.data?.filter(isListedRun), [query.data]);
  const view = useMemo(() => {
    const runs = fetched ?? [];
    if (paging === "server") {
      return {
        pageRuns: runs.slice(0, pageSize),
        total: undefined,
        hasNext: runs.length > pageSize,
      };
    }
    const sorted = [...runs].sort(newestFirst);
    const start = page * pageSize;
    return {
      pageRuns: sorted.slice(start, start + pageSize),
      total: sorted.length,
      hasNext: start + pageSize < sorted.length,
    };
  }, [fetched, paging, page, pageSize]);

  // The thread tells which run waits for input; refetched when the newest run changes.
  const newest = useMemo(
    () => (fetched ?? []).reduce<Run | undefined>(newer, undefined),
    [fetched],
  );
  const thread = useThreadStatus(threadId, {
    revision: newest ? `${newest.run_id}:${newest.status}:${newest.updated_at}` : undefined,
    pollIntervalMs: liveIntervalMs,
  });
  const threadStatus = thread.data;
  const displayStatusOf = useCallback(
    (run: Run) => threadRunDisplayStatus(run, threadStatus),
    [threadStatus],
  );

  const cancel = useCancelRun();
  const remove = useDeleteRun();
  const cancelling = useMutationState({
    filters: { mutationKey: CANCEL_KEY, status: "pending" },
    select: (mutation) => mutation.state.variables as CancelRunVariables | undefined,
  });
  const cancellingIds = useMemo(
    () => new Set(cancelling.filter((v) => v?.threadId === threadId).map((v) => v!.runId)),
    [cancelling, threadId],
  );
  const deletingIds = useMemo(() => {
    const variables = remove.variables as DeleteRunVariables | undefined;
    return new Set(remove.isPending && variables ? [variables.runId] : []);
  }, [remove.isPending, remove.variables]);

  const { mutate: mutateCancel } = cancel;
  const { mutate: mutateDelete } = remove;
  const cancelRun = useCallback(
    (run: Run) => mutateCancel({ threadId: run.thread_id, runId: run.run_id }),
    [mutateCancel],
  );
  const deleteRun = useCallback(
    (run: Run) => mutateDelete({ threadId: run.thread_id, runId: run.run_id }),
    [mutateDelete],
  );

  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  const setPage = useCallback((next: number) => setPageState(Math.max(0, next)), []);
  const setPageSize = useCallback((size: number) => {
    setPageSizeState(size);
    setPageState(0);
  }, []);
  const setStatus = useCallback((next: RunsStatusFilter) => {
    setStatusState(next);
    setPageState(0);
  }, []);

  // A page that emptied (deletes, a smaller filter) falls back to the last page with runs.
  const lastPage =
    view.total === undefined ? undefined : Math.max(0, Math.ceil(view.total / pageSize) - 1);
  if (lastPage !== undefined && page > lastPage) setPageState(lastPage);

  return {
    threadId,
    runs: view.pageRuns,
    total: view.total,
    page,
    pageSize,
    pageCount: view.total === undefined ? undefined : Math.max(1, Math.ceil(view.total / pageSize)),
    hasPrevious: page > 0,
    hasNext: view.hasNext,
    setPage,
    setPageSize,
    status,
    setStatus,
    loading: query.isPending && Boolean(threadId),
    fetching: query.isFetching,
    error: query.error,
    retry,
    paging,
    cancelRun,
    deleteRun,
    cancellingIds,
    deletingIds,
    actionError: actionErrorOf(cancel, remove),
    displayStatusOf,
  };
}

function actionErrorOf(
  cancel: { error: Error | null; variables?: CancelRunVariables },
  remove: { error: Error | null; variables?: DeleteRunVariables },
): RunActionError | null {
  if (cancel.error && cancel.variables)
    return { action: "cancel", runId: cancel.variables.runId, error: cancel.error };
  if (remove.error && remove.variables)
    return { action: "delete", runId: remove.variables.runId, error: remove.error };
  return null;
}

function newer(best: Run | undefined, run: Run): Run {
  return best === undefined || newestFirst(run, best) < 0 ? run : best;
}

function newestFirst(a: Run, b: Run): number {
  return Date.parse(b.created_at) - Date.parse(a.created_at) || (a.run_id < b.run_id ? 1 : -1);
}

/** A run the table can show: an object with a string `run_id`. */
function isListedRun(run: unknown): run is Run {
  return isPlainObject(run) && typeof run.run_id === "string";
}

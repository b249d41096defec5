"use client";
import { useMutationState } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { isPlainObject } from "../../client/isPlainObject";
import type { RunsClientError } from "../../client/RunsClientError";
import { isRunActive, type Run, type RunStatus } from "../../client/types";
import { useCancelRuns } from "../../hooks/useCancelRuns";
import { useDeleteRun } from "../../hooks/useDeleteRun";
import { useRunsList } from "../../hooks/useRunsList";
import { useThreadStatus } from "../../hooks/useThreadStatus";
import {
  CANCEL_RUN_MUTATION_KEY,
  type CancelRunVariables,
} from "../../query/cancelRunMutationOptions";
import { threadRunDisplayStatus, type RunDisplayStatus } from "../../store/runDisplayStatus";
import type { RunsListQueryOptionsConfig } from "../../query/runsListQueryOptions";
import { asRunsClientError } from "../../store/toSessionError";
import { useRunSelection } from "./useRunSelection";

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

/**
 * Everything `RunsTableView` shows and does: `<RunsTableView {...table} />`, or build your own
 * table from it.
 */
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
  error: RunsClientError | null;
  retry: () => void;
  paging: RunsPagingMode;
  /** Deletes a run (the row leaves at once, and comes back if the server refuses). */
  deleteRun: (run: Run) => void;
  /** Deletes several runs, each like `deleteRun`. */
  deleteRuns: (runs: readonly Run[]) => void;
  /**
   * Cancels the active ones of several runs at once (`useCancelRuns`); each shows "Cancelling…"
   * until the list reports it ended.
   */
  cancelRuns: (runs: readonly Run[]) => void;
  /**
   * Run ids of the thread with a cancel waiting for the server's confirmation: every
   * `useCancelRun` of them (the rows' `CancelRunButton`s included) and `cancelRuns`.
   */
  cancellingIds: ReadonlySet<string>;
  /** Run ids being deleted. */
  deletingIds: ReadonlySet<string>;
  /**
   * The last failed delete or bulk cancel (a row's own failed cancel shows beside its cancel
   * button).
   */
  actionError: RunActionError | null;
  /** Runs of the page ticked for a bulk action (cleared by a page, size or filter change). */
  selectedIds: ReadonlySet<string>;
  setSelectedIds: (ids: ReadonlySet<string>) => void;
  /** When the list last arrived from the server (ms since epoch; 0 before the first answer). */
  updatedAt: number;
  /** The list refreshes on its own now: a listed run is active (and `liveIntervalMs` is on). */
  live: boolean;
  /**
   * The status a row shows (one vocabulary): "needs-input" for the run the thread is paused after
   * (the JS server reports it `success`), "stopped" for a cancelled run (server `interrupted`).
   */
  displayStatusOf: (run: Run) => RunDisplayStatus;
}

/** A row or bulk action the server refused. */
export interface RunActionError {
  action: "delete" | "cancel";
  /** The runs it refused (one for a row action). */
  runIds: readonly string[];
  error: RunsClientError;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The behaviour of a thread's runs table: a page of runs (live while any is active), a status
 * filter, pagination, the delete row action with the thread's pending cancels (rows cancel
 * through `CancelRunButton`), and a selection of rows to cancel or delete together.
 *
 * @example
 * const table = useRunsTable({ threadId, pageSize: 20 });
 * <RunsTableView {...table} caption="Runs" />
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

  const pendingCancels = useMutationState({
    filters: { mutationKey: CANCEL_RUN_MUTATION_KEY, status: "pending" },
    select: (mutation) => mutation.state.variables as CancelRunVariables | undefined,
  });
  const actions = useRunActions();
  const activeIds = useMemo(
    () => new Set((fetched ?? []).filter(isRunActive).map((run) => run.run_id)),
    [fetched],
  );
  const cancellingIds = useMemo(() => {
    const ids = new Set(
      pendingCancels.filter((v) => v?.threadId === threadId).map((v) => v!.runId),
    );
    // A bulk cancel is only a request: its runs are "cancelling" until the list says they ended.
    for (const id of actions.cancelRequested) if (activeIds.has(id)) ids.add(id);
    return ids;
  }, [pendingCancels, threadId, actions.cancelRequested, activeIds]);

  const selection = useRunSelection(view.pageRuns);
  const { clear: clearSelection } = selection;
  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  const setPage = useCallback(
    (next: number) => {
      setPageState(Math.max(0, next));
      clearSelection();
    },
    [clearSelection],
  );
  const setPageSize = useCallback(
    (size: number) => {
      setPageSizeState(size);
      setPageState(0);
      clearSelection();
    },
    [clearSelection],
  );
  const setStatus = useCallback(
    (next: RunsStatusFilter) => {
      setStatusState(next);
      setPageState(0);
      clearSelection();
    },
    [clearSelection],
  );

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
    deleteRun: actions.deleteRun,
    deleteRuns: actions.deleteRuns,
    cancelRuns: actions.cancelRuns,
    cancellingIds,
    deletingIds: actions.deletingIds,
    actionError: actions.actionError,
    selectedIds: selection.selectedIds,
    setSelectedIds: selection.setSelectedIds,
    updatedAt: query.dataUpdatedAt,
    live: liveIntervalMs !== false && activeIds.size > 0,
    displayStatusOf,
  };
}

/**
 * The table's delete and bulk cancel, with their own bookkeeping: one mutation object tracks
 * only its latest call, and a bulk action makes many.
 */
function useRunActions() {
  const { mutateAsync: deleteAsync } = useDeleteRun();
  const { mutateAsync: cancelAsync } = useCancelRuns();
  const [deletingIds, setDeletingIds] = useState<ReadonlySet<string>>(NONE);
  const [cancelRequested, setCancelRequested] = useState<ReadonlySet<string>>(NONE);
  const [actionError, setActionError] = useState<RunActionError | null>(null);

  const deleteRuns = useCallback(
    (runs: readonly Run[]) => {
      const ids = runs.map((run) => run.run_id);
      if (ids.length === 0) return;
      setActionError(null);
      setDeletingIds((current) => withIds(current, ids));
      void Promise.allSettled(
        runs.map((run) => deleteAsync({ threadId: run.thread_id, runId: run.run_id })),
      ).then((results) => {
        setDeletingIds((current) => withoutIds(current, ids));
        const failed = ids.filter((_, index) => results[index]?.status === "rejected");
        const first = results.find((result) => result.status === "rejected");
        if (first)
          setActionError({
            action: "delete",
            runIds: failed,
            error: asRunsClientError(first.reason),
          });
      });
    },
    [deleteAsync],
  );
  const deleteRun = useCallback((run: Run) => deleteRuns([run]), [deleteRuns]);

  const cancelRuns = useCallback(
    (runs: readonly Run[]) => {
      const active = runs.filter(isRunActive);
      const threadId = active[0]?.thread_id;
      if (!threadId) return;
      const ids = active.map((run) => run.run_id);
      setActionError(null);
      setCancelRequested((current) => withIds(current, ids));
      cancelAsync({ threadId, runIds: ids }).catch((error: unknown) => {
        setCancelRequested((current) => withoutIds(current, ids));
        setActionError({ action: "cancel", runIds: ids, error: asRunsClientError(error) });
      });
    },
    [cancelAsync],
  );

  return { deleteRun, deleteRuns, cancelRuns, deletingIds, cancelRequested, actionError };
}

function withIds(set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  return new Set([...set, ...ids]);
}

function withoutIds(set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next.size === 0 ? NONE : next;
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

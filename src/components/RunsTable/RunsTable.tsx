"use client";
import type { Run } from "../../client/types";
import { RunsTableView, type RunsTableViewProps } from "./RunsTableView";
import { useRunsTable, type UseRunsTableOptions } from "./useRunsTable";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";

export interface RunsTableProps
  extends
    UseRunsTableOptions,
    Pick<RunsTableViewProps, "caption" | "formatTime" | "pageSizes" | "className"> {
  /** Shows "Open event log" on every row. */
  onOpenRun?: (runId: string, run: Run) => void;
  /** Row actions to offer (default both). */
  actions?: { cancel?: boolean; delete?: boolean };
}

/**
 * A thread's runs, live: status badges that follow the runs (refreshed every second while one is
 * active; the run the thread is paused after shows "Needs input", a cancelled one "Stopped"), created times, durations ("running for …" while active), a status filter, pagination
 * and row actions (cancel, delete, open the event log). Needs a `RunsProvider`.
 *
 * Paging is client-side by default, because the JS Agent Server applies `offset` wrongly; pass
 * `paging="server"` for a server that pages correctly (see `useRunsTable`).
 *
 * @example
 * <RunsTable threadId={threadId} pageSize={20} onOpenRun={(runId) => setOpenRun(runId)} />
 */
export function RunsTable(props: RunsTableProps) {
  return (
    <ComponentErrorBoundary component="RunsTable">
      <RunsTableContent {...props} />
    </ComponentErrorBoundary>
  );
}

function RunsTableContent({
  onOpenRun,
  actions,
  caption,
  formatTime,
  pageSizes,
  className,
  ...options
}: RunsTableProps) {
  const table = useRunsTable(options);
  return (
    <RunsTableView
      runs={table.runs}
      total={table.total}
      page={table.page}
      pageSize={table.pageSize}
      pageCount={table.pageCount}
      hasPrevious={table.hasPrevious}
      hasNext={table.hasNext}
      onPageChange={table.setPage}
      onPageSizeChange={table.setPageSize}
      pageSizes={pageSizes}
      status={table.status}
      onStatusChange={table.setStatus}
      loading={table.loading}
      fetching={table.fetching}
      error={table.error}
      onRetry={table.retry}
      onCancelRun={actions?.cancel === false ? undefined : table.cancelRun}
      onDeleteRun={actions?.delete === false ? undefined : table.deleteRun}
      onOpenRun={onOpenRun}
      cancellingIds={table.cancellingIds}
      deletingIds={table.deletingIds}
      actionError={table.actionError}
      displayStatusOf={table.displayStatusOf}
      caption={caption}
      formatTime={formatTime}
      className={className}
    />
  );
}

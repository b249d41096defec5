"use client";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import type { RootProps } from "../RootProps";
import { RunsTableView, type RunsTableViewOptions } from "./RunsTableView";
import { useRunsTable, type UseRunsTableOptions } from "./useRunsTable";

export type RunsTableProps = RootProps<"section", UseRunsTableOptions & RunsTableViewOptions>;

/**
 * A thread's runs, live: each run's input and assistant, a status badge that follows it
 * (refreshed every second while one is active; the run the thread is paused after shows "Needs
 * input", a cancelled one "Stopped"), created time and duration ("running for …" while active).
 * A click on a row opens the run (`onOpenRun`); Cancel stays in sight on active runs; the rest
 * (open, copy the id, delete after a confirm step) sits in a ⋯ menu. Checkboxes select runs to
 * cancel or delete together. A status filter, pagination that keeps the table's height, a
 * "Live · updated 3 s ago" line, and stacked cards in narrow containers. `useRunsTable` feeding
 * `RunsTableView`. Needs a `RunsProvider`. Other props (`id`, `aria-*`, `data-*`, `style`,
 * `ref`) go to the root `<section>`.
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
  threadId,
  pageSize,
  initialStatus,
  paging,
  maxRuns,
  liveIntervalMs,
  ...view
}: RunsTableProps) {
  const table = useRunsTable({
    threadId,
    pageSize,
    initialStatus,
    paging,
    maxRuns,
    liveIntervalMs,
  });
  return <RunsTableView {...table} {...view} />;
}

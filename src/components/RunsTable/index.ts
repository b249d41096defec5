"use client";
export { RunsTable, type RunsTableProps } from "./RunsTable";
export { RunsTableView, type RunsTableViewProps } from "./RunsTableView";
export {
  useRunsTable,
  type RunActionError,
  type RunsPagingMode,
  type RunsStatusFilter,
  type RunsTableModel,
  type UseRunsTableOptions,
} from "./useRunsTable";
export { runDuration, type RunDuration } from "./runDuration";
export { formatDuration } from "./formatDuration";
export { shortRunId } from "./shortRunId";
export { useNow } from "./useNow";

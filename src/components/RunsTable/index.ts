"use client";
export { RunsTable, type RunsTableProps } from "./RunsTable";
export {
  RunsTableView,
  type RunsTableActions,
  type RunsTableData,
  type RunsTableViewOptions,
  type RunsTableViewProps,
} from "./RunsTableView";
export { runInputPreview } from "./runInputPreview";
export {
  useRunsTable,
  type RunActionError,
  type RunsPagingMode,
  type RunsStatusFilter,
  type RunsTableModel,
  type UseRunsTableOptions,
} from "./useRunsTable";

"use client";
import { useId, useRef, type RefObject } from "react";
import type { Run } from "../../client/types";
import { isRunActive } from "../../client/types";
import { runDisplayStatus, type RunDisplayStatus } from "../../store/runDisplayStatus";
import { RunStatusBadge } from "../RunStatusBadge/RunStatusBadge";
import { StatusIcon } from "../RunStatusBadge/StatusIcon";
import { runDuration } from "./runDuration";
import { shortRunId } from "./shortRunId";
import { useConfirmStep } from "./useConfirmStep";
import { useNow } from "./useNow";
import type { RunActionError, RunsStatusFilter } from "./useRunsTable";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";

const STATUS_OPTIONS: { value: RunsStatusFilter; label: string }[] = [
  { value: "all", label: "All statuses" },
  { value: "pending", label: "Pending" },
  { value: "running", label: "Running" },
  { value: "success", label: "Success" },
  { value: "error", label: "Error" },
  { value: "timeout", label: "Timed out" },
  { value: "interrupted", label: "Stopped" },
];

const SKELETON_ROWS = 3;
const COLUMNS = 5;

export interface RunsTableViewProps {
  /** The runs of the page to show. */
  runs: readonly Run[];
  /** Runs matching the filter, when known ("1–10 of 23"). */
  total?: number;
  /** 0-based (default 0). */
  page?: number;
  pageSize?: number;
  pageCount?: number;
  hasPrevious?: boolean;
  hasNext?: boolean;
  onPageChange?: (page: number) => void;
  onPageSizeChange?: (size: number) => void;
  /** Page sizes to offer (default 10, 20, 50). */
  pageSizes?: readonly number[];
  /** The status filter; the select shows when `onStatusChange` is given. */
  status?: RunsStatusFilter;
  onStatusChange?: (status: RunsStatusFilter) => void;
  /** First load: skeleton rows and "Loading runs…". */
  loading?: boolean;
  /** A refresh is going on (sets `data-fetching`). */
  fetching?: boolean;
  error?: Error | null;
  /** Shows a Retry button with the error. */
  onRetry?: () => void;
  /**
   * Row actions: each shows when its callback is given. Cancel on active runs, delete on finished
   * ones (after an inline confirm step; focus moves to the table's caption once the row is gone).
   */
  onCancelRun?: (run: Run) => void;
  onDeleteRun?: (run: Run) => void;
  /** "Open event log" on every row. */
  onOpenRun?: (runId: string, run: Run) => void;
  cancellingIds?: ReadonlySet<string>;
  deletingIds?: ReadonlySet<string>;
  /** A failed row action, shown as an alert. */
  actionError?: RunActionError | null;
  /**
   * The status each row shows (default: the server's, `interrupted` as "Stopped"). `RunsTable`
   * passes one that knows the thread, so the run the thread is paused after shows "Needs input".
   */
  displayStatusOf?: (run: Run) => RunDisplayStatus;
  /** The table's caption (default "Runs"). */
  caption?: string;
  /** Formats created times (default: the locale's medium date and time). */
  formatTime?: (date: Date) => string;
  /** The clock for "running for …" (default: now, ticking while a run is active). */
  now?: number;
  className?: string;
}

const NO_IDS: ReadonlySet<string> = new Set();
const serverDisplayStatus = (run: Run) => runDisplayStatus(run.status);
const defaultFormatTime = (date: Date) =>
  date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

/**
 * The runs table as plain props (no data fetching): rows with status badges, created times,
 * durations, row actions, pagination, a status filter, and loading / empty / error states.
 * `RunsTable` feeds it from `useRunsTable`; use this one for stories or your own data.
 * Styled by `.lgr-runs` / `.lgr-runs-table` in styles/table.css.
 *
 * @example
 * <RunsTableView runs={runs} onOpenRun={(id) => setOpen(id)} />
 */
export function RunsTableView(props: RunsTableViewProps) {
  return (
    <ComponentErrorBoundary component="RunsTableView">
      <RunsTableViewContent {...props} />
    </ComponentErrorBoundary>
  );
}

function RunsTableViewContent({
  runs,
  total,
  page = 0,
  pageSize = runs.length || 10,
  pageCount,
  hasPrevious = page > 0,
  hasNext = false,
  onPageChange,
  onPageSizeChange,
  pageSizes = [10, 20, 50],
  status = "all",
  onStatusChange,
  loading = false,
  fetching = false,
  error = null,
  onRetry,
  onCancelRun,
  onDeleteRun,
  onOpenRun,
  cancellingIds = NO_IDS,
  deletingIds = NO_IDS,
  actionError = null,
  displayStatusOf = serverDisplayStatus,
  caption = "Runs",
  formatTime = defaultFormatTime,
  now: fixedNow,
  className,
}: RunsTableViewProps) {
  const id = useId();
  const captionRef = useRef<HTMLTableCaptionElement | null>(null);
  const anyActive = runs.some(isRunActive);
  const tickingNow = useNow(anyActive && fixedNow === undefined);
  const now = fixedNow ?? tickingNow;
  const state = loading
    ? "loading"
    : error && runs.length === 0
      ? "error"
      : runs.length === 0
        ? "empty"
        : "ready";
  const hasActions = Boolean(onCancelRun || onDeleteRun || onOpenRun);
  const columns = hasActions ? COLUMNS : COLUMNS - 1;
  const first = page * pageSize + 1;
  const last = page * pageSize + runs.length;
  const filtered = status !== "all";

  let summary: string;
  if (loading) summary = "Loading runs…";
  else if (runs.length === 0) summary = filtered ? "No runs with this status." : "No runs yet.";
  else if (total !== undefined) summary = `Runs ${first}–${last} of ${total}`;
  else summary = `Runs ${first}–${last}`;

  return (
    <section
      className={className ? `lgr-runs ${className}` : "lgr-runs"}
      aria-labelledby={`${id}-caption`}
      data-state={state}
      data-fetching={fetching ? "true" : undefined}
    >
      <div className="lgr-runs__toolbar">
        {onStatusChange ? (
          <label className="lgr-runs__field">
            <span>Status</span>
            <select
              className="lgr-select"
              value={status}
              onChange={(event) => onStatusChange(event.target.value as RunsStatusFilter)}
            >
              {STATUS_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <span className="lgr-runs__summary" role="status" aria-live="polite">
          {summary}
        </span>
      </div>

      {error ? (
        <div className="lgr-runs__error" role="alert">
          <StatusIcon name="alert" />
          <span>Could not load runs: {error.message}</span>
          {onRetry ? (
            <button type="button" className="lgr-button" data-size="small" onClick={onRetry}>
              Retry
            </button>
          ) : null}
        </div>
      ) : null}
      {actionError ? (
        <div className="lgr-runs__error" role="alert">
          <StatusIcon name="alert" />
          <span>
            Could not {actionError.action} run {shortRunId(actionError.runId)}:{" "}
            {actionError.error.message}
          </span>
        </div>
      ) : null}

      <div className="lgr-runs__scroll">
        <table className="lgr-runs-table" aria-busy={loading ? "true" : undefined}>
          {/* Focusable from code only: where focus goes when a deleted row leaves. */}
          <caption id={`${id}-caption`} ref={captionRef} tabIndex={-1}>
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Duration</th>
              {hasActions ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {loading
              ? Array.from({ length: SKELETON_ROWS }, (_, index) => (
                  <tr key={index} className="lgr-runs-table__skeleton" aria-hidden="true">
                    {Array.from({ length: columns }, (_, cell) => (
                      <td key={cell}>
                        <span className="lgr-skeleton" />
                      </td>
                    ))}
                  </tr>
                ))
              : null}
            {!loading && runs.length === 0 ? (
              <tr>
                <td colSpan={columns} className="lgr-runs-table__empty">
                  {error
                    ? "No runs to show."
                    : filtered
                      ? "No runs with this status."
                      : "No runs yet."}
                </td>
              </tr>
            ) : null}
            {!loading
              ? runs.map((run) => (
                  <RunRow
                    key={run.run_id}
                    run={run}
                    status={cancellingIds.has(run.run_id) ? "cancelling" : displayStatusOf(run)}
                    now={now}
                    formatTime={formatTime}
                    cancelling={cancellingIds.has(run.run_id)}
                    deleting={deletingIds.has(run.run_id)}
                    hasActions={hasActions}
                    onCancelRun={onCancelRun}
                    onDeleteRun={onDeleteRun}
                    onOpenRun={onOpenRun}
                    focusAfterDelete={captionRef}
                  />
                ))
              : null}
          </tbody>
        </table>
      </div>

      {onPageChange && (hasPrevious || hasNext || page > 0 || onPageSizeChange) ? (
        <nav className="lgr-runs__pager" aria-label="Runs pages">
          <button
            type="button"
            className="lgr-button"
            data-size="small"
            {...pagerButtonProps(!hasPrevious || loading, () => onPageChange(page - 1))}
          >
            <span aria-hidden="true">‹</span> Previous
          </button>
          <span className="lgr-runs__page">
            Page {page + 1}
            {pageCount !== undefined ? ` of ${pageCount}` : ""}
          </span>
          <button
            type="button"
            className="lgr-button"
            data-size="small"
            {...pagerButtonProps(!hasNext || loading, () => onPageChange(page + 1))}
          >
            Next <span aria-hidden="true">›</span>
          </button>
          {onPageSizeChange ? (
            <label className="lgr-runs__field">
              <span>Rows per page</span>
              <select
                className="lgr-select"
                value={pageSize}
                onChange={(event) => onPageSizeChange(Number(event.target.value))}
              >
                {pageSizes.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

/**
 * A pager button that cannot act stays focusable (`aria-disabled`, clicks ignored): reaching the
 * last page with "Next" must not drop keyboard focus to the page body.
 */
function pagerButtonProps(unavailable: boolean, go: () => void) {
  return unavailable
    ? { "aria-disabled": "true" as const, onClick: undefined }
    : { "aria-disabled": undefined, onClick: go };
}

interface RunRowProps extends Pick<
  RunsTableViewProps,
  "onCancelRun" | "onDeleteRun" | "onOpenRun"
> {
  run: Run;
  /** What the row shows (display vocabulary); the raw status goes to `data-run-status`. */
  status: RunDisplayStatus;
  /** Where focus goes once a confirmed delete removed the row. */
  focusAfterDelete: RefObject<HTMLElement | null>;
  now: number;
  formatTime: (date: Date) => string;
  cancelling: boolean;
  deleting: boolean;
  hasActions: boolean;
}

function RunRow({
  run,
  status,
  focusAfterDelete,
  now,
  formatTime,
  cancelling,
  deleting,
  hasActions,
  onCancelRun,
  onDeleteRun,
  onOpenRun,
}: RunRowProps) {
  const duration = runDuration(run, now);
  const created = new Date(run.created_at);
  const shown = shortRunId(run.run_id);
  // The row leaves at once (optimistic delete): focus goes to the table instead of the body.
  const deleteStep = useConfirmStep(() => {
    onDeleteRun?.(run);
    focusAfterDelete.current?.focus();
  });
  const promptId = useId();
  return (
    <tr data-run-id={run.run_id} data-status={status} data-run-status={run.status}>
      <th scope="row">
        <code className="lgr-runs-table__id" title={run.run_id}>
          {shown}
        </code>
      </th>
      <td>
        <RunStatusBadge status={status} serverStatus={run.status} />
      </td>
      <td>
        <time dateTime={run.created_at}>
          {Number.isNaN(created.getTime()) ? run.created_at : formatTime(created)}
        </time>
      </td>
      <td className="lgr-runs-table__duration" data-active={duration.active ? "true" : undefined}>
        {duration.text}
      </td>
      {hasActions ? (
        <td>
          <div
            className="lgr-runs-table__actions"
            role="group"
            aria-label={`Actions for run ${shown}`}
          >
            {/* While a delete is being confirmed the step has the cell to itself (narrow screens). */}
            {onOpenRun && !deleteStep.confirming ? (
              <button
                type="button"
                className="lgr-button"
                data-size="small"
                onClick={() => onOpenRun(run.run_id, run)}
              >
                Open event log
              </button>
            ) : null}
            {onCancelRun && (duration.active || cancelling) ? (
              <button
                type="button"
                className="lgr-button"
                data-size="small"
                data-action="cancel"
                aria-disabled={cancelling ? "true" : undefined}
                aria-busy={cancelling ? "true" : undefined}
                onClick={() => (cancelling ? undefined : onCancelRun(run))}
              >
                <StatusIcon name={cancelling ? "spinner" : "stop"} />
                {cancelling ? "Cancelling…" : "Cancel"}
              </button>
            ) : null}
            {onDeleteRun && !duration.active && !cancelling && deleteStep.confirming ? (
              <span
                className="lgr-runs-table__confirm"
                role="group"
                aria-labelledby={promptId}
                onKeyDown={deleteStep.onKeyDown}
              >
                <span className="lgr-runs-table__prompt" id={promptId}>
                  Delete<span className="lgr-visually-hidden"> run {shown}</span>?
                </span>
                <button
                  type="button"
                  className="lgr-button"
                  data-size="small"
                  data-variant="danger"
                  data-action="confirm-delete"
                  {...deleteStep.confirmProps}
                >
                  Yes, delete
                </button>
                <button
                  type="button"
                  className="lgr-button"
                  data-size="small"
                  {...deleteStep.keepProps}
                >
                  Keep
                </button>
              </span>
            ) : null}
            {onDeleteRun && !duration.active && !cancelling && !deleteStep.confirming ? (
              <button
                type="button"
                className="lgr-button"
                data-size="small"
                data-action="delete"
                disabled={deleting}
                {...deleteStep.triggerProps}
              >
                {deleting ? "Deleting…" : "Delete"}
              </button>
            ) : null}
          </div>
        </td>
      ) : null}
    </tr>
  );
}

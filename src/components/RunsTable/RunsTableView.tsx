"use client";
import { useId, useRef } from "react";
import type { Run } from "../../client/types";
import { isRunActive } from "../../client/types";
import { runDisplayStatus } from "../../store/runDisplayStatus";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { withClassName, type RootProps } from "../RootProps";
import { StatusIcon } from "../RunStatusBadge/StatusIcon";
import { runInputPreview } from "./runInputPreview";
import { RunsTableBulkBar } from "./RunsTableBulkBar";
import { Icon } from "../icons/Icon";
import { RunsTablePager } from "./RunsTablePager";
import { RunsTableRow } from "./RunsTableRow";
import { RunsTableToolbar } from "./RunsTableToolbar";
import { shortRunId } from "./shortRunId";
import { useCopyRunId } from "./useCopyRunId";
import { useNow } from "./useNow";
import type { RunActionError, RunsTableModel } from "./useRunsTable";

const SKELETON_ROWS = 3;
/** Run, assistant, status, created, duration; plus the checkbox and actions columns. */
const DATA_COLUMNS = 5;
const NONE: ReadonlySet<string> = new Set();

/**
 * What the view shows and does: the result of `useRunsTable` as it is, or your own data (only
 * `runs` is needed). Each part shows when its data or callback is given: the status filter with
 * `setStatus`, the pager with `setPage`, Retry with `retry`, Delete with `deleteRun`, checkboxes
 * and the bulk action bar with `setSelectedIds` (and `cancelRuns` or `deleteRuns`), the
 * "Live · updated …" indicator with `updatedAt`.
 */
export interface RunsTableData extends Partial<
  Omit<RunsTableModel, "runs" | "error" | "actionError">
> {
  /** The runs of the page to show. */
  runs: readonly Run[];
  /** The list failed: an alert in the table (with Retry when `retry` is given). */
  error?: Pick<Error, "message"> | null;
  /** A failed row or bulk action, shown as an alert. */
  actionError?: (Omit<RunActionError, "error"> & { error: Pick<Error, "message"> }) | null;
}

/** Row actions to offer. */
export interface RunsTableActions {
  /**
   * Cancel on active runs (default true): a `CancelRunButton` by ids, so it needs a
   * `RunsProvider`; turn it off to render the view without one. Also the bulk cancel.
   */
  cancel?: boolean;
  /** Delete on finished runs, in the ⋯ menu and in bulk (default true; needs `deleteRun`). */
  delete?: boolean;
  /** "Copy run id" in the ⋯ menu (default true). */
  copy?: boolean;
  /** Checkboxes and the bulk action bar (default true; needs `setSelectedIds`). */
  select?: boolean;
}

/** How the view looks, beside the data. */
export interface RunsTableViewOptions {
  actions?: RunsTableActions;
  /** A click on a row (or Enter on it) and "Open run" in its ⋯ menu call it. */
  onOpenRun?: (runId: string, run: Run) => void;
  /** The table's caption (default "Runs"). */
  caption?: string;
  /**
   * Formats created times (default: the locale's short month, day and time, "Mar 14, 3:09 PM";
   * the full time shows on hover).
   */
  formatTime?: (date: Date) => string;
  /** Page sizes to offer (default 10, 20, 50). */
  pageSizes?: readonly number[];
  /** The clock for "running for …" and "updated … ago" (default: now, ticking). */
  now?: number;
  /**
   * A run's input in one line (default `runInputPreview`: the last human message's text, a
   * resume's answer, or the input as JSON). Return undefined for "No input".
   */
  previewInput?: (run: Run) => string | undefined;
}

export type RunsTableViewProps = RootProps<"section", RunsTableData & RunsTableViewOptions>;

const serverDisplayStatus = (run: Run) => runDisplayStatus(run.status);
/** "Mar 14, 3:09 PM" (the year when it is not this one): short, so the table fits more. */
const defaultFormatTime = (date: Date) =>
  date.toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    year: date.getFullYear() === new Date().getFullYear() ? undefined : "numeric",
  });
const DEFAULT_PAGE_SIZES: readonly number[] = [10, 20, 50];

/**
 * The runs table as plain props (no data fetching): rows with the input preview, assistant,
 * status badge, created time and duration; Cancel on active runs and a ⋯ menu (open, copy the
 * id, delete after an inline confirm step); a click on a row opens it; checkboxes with a bulk
 * action bar (cancel, delete); pagination with a stable height; a status filter; a
 * "Live · updated 3 s ago" indicator; and loading, empty and error states inside the table.
 * Below 48rem of width the rows become stacked cards. Spread `useRunsTable`'s result on it, or
 * give your own data. Other props (`id`, `aria-*`, `data-*`, `style`, `ref`) go to the root
 * `<section>`. Styled by `.lgr-runs` / `.lgr-runs-table` in styles/table.css.
 *
 * @example
 * const table = useRunsTable({ threadId });
 * <RunsTableView {...table} caption="Runs" onOpenRun={(id) => setOpen(id)} />
 * <RunsTableView runs={runs} actions={{ cancel: false }} />
 */
export function RunsTableView(props: RunsTableViewProps) {
  return (
    <ComponentErrorBoundary component="RunsTableView">
      <RunsTableViewContent {...props} />
    </ComponentErrorBoundary>
  );
}

function RunsTableViewContent({
  // The model's fields, taken out so that none of them reaches the DOM.
  threadId: _threadId,
  paging: _paging,
  runs,
  total,
  page = 0,
  pageSize = runs.length || 10,
  pageCount,
  hasPrevious = page > 0,
  hasNext = false,
  setPage,
  setPageSize,
  status = "all",
  setStatus,
  loading = false,
  fetching = false,
  error = null,
  retry,
  deleteRun,
  deleteRuns,
  cancelRuns,
  cancellingIds,
  deletingIds,
  actionError = null,
  selectedIds = NONE,
  setSelectedIds,
  updatedAt = 0,
  live = false,
  displayStatusOf = serverDisplayStatus,
  // View options.
  actions,
  onOpenRun,
  caption = "Runs",
  formatTime = defaultFormatTime,
  pageSizes = DEFAULT_PAGE_SIZES,
  now: fixedNow,
  previewInput = runInputPreview,
  className,
  ...rest
}: RunsTableViewProps) {
  const id = useId();
  const captionRef = useRef<HTMLTableCaptionElement | null>(null);
  const anyActive = runs.some(isRunActive);
  const tickingNow = useNow(anyActive && fixedNow === undefined);
  const now = fixedNow ?? tickingNow;
  const { notice, copy } = useCopyRunId();
  const state = loading
    ? "loading"
    : error && runs.length === 0
      ? "error"
      : runs.length === 0
        ? "empty"
        : "ready";

  const cancel = actions?.cancel !== false;
  const canDelete = actions?.delete !== false;
  const onDelete = canDelete ? deleteRun : undefined;
  const bulkCancel = cancel ? cancelRuns : undefined;
  const bulkDelete = canDelete ? deleteRuns : undefined;
  const copyId = actions?.copy === false ? undefined : copy;
  const select =
    actions?.select !== false && setSelectedIds && (bulkCancel || bulkDelete)
      ? setSelectedIds
      : undefined;
  const hasActions = Boolean(cancel || onDelete || onOpenRun || copyId);
  const columns = DATA_COLUMNS + (select ? 1 : 0) + (hasActions ? 1 : 0);
  const filtered = status !== "all";
  const selectedRuns = runs.filter((run) => selectedIds.has(run.run_id));
  // Pages keep one height: the last page's missing rows are blank rows.
  const multiPage = hasPrevious || hasNext || (pageCount ?? 1) > 1;
  const fillers = state === "ready" && multiPage ? Math.max(0, pageSize - runs.length) : 0;
  const toggle = (run: Run, on: boolean) => {
    const next = new Set(selectedIds);
    if (on) next.add(run.run_id);
    else next.delete(run.run_id);
    select?.(next);
  };

  return (
    <section
      aria-labelledby={`${id}-caption`}
      {...rest}
      className={withClassName("lgr-runs", className)}
      data-state={state}
      data-fetching={fetching ? "true" : undefined}
    >
      <RunsTableToolbar
        status={status}
        setStatus={setStatus}
        summary={summaryOf({ loading, error, shown: runs.length, filtered, total, page, pageSize })}
        summaryHidden={state !== "ready"}
        updatedAt={updatedAt}
        live={live}
        now={fixedNow}
        notice={notice}
        selection={
          select && selectedRuns.length > 0 ? (
            <RunsTableBulkBar
              selected={selectedRuns}
              cancellingIds={cancellingIds}
              cancelRuns={bulkCancel}
              deleteRuns={bulkDelete}
              clear={() => select(NONE)}
              focusAfter={captionRef}
            />
          ) : undefined
        }
      />

      {actionError ? (
        <div className="lgr-runs__error" role="alert">
          <StatusIcon name="alert" />
          <span>{actionErrorText(actionError)}</span>
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
              {select ? (
                <td className="lgr-runs-table__select">
                  <SelectAll runs={runs} selectedIds={selectedIds} select={select} />
                </td>
              ) : null}
              <th scope="col">Run</th>
              <th scope="col">Assistant</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Duration</th>
              {hasActions ? (
                <th scope="col" className="lgr-runs-table__actions-cell">
                  Actions
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {error ? <ErrorRow columns={columns} error={error} retry={retry} /> : null}
            {loading ? <SkeletonRows columns={columns} /> : null}
            {state === "empty" ? (
              <EmptyRow
                columns={columns}
                filtered={filtered}
                showAll={setStatus ? () => setStatus("all") : undefined}
              />
            ) : null}
            {!loading
              ? runs.map((run) => {
                  const cancelling = cancellingIds?.has(run.run_id);
                  return (
                    <RunsTableRow
                      key={run.run_id}
                      run={run}
                      status={cancelling ? "cancelling" : displayStatusOf(run)}
                      preview={previewInput(run)}
                      cancelling={cancelling}
                      deleting={deletingIds?.has(run.run_id) ?? false}
                      now={now}
                      formatTime={formatTime}
                      hasActions={hasActions}
                      cancel={cancel}
                      deleteRun={onDelete}
                      onOpenRun={onOpenRun}
                      copyId={copyId}
                      focusAfterDelete={captionRef}
                      onSelectedChange={select ? toggle : undefined}
                      selected={selectedIds.has(run.run_id)}
                      aria-describedby={onOpenRun ? `${id}-hint` : undefined}
                    />
                  );
                })
              : null}
            {Array.from({ length: fillers }, (_, index) => (
              <tr key={`filler-${index}`} className="lgr-runs-table__filler" aria-hidden="true">
                <td colSpan={columns} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {onOpenRun ? (
        <p id={`${id}-hint`} hidden>
          Enter opens the run.
        </p>
      ) : null}

      <RunsTablePager
        page={page}
        pageSize={pageSize}
        pageCount={pageCount}
        hasPrevious={hasPrevious}
        hasNext={hasNext}
        setPage={setPage}
        setPageSize={setPageSize}
        pageSizes={pageSizes}
        loading={loading}
      />
    </section>
  );
}

/** The header's checkbox: ticks every run of the page, or none; mixed when some are ticked. */
function SelectAll({
  runs,
  selectedIds,
  select,
}: {
  runs: readonly Run[];
  selectedIds: ReadonlySet<string>;
  select: (ids: ReadonlySet<string>) => void;
}) {
  const ticked = runs.filter((run) => selectedIds.has(run.run_id)).length;
  const all = runs.length > 0 && ticked === runs.length;
  return (
    <label>
      <input
        type="checkbox"
        aria-label="Select all runs on this page"
        checked={all}
        disabled={runs.length === 0}
        ref={(input) => {
          if (input) input.indeterminate = ticked > 0 && !all;
        }}
        onChange={(event) =>
          select(event.target.checked ? new Set(runs.map((run) => run.run_id)) : NONE)
        }
      />
      {/* Shown on stacked cards, where no header row says what the box is. */}
      <span className="lgr-runs-table__select-all" aria-hidden="true">
        Select all
      </span>
    </label>
  );
}

/** The list failed: an alert with Retry, spanning the columns (the header stays). */
function ErrorRow({
  columns,
  error,
  retry,
}: {
  columns: number;
  error: Pick<Error, "message">;
  retry: (() => void) | undefined;
}) {
  return (
    <tr className="lgr-runs-table__message" data-kind="error">
      <td colSpan={columns}>
        <div className="lgr-runs__error" role="alert">
          <StatusIcon name="alert" />
          <span>Could not load runs: {error.message}</span>
          {retry ? (
            <button type="button" className="lgr-button" data-size="small" onClick={retry}>
              Retry
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

/** The one empty state: in the table, under its header. */
function EmptyRow({
  columns,
  filtered,
  showAll,
}: {
  columns: number;
  filtered: boolean;
  showAll: (() => void) | undefined;
}) {
  return (
    <tr className="lgr-runs-table__message" data-kind="empty">
      <td colSpan={columns}>
        <div className="lgr-runs-table__empty">
          <Icon name="table" />
          <strong>{filtered ? "No runs with this status." : "No runs yet."}</strong>
          <span>
            {filtered
              ? "Runs with other statuses are hidden."
              : "Runs of this thread show here as they start."}
          </span>
          {filtered && showAll ? (
            <button type="button" className="lgr-button" data-size="small" onClick={showAll}>
              Show all statuses
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

/** The first load's placeholder rows, hidden from assistive technology. */
function SkeletonRows({ columns }: { columns: number }) {
  return Array.from({ length: SKELETON_ROWS }, (_, index) => (
    <tr key={index} className="lgr-runs-table__skeleton" aria-hidden="true">
      {Array.from({ length: columns }, (_, cell) => (
        <td key={cell}>
          <span className="lgr-skeleton" />
        </td>
      ))}
    </tr>
  ));
}

function actionErrorText({
  action,
  runIds,
  error,
}: NonNullable<RunsTableData["actionError"]>): string {
  const what = runIds.length === 1 ? `run ${shortRunId(runIds[0] ?? "")}` : `${runIds.length} runs`;
  return `Could not ${action} ${what}: ${error.message}`;
}

/** The live summary: "Loading runs…", "No runs yet.", "Runs 1–10 of 23". */
function summaryOf({
  loading,
  error,
  shown,
  filtered,
  total,
  page,
  pageSize,
}: {
  loading: boolean;
  error: unknown;
  shown: number;
  filtered: boolean;
  total: number | undefined;
  page: number;
  pageSize: number;
}): string {
  if (loading) return "Loading runs…";
  if (shown === 0 && error) return "Could not load runs.";
  if (shown === 0) return filtered ? "No runs with this status." : "No runs yet.";
  const range = `${page * pageSize + 1}–${page * pageSize + shown}`;
  return total !== undefined ? `Runs ${range} of ${total}` : `Runs ${range}`;
}

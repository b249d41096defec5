"use client";
import type { ReactNode } from "react";
import { withClassName, type RootProps } from "../RootProps";
import { RunsTableLiveIndicator } from "./RunsTableLiveIndicator";
import type { RunsStatusFilter } from "./useRunsTable";

const STATUS_OPTIONS: { value: RunsStatusFilter; label: string }[] = [
  { value: "all", label: "All statuses" },
  { value: "pending", label: "Pending" },
  { value: "running", label: "Running" },
  { value: "success", label: "Success" },
  { value: "error", label: "Error" },
  { value: "timeout", label: "Timed out" },
  { value: "interrupted", label: "Stopped" },
];

export type RunsTableToolbarProps = RootProps<
  "div",
  {
    /** The status filter; the select shows when `setStatus` is given. */
    status: RunsStatusFilter;
    setStatus?: (status: RunsStatusFilter) => void;
    /** What the table shows now ("Runs 1–10 of 23", "Loading runs…"), announced politely. */
    summary: string;
    /**
     * The table itself shows the state (skeleton, empty, error): the summary is then only
     * announced, not shown a second time.
     */
    summaryHidden?: boolean;
    /** Takes the filter's place while runs are ticked (the bulk action bar). */
    selection?: ReactNode;
    /** When the list last arrived (0: never) and whether it refreshes on its own. */
    updatedAt?: number;
    live?: boolean;
    /** A fixed clock for the "updated … ago" text. */
    now?: number;
    /** A short-lived message ("Copied run id …"), announced politely. */
    notice?: string;
  }
>;

/**
 * The runs table's toolbar: the status filter (or, while runs are ticked, the bulk action bar),
 * the "Live · updated 3 s ago" indicator and the live summary of the rows shown.
 *
 * @example <RunsTableToolbar status="all" setStatus={setStatus} summary="Runs 1–3 of 3" updatedAt={Date.now()} live />
 */
export function RunsTableToolbar({
  status,
  setStatus,
  summary,
  summaryHidden = false,
  selection,
  updatedAt = 0,
  live = false,
  now,
  notice = "",
  className,
  ...rest
}: RunsTableToolbarProps) {
  return (
    <div {...rest} className={withClassName("lgr-runs__toolbar", className)}>
      {selection ??
        (setStatus ? (
          <label className="lgr-runs__field">
            <span>Status</span>
            <select
              className="lgr-select"
              value={status}
              onChange={(event) => setStatus(event.target.value as RunsStatusFilter)}
            >
              {STATUS_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ) : null)}
      <span className="lgr-runs__meta">
        <span className="lgr-runs__notice" role="status">
          {notice}
        </span>
        <RunsTableLiveIndicator updatedAt={updatedAt} live={live} now={now} />
        <span
          className={`lgr-runs__summary${summaryHidden ? " lgr-visually-hidden" : ""}`}
          role="status"
          aria-live="polite"
        >
          {summary}
        </span>
      </span>
    </div>
  );
}

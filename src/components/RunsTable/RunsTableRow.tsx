"use client";
import { useId, type KeyboardEvent, type MouseEvent, type RefObject } from "react";
import type { Run } from "../../client/types";
import type { RunDisplayStatus } from "../../store/runDisplayStatus";
import { CancelRunButton } from "../CancelRunButton/CancelRunButton";
import type { CancelRunButtonLabels } from "../CancelRunButton/cancelRunButtonLabels";
import type { RootProps } from "../RootProps";
import { RunStatusBadge } from "../RunStatusBadge/RunStatusBadge";
import { useConfirmStep } from "../shared/useConfirmStep";
import { runAssistantName } from "./runAssistantName";
import { runDuration } from "./runDuration";
import { RunsTableRowMenu, type RunsTableMenuItem } from "./RunsTableRowMenu";
import { shortRunId } from "./shortRunId";

/** A row's cancel button says "Cancel": the row already names the run. */
const ROW_CANCEL_LABELS: Partial<CancelRunButtonLabels> = { cancel: "Cancel" };

/** Clicks on these inside a row are theirs, not the row's. */
const CONTROLS = 'a, button, input, select, textarea, label, [role="menu"]';

export type RunsTableRowProps = RootProps<
  "tr",
  {
    run: Run;
    /** What the row shows (display vocabulary); the raw status goes to `data-run-status`. */
    status: RunDisplayStatus;
    /** The run's input in one line (undefined: "No input"). */
    preview: string | undefined;
    /** A cancel of the run waits for the server (undefined: the row's cancel button finds out). */
    cancelling?: boolean;
    deleting?: boolean;
    /** The clock for "running for …". */
    now: number;
    formatTime: (date: Date) => string;
    /** Whether the row has an actions cell (all rows of a table do, or none). */
    hasActions: boolean;
    /** Offers Cancel while the run is active: a `CancelRunButton` by ids (needs a `RunsProvider`). */
    cancel: boolean;
    /** Offers Delete (in the ⋯ menu) on a finished run, after an inline confirm step. */
    deleteRun?: (run: Run) => void;
    /** A click on the row (or Enter on it, focused) opens the run; also "Open run" in ⋯. */
    onOpenRun?: (runId: string, run: Run) => void;
    /** Offers "Copy run id" in ⋯. */
    copyId?: (run: Run) => void;
    /** Where focus goes once a confirmed delete removed the row. */
    focusAfterDelete?: RefObject<HTMLElement | null>;
    /** Shows a checkbox; `selected` is its state. */
    onSelectedChange?: (run: Run, selected: boolean) => void;
    selected?: boolean;
  }
>;

/**
 * One run of the runs table: a checkbox for bulk actions, the input preview over the short id,
 * the assistant, status badge, created time, duration, Cancel while active and a ⋯ menu (open,
 * copy the id, delete). A click on the row, or Enter on it, opens the run; Space ticks it;
 * ArrowUp/ArrowDown move to the next row.
 *
 * @example <RunsTableRow run={run} status="running" preview="Hi" now={Date.now()} formatTime={String} hasActions cancel />
 */
export function RunsTableRow({
  run,
  status,
  preview,
  cancelling,
  deleting = false,
  now,
  formatTime,
  hasActions,
  cancel,
  deleteRun,
  onOpenRun,
  copyId,
  focusAfterDelete,
  onSelectedChange,
  selected = false,
  ...rest
}: RunsTableRowProps) {
  const duration = runDuration(run, now);
  const created = new Date(run.created_at);
  const shown = shortRunId(run.run_id);
  // The row leaves at once (optimistic delete): focus goes to the table instead of the body.
  const deleteStep = useConfirmStep({
    onConfirm: () => {
      deleteRun?.(run);
      focusAfterDelete?.current?.focus();
    },
    focusAfterConfirm: "none",
  });
  const promptId = useId();
  const canDelete = Boolean(deleteRun) && !duration.active && !cancelling && !deleting;
  const open = onOpenRun ? () => onOpenRun(run.run_id, run) : undefined;
  const menuItems: RunsTableMenuItem[] = [];
  if (open) menuItems.push({ label: "Open run", icon: "open", onSelect: open });
  if (copyId) menuItems.push({ label: "Copy run id", icon: "copy", onSelect: () => copyId(run) });
  if (canDelete)
    menuItems.push({
      label: "Delete",
      icon: "trash",
      danger: true,
      movesFocus: true,
      onSelect: deleteStep.open,
    });

  const onClick = (event: MouseEvent<HTMLTableRowElement>) => {
    if (!open || (event.target as Element).closest?.(CONTROLS)) return;
    // Selecting text in a row is not a click on it.
    if (window.getSelection()?.toString()) return;
    open();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" && open) open();
    else if (event.key === " " && onSelectedChange) onSelectedChange(run, !selected);
    else if (event.key === "ArrowDown" || event.key === "ArrowUp")
      focusSiblingRow(event.currentTarget, event.key === "ArrowDown");
    else return;
    event.preventDefault();
  };

  return (
    <tr
      tabIndex={open ? 0 : undefined}
      {...rest}
      data-run-id={run.run_id}
      data-status={status}
      data-run-status={run.status}
      data-selected={selected ? "true" : undefined}
      data-opens={open ? "true" : undefined}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {onSelectedChange ? (
        <td className="lgr-runs-table__select">
          <label>
            <input
              type="checkbox"
              aria-label={`Select run ${shown}`}
              checked={selected}
              onChange={(event) => onSelectedChange(run, event.target.checked)}
            />
          </label>
        </td>
      ) : null}
      <th scope="row" className="lgr-runs-table__run">
        <span
          className="lgr-runs-table__input"
          title={preview}
          data-empty={preview ? undefined : "true"}
        >
          {preview ?? "No input"}
        </span>
        <code className="lgr-runs-table__id" title={run.run_id}>
          {shown}
        </code>
      </th>
      <td className="lgr-runs-table__assistant" title={String(run.assistant_id)}>
        {runAssistantName(run)}
      </td>
      <td className="lgr-runs-table__status">
        <RunStatusBadge status={status} serverStatus={run.status} />
      </td>
      <td className="lgr-runs-table__created">
        {Number.isNaN(created.getTime()) ? (
          <time dateTime={run.created_at}>{run.created_at}</time>
        ) : (
          <time dateTime={run.created_at} title={created.toLocaleString()}>
            {formatTime(created)}
          </time>
        )}
      </td>
      <td className="lgr-runs-table__duration" data-active={duration.active ? "true" : undefined}>
        {duration.text}
      </td>
      {hasActions ? (
        <td className="lgr-runs-table__actions-cell">
          <div
            className="lgr-runs-table__actions"
            role="group"
            aria-label={`Actions for run ${shown}`}
          >
            {cancel && (duration.active || cancelling) ? (
              <CancelRunButton
                threadId={run.thread_id}
                runId={run.run_id}
                status={run.status}
                cancelling={cancelling}
                size="small"
                labels={ROW_CANCEL_LABELS}
              />
            ) : null}
            {canDelete && deleteStep.confirming ? (
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
            ) : menuItems.length > 0 ? (
              // While a delete is being confirmed the step has the cell to itself (narrow screens).
              <RunsTableRowMenu
                label={`More actions for run ${shown}`}
                items={menuItems}
                buttonRef={deleteStep.triggerProps.ref}
              />
            ) : null}
          </div>
        </td>
      ) : null}
    </tr>
  );
}

/** Moves focus to the next (or previous) row that takes focus, if any. */
function focusSiblingRow(row: HTMLTableRowElement, down: boolean): void {
  let sibling = down ? row.nextElementSibling : row.previousElementSibling;
  while (sibling && !(sibling instanceof HTMLElement && sibling.tabIndex >= 0))
    sibling = down ? sibling.nextElementSibling : sibling.previousElementSibling;
  (sibling as HTMLElement | null)?.focus();
}

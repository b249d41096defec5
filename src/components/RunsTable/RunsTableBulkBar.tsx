"use client";
import { useId, type RefObject } from "react";
import { isRunActive, type Run } from "../../client/types";
import { withClassName, type RootProps } from "../RootProps";
import { useConfirmStep, type ConfirmStep } from "../shared/useConfirmStep";

export type RunsTableBulkBarProps = RootProps<
  "div",
  {
    /** The ticked runs. */
    selected: readonly Run[];
    /** Runs whose cancel already waits for the server: neither cancelled nor deleted again. */
    cancellingIds?: ReadonlySet<string>;
    /** Offers "Cancel n runs" for the active ones. */
    cancelRuns?: (runs: readonly Run[]) => void;
    /** Offers "Delete n runs" for the finished ones. */
    deleteRuns?: (runs: readonly Run[]) => void;
    /** Unticks every run. */
    clear: () => void;
    /** Where focus goes once a confirmed action emptied the selection (the bar leaves). */
    focusAfter?: RefObject<HTMLElement | null>;
  }
>;

const runs = (count: number) => (count === 1 ? "1 run" : `${count} runs`);

/**
 * The action bar of the ticked runs: "3 selected", Cancel for the active ones, Delete for the
 * finished ones, each after an inline confirm step, and Clear selection.
 *
 * @example <RunsTableBulkBar selected={runs} cancelRuns={cancelRuns} deleteRuns={deleteRuns} clear={clear} />
 */
export function RunsTableBulkBar({
  selected,
  cancellingIds,
  cancelRuns,
  deleteRuns,
  clear,
  focusAfter,
  className,
  ...rest
}: RunsTableBulkBarProps) {
  const waiting = (run: Run) => cancellingIds?.has(run.run_id) ?? false;
  const cancellable = selected.filter((run) => isRunActive(run) && !waiting(run));
  const deletable = selected.filter((run) => !isRunActive(run) && !waiting(run));
  // An action (or Clear) empties the selection, and the bar with it: focus goes to the table.
  const done = () => {
    clear();
    focusAfter?.current?.focus();
  };
  const cancelStep = useConfirmStep({
    onConfirm: () => {
      cancelRuns?.(cancellable);
      done();
    },
    focusAfterConfirm: "none",
  });
  const deleteStep = useConfirmStep({
    onConfirm: () => {
      deleteRuns?.(deletable);
      done();
    },
    focusAfterConfirm: "none",
  });
  const promptId = useId();
  const confirming = cancelStep.confirming
    ? { step: cancelStep, prompt: `Cancel ${runs(cancellable.length)}?`, yes: "Yes, cancel" }
    : deleteStep.confirming
      ? { step: deleteStep, prompt: `Delete ${runs(deletable.length)}?`, yes: "Yes, delete" }
      : null;

  return (
    <div
      role="group"
      aria-label="Selected runs"
      {...rest}
      className={withClassName("lgr-runs__bulk", className)}
    >
      <span className="lgr-runs__bulk-count">{selected.length} selected</span>
      {confirming ? (
        <ConfirmRow
          promptId={promptId}
          step={confirming.step}
          prompt={confirming.prompt}
          yes={confirming.yes}
          keep={confirming.step === cancelStep ? "Keep running" : "Keep"}
        />
      ) : (
        <>
          {cancelRuns && cancellable.length > 0 ? (
            <button
              type="button"
              className="lgr-button"
              data-size="small"
              {...cancelStep.triggerProps}
            >
              Cancel {runs(cancellable.length)}
            </button>
          ) : null}
          {deleteRuns && deletable.length > 0 ? (
            <button
              type="button"
              className="lgr-button"
              data-size="small"
              data-action="delete"
              {...deleteStep.triggerProps}
            >
              Delete {runs(deletable.length)}
            </button>
          ) : null}
          <button type="button" className="lgr-button" data-size="small" onClick={done}>
            Clear selection
          </button>
        </>
      )}
    </div>
  );
}

function ConfirmRow({
  promptId,
  step,
  prompt,
  yes,
  keep,
}: {
  promptId: string;
  step: ConfirmStep;
  prompt: string;
  yes: string;
  keep: string;
}) {
  return (
    <span
      className="lgr-runs-table__confirm"
      role="group"
      aria-labelledby={promptId}
      onKeyDown={step.onKeyDown}
    >
      <span className="lgr-runs-table__prompt" id={promptId}>
        {prompt}
      </span>
      <button
        type="button"
        className="lgr-button"
        data-size="small"
        data-variant="danger"
        {...step.confirmProps}
      >
        {yes}
      </button>
      <button type="button" className="lgr-button" data-size="small" {...step.keepProps}>
        {keep}
      </button>
    </span>
  );
}

"use client";
import { useId } from "react";
import { StatusIcon } from "../RunStatusBadge/StatusIcon";
import { useCancelRunButton, type UseCancelRunButtonOptions } from "./useCancelRunButton";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";

export type CancelRunButtonProps = UseCancelRunButtonOptions & {
  className?: string;
  /** `small` for table rows. */
  size?: "medium" | "small";
};

/**
 * Cancels a run: `interrupt` (default) or `rollback`, with an optional inline confirm step, and
 * "Cancelling…" until the server confirms the run ended. Disabled when there is nothing to cancel.
 * Needs a `RunsProvider`. Styled by `.lgr-cancel` (`[data-state]`) in styles/status.css.
 *
 * Two ways to name the run:
 * - `stream`: the result of `useRunStream()` (cancels through `stream.stop`);
 * - `threadId` + `runId` (+ `status` if you know it, else the run is fetched).
 *
 * @example
 * const stream = useRunStream({ assistantId: "agent" });
 * <CancelRunButton stream={stream} confirm />
 * <CancelRunButton threadId={threadId} runId={run.run_id} status={run.status} action="rollback" />
 */
export function CancelRunButton(props: CancelRunButtonProps) {
  return (
    <ComponentErrorBoundary component="CancelRunButton">
      <CancelRunButtonContent {...props} />
    </ComponentErrorBoundary>
  );
}

function CancelRunButtonContent({ className, size = "medium", ...options }: CancelRunButtonProps) {
  const cancel = useCancelRunButton(options as UseCancelRunButtonOptions);
  const promptId = useId();
  const { phase } = cancel;
  return (
    <span
      className={className ? `lgr-cancel ${className}` : "lgr-cancel"}
      data-state={phase}
      data-action={cancel.action}
      data-run-status={cancel.runStatus}
    >
      {phase === "confirming" ? (
        <span
          className="lgr-cancel__confirm"
          aria-labelledby={promptId}
          {...cancel.confirmGroupProps}
        >
          <span id={promptId} className="lgr-cancel__prompt">
            {cancel.labels.prompt}
          </span>
          <button
            className="lgr-button"
            data-variant="danger"
            data-size={size}
            {...cancel.confirmButtonProps}
          >
            {cancel.labels.confirm}
          </button>
          <button className="lgr-button" data-size={size} {...cancel.dismissButtonProps}>
            {cancel.labels.dismiss}
          </button>
        </span>
      ) : (
        <button className="lgr-button lgr-cancel__button" data-size={size} {...cancel.buttonProps}>
          <StatusIcon name={phase === "cancelling" ? "spinner" : "stop"} />
          {cancel.label}
        </button>
      )}
      <span className="lgr-visually-hidden" role="status" aria-live="polite">
        {cancel.announcement}
      </span>
      {cancel.error ? (
        <span className="lgr-cancel__error" role="alert">
          {cancel.labels.failed} {cancel.error.message}
        </span>
      ) : null}
    </span>
  );
}

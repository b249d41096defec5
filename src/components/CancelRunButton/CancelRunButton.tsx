"use client";
import { useId } from "react";
import { StatusIcon } from "../RunStatusBadge/StatusIcon";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { withClassName, type RootProps } from "../RootProps";
import { useCancelRunButton, type UseCancelRunButtonOptions } from "./useCancelRunButton";

export type CancelRunButtonProps = RootProps<
  "span",
  UseCancelRunButtonOptions & {
    /** `small` for table rows. */
    size?: "medium" | "small";
  }
>;

/**
 * Cancels a run: `interrupt` (default) or `rollback`, with an optional inline confirm step, and
 * "Cancelling…" until the server confirms the run ended. Disabled when there is nothing to cancel.
 * Needs a `RunsProvider`. Styled by `.lgr-cancel` (`[data-state]`) in styles/status.css. Other
 * props (`id`, `aria-*`, `data-*`, `style`, `ref`) go to the root `<span>`.
 *
 * Two ways to name the run:
 * - `run`: a handle from `useRunStream` or `useRunController` (default: the `<RunScope>`'s);
 *   cancels through `run.stop()`;
 * - `threadId` + `runId` (+ `status` if you know it, else the run is fetched): any run.
 *
 * @example
 * const chat = useRunController({ assistantId: "agent" });
 * <CancelRunButton run={chat} confirm />
 * <CancelRunButton threadId={threadId} runId={run.run_id} status={run.status} action="rollback" />
 */
export function CancelRunButton(props: CancelRunButtonProps) {
  return (
    <ComponentErrorBoundary component="CancelRunButton">
      <CancelRunButtonContent {...props} />
    </ComponentErrorBoundary>
  );
}

function CancelRunButtonContent({
  className,
  size = "medium",
  run,
  threadId,
  runId,
  status,
  cancelling,
  action,
  confirm,
  labels,
  onCancelled,
  onError,
  ...rest
}: CancelRunButtonProps) {
  // The props are one of the two option shapes; destructuring only loses that pairing.
  const cancel = useCancelRunButton({
    run,
    threadId,
    runId,
    status,
    cancelling,
    action,
    confirm,
    labels,
    onCancelled,
    onError,
  } as UseCancelRunButtonOptions);
  const promptId = useId();
  const { phase } = cancel;
  return (
    <span
      {...rest}
      className={withClassName("lgr-cancel", className)}
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

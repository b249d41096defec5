"use client";
import { useId } from "react";
import { withClassName, type RootProps } from "../RootProps";
import { Icon } from "../icons/Icon";

export type ResumeControlsProps = RootProps<"div", ResumeControlsOwnProps>;

interface ResumeControlsOwnProps {
  /** The button's text (default "Resume"). */
  label?: string;
  canSubmit: boolean;
  submitting?: boolean;
  /** The last submit failed with this message. */
  error?: string | null;
  /** The last submit went through. */
  sent?: boolean;
  /** Why the button is disabled, one line each. */
  problems?: readonly string[];
  /**
   * Show the button and the problems (default true). `false` when the fields send the answer
   * themselves (an interrupt answered on its own: Approve sends at once); the status and the
   * error stay.
   */
  showSubmit?: boolean;
  /**
   * Called on click. Without it the button is a `type="submit"` button for the surrounding
   * form (as in `InterruptPanel`).
   */
  onSubmit?: () => void;
}

/**
 * The submit area of an interrupt form: one button that resumes the run, what is still missing,
 * "Sending…" / "Answer sent." in a polite status, and the error of a failed resume as an alert.
 * Feed it from `useInterruptPanel`; the rest of the props go to its root `<div>`.
 *
 * @example
 * const panel = useInterruptPanel({ run: chat });
 * <ResumeControls label={panel.submitLabel} canSubmit={panel.canSubmit} problems={panel.problems}
 *   submitting={panel.submitting} error={panel.error} sent={panel.sent} onSubmit={panel.submit} />
 */
export function ResumeControls({
  label = "Resume",
  canSubmit,
  submitting = false,
  error = null,
  sent = false,
  problems = [],
  showSubmit = true,
  onSubmit,
  className,
  ...rest
}: ResumeControlsProps) {
  const hintId = useId();
  const showProblems = showSubmit && problems.length > 0 && !submitting;
  const state = submitting
    ? "submitting"
    : error
      ? "error"
      : sent
        ? "sent"
        : canSubmit
          ? "ready"
          : "incomplete";
  return (
    <div {...rest} className={withClassName("lgr-resume", className)} data-state={state}>
      {showProblems && (
        <ul className="lgr-resume__problems" id={hintId}>
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="lgr-resume__row">
        {showSubmit && (
          <button
            type={onSubmit ? "button" : "submit"}
            className="lgr-button lgr-resume__submit"
            data-variant="primary"
            disabled={!canSubmit}
            aria-describedby={showProblems ? hintId : undefined}
            onClick={onSubmit}
          >
            <Icon name="play" />
            {label}
          </button>
        )}
        <p className="lgr-resume__status" role="status">
          {submitting ? "Sending…" : sent ? "Answer sent." : ""}
        </p>
      </div>
      {error && (
        <p className="lgr-resume__error" role="alert">
          <Icon name="alert" />
          Could not resume: {error}
        </p>
      )}
    </div>
  );
}

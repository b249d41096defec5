"use client";
import { useId } from "react";

export interface ResumeControlsProps {
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
   * Called on click. Without it the button is a `type="submit"` button for the surrounding
   * form (as in `InterruptPanel`).
   */
  onSubmit?: () => void;
  className?: string;
}

/**
 * The submit area of an interrupt form: one button that resumes the run, what is still missing,
 * "Sending…" / "Answer sent." in a polite status, and the error of a failed resume as an alert.
 * Feed it from `useInterruptPanel`.
 *
 * @example
 * const panel = useInterruptPanel({ stream });
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
  onSubmit,
  className,
}: ResumeControlsProps) {
  const hintId = useId();
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
    <div className={["lgr-resume", className].filter(Boolean).join(" ")} data-state={state}>
      {problems.length > 0 && !submitting && (
        <ul className="lgr-resume__problems" id={hintId}>
          {problems.map((problem, index) => (
            <li key={index}>
              <span aria-hidden="true">○ </span>
              {problem}
            </li>
          ))}
        </ul>
      )}
      <div className="lgr-resume__row">
        <button
          type={onSubmit ? "button" : "submit"}
          className="lgr-button lgr-resume__submit"
          disabled={!canSubmit}
          aria-describedby={problems.length > 0 && !submitting ? hintId : undefined}
          onClick={onSubmit}
        >
          <span aria-hidden="true">{submitting ? "…" : "▶"}</span> {label}
        </button>
        <p className="lgr-resume__status" role="status">
          {submitting ? "Sending…" : sent ? "✓ Answer sent." : ""}
        </p>
      </div>
      {error && (
        <p className="lgr-resume__error" role="alert">
          <span aria-hidden="true">✕ </span>
          Could not resume: {error}
        </p>
      )}
    </div>
  );
}

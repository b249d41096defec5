"use client";
import type { ReactNode } from "react";
import type { AnswerIssue } from "../AnswerResult";
import { Icon } from "../../icons/Icon";

/** What the control inside a field gets: its id, and the hint and error tied to it. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

export interface FieldShellProps {
  /** The control's id (the hint and error ids derive from it). */
  id: string;
  label: string;
  /** A line under the label (a schema's `description`). */
  hint?: string | undefined;
  /** Shown under the control, which is then marked invalid. */
  issue?: AnswerIssue | undefined;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
  /** A checkbox: the label after the control, on one line. */
  inline?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled form field: the label, a hint and an error tied to the control with
 * `aria-describedby`, and `aria-invalid` while there is an error.
 *
 * @example <FieldShell id={id} label="To" issue={issue}>{(control) => <input {...control} />}</FieldShell>
 */
export function FieldShell({
  id,
  label,
  hint,
  issue,
  optional = false,
  inline = false,
  children,
}: FieldShellProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : "", issue ? errorId : ""].filter(Boolean).join(" ");
  const control: FieldControlProps = { id };
  if (describedBy) control["aria-describedby"] = describedBy;
  if (issue) control["aria-invalid"] = true;
  const labelElement = (
    <label className="lgr-field__label" htmlFor={id}>
      {label}
      {optional && " "}
      {optional && <span className="lgr-field__optional">(optional)</span>}
    </label>
  );
  return (
    <div
      className="lgr-field"
      data-inline={inline ? "true" : undefined}
      data-invalid={issue ? "true" : "false"}
    >
      {inline ? (
        <span className="lgr-field__check">
          {children(control)}
          {labelElement}
        </span>
      ) : (
        labelElement
      )}
      {hint && (
        <p className="lgr-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {!inline && children(control)}
      {issue && (
        <p className="lgr-field__error" id={errorId}>
          <Icon name="alert" />
          {issue.message}
        </p>
      )}
    </div>
  );
}

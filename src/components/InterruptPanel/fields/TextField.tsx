"use client";
import type { AnswerIssue } from "../AnswerResult";
import { FieldShell } from "./FieldShell";

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** Shown under the field, which is then marked invalid. */
  issue?: AnswerIssue | undefined;
  hint?: string | undefined;
  optional?: boolean;
  /** Monospace, no spell checking: for JSON. */
  code?: boolean;
  /**
   * A text area of this many rows (default 3; JSON: as many as its text has, 3 to 12); 1 makes
   * a one-line input.
   */
  rows?: number;
  /** A number input (one line). */
  numeric?: boolean;
}

/**
 * A labelled text input or text area; an error gets `aria-invalid` and its message linked with
 * `aria-describedby`.
 *
 * @example <TextField id={id} label="Your answer" value={text} onChange={setText} issue={issue} />
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  issue,
  hint,
  optional,
  code = false,
  rows = code ? Math.min(12, Math.max(3, value.split("\n").length)) : 3,
  numeric = false,
}: TextFieldProps) {
  const className = code ? "lgr-field__input lgr-field__input--code" : "lgr-field__input";
  return (
    <FieldShell id={id} label={label} hint={hint} issue={issue} optional={optional}>
      {(control) =>
        numeric || rows === 1 ? (
          <input
            {...control}
            className={className}
            type={numeric ? "number" : "text"}
            step={numeric ? "any" : undefined}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <textarea
            {...control}
            className={className}
            value={value}
            rows={rows}
            spellCheck={code ? false : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FieldShell>
  );
}

"use client";
import type { AnswerIssue } from "../AnswerResult";
import { FieldShell } from "./FieldShell";

export interface SelectFieldProps {
  id: string;
  label: string;
  /** The chosen option's index as text, or "" for none. */
  value: string;
  options: readonly { label: string }[];
  onChange: (value: string) => void;
  issue?: AnswerIssue | undefined;
  hint?: string | undefined;
  optional?: boolean;
}

/**
 * A labelled select over a list of options (its values are their indexes), with a "None"
 * option while nothing is chosen or the field is optional.
 *
 * @example <SelectField id={id} label="Priority" value="0" options={[{ label: "low" }]} onChange={set} />
 */
export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  issue,
  hint,
  optional = false,
}: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} issue={issue} optional={optional}>
      {(control) => (
        <select
          {...control}
          className="lgr-field__input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {(optional || value === "") && <option value="">None</option>}
          {options.map((option, index) => (
            <option key={index} value={String(index)}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

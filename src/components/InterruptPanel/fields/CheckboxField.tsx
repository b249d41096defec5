"use client";
import { FieldShell } from "./FieldShell";

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string | undefined;
}

/**
 * A labelled checkbox, its label after it.
 *
 * @example <CheckboxField id={id} label="Urgent" checked={urgent} onChange={setUrgent} />
 */
export function CheckboxField({ id, label, checked, onChange, hint }: CheckboxFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} inline>
      {(control) => (
        <input
          {...control}
          className="lgr-field__checkbox"
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
      )}
    </FieldShell>
  );
}

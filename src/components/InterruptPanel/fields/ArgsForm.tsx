"use client";
import type { AnswerIssue } from "../AnswerResult";
import type { ArgsField, ArgsFieldValue } from "./readArgsForm";
import { CheckboxField } from "./CheckboxField";
import { ChoiceGroup } from "./ChoiceGroup";
import { SelectField } from "./SelectField";
import { TextField } from "./TextField";

export interface ArgsFormProps {
  /** Unique on the page: the fields' ids start with it. */
  idPrefix: string;
  fields: readonly ArgsField[];
  values: readonly (ArgsFieldValue | undefined)[];
  /** The issue of the field at each position, if any. */
  issueAt: (index: number) => AnswerIssue | undefined;
  onChange: (index: number, value: ArgsFieldValue) => void;
}

/** A few choices read best as chips; more of them as a select. */
const MAX_CHIPS = 4;

/**
 * The edit form built from an action's schema: a text or number input, a checkbox, chips or a
 * select, or JSON text (nested objects and arrays) per field, each with its error inline.
 *
 * @example <ArgsForm idPrefix={id} fields={action.fields} values={draft.values} issueAt={at} onChange={set} />
 */
export function ArgsForm({ idPrefix, fields, values, issueAt, onChange }: ArgsFormProps) {
  return (
    <div className="lgr-args-form">
      {fields.map((field, index) => {
        const id = `${idPrefix}-${index}`;
        const value = values[index];
        const text = typeof value === "string" ? value : "";
        const common = {
          id,
          label: field.label,
          hint: field.hint,
          issue: issueAt(index),
          optional: !field.required,
        };
        const set = (next: ArgsFieldValue) => onChange(index, next);
        switch (field.kind) {
          case "boolean":
            return (
              <CheckboxField
                key={id}
                id={id}
                label={field.label}
                hint={field.hint}
                checked={value === true}
                onChange={set}
              />
            );
          case "enum":
            return field.required && field.options.length <= MAX_CHIPS ? (
              <ChoiceGroup
                key={id}
                legend={field.label}
                name={id}
                value={text === "" ? undefined : text}
                options={field.options.map((option, at) => ({
                  value: String(at),
                  label: option.label,
                }))}
                onChange={set}
                issue={common.issue}
                compact
              />
            ) : (
              <SelectField
                key={id}
                {...common}
                value={text}
                options={field.options}
                onChange={set}
              />
            );
          case "number":
            return <TextField key={id} {...common} value={text} onChange={set} numeric />;
          case "text":
            return (
              <TextField
                key={id}
                {...common}
                value={text}
                onChange={set}
                rows={field.multiline ? 4 : 1}
              />
            );
          case "json":
            return (
              <TextField
                key={id}
                {...common}
                label={`${field.label} (JSON)`}
                value={text}
                onChange={set}
                code
              />
            );
        }
      })}
    </div>
  );
}

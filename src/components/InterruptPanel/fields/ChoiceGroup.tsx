"use client";
import type { AnswerIssue } from "../AnswerResult";
import { Icon, type IconName } from "../../icons/Icon";

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  /** Shown before the label, hidden from assistive technology. */
  icon?: IconName;
}

export interface ChoiceGroupProps<T extends string> {
  /** The group's accessible name (its `<legend>`). */
  legend: string;
  /** Keep the legend for assistive technology only (the choices speak for themselves). */
  hideLegend?: boolean;
  /** The radio group's `name` (unique on the page: one group per question). */
  name: string;
  value: T | undefined;
  options: readonly ChoiceOption<T>[];
  onChange: (value: T) => void;
  /** Smaller chips (a mode switch rather than a decision). */
  compact?: boolean;
  /** Shown under the choices and tied to the group. */
  issue?: AnswerIssue | undefined;
}

/**
 * A labelled group of radio buttons styled as chips: arrow keys move between them, the legend
 * names the group.
 *
 * @example
 * <ChoiceGroup legend="Answer as" name={id} value={mode} onChange={setMode}
 *   options={[{ value: "text", label: "Text" }, { value: "json", label: "JSON" }]} />
 */
export function ChoiceGroup<T extends string>({
  legend,
  hideLegend = false,
  name,
  value,
  options,
  onChange,
  compact = false,
  issue,
}: ChoiceGroupProps<T>) {
  const errorId = `${name}-error`;
  return (
    <fieldset
      className="lgr-choices"
      data-compact={compact ? "true" : "false"}
      aria-describedby={issue ? errorId : undefined}
    >
      <legend className={hideLegend ? "lgr-visually-hidden" : "lgr-choices__legend"}>
        {legend}
      </legend>
      <div className="lgr-choices__options">
        {options.map((option) => (
          <label className="lgr-choice" key={option.value} data-value={option.value}>
            <input
              type="radio"
              className="lgr-choice__input"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span className="lgr-choice__label">
              {option.icon && <Icon name={option.icon} />}
              {option.label}
            </span>
          </label>
        ))}
      </div>
      {issue && (
        <p className="lgr-field__error" id={errorId}>
          <Icon name="alert" />
          {issue.message}
        </p>
      )}
    </fieldset>
  );
}

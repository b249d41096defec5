"use client";
import { useId, type ElementType, type FormEvent, type ReactNode, type RefObject } from "react";
import { isPlainObject } from "../../client/isPlainObject";
import { issueFor, type AnswerIssue } from "./AnswerResult";
import type { AnswerMode } from "./buildValueAnswer";
import type { HitlDecisionType, InboxResponseType } from "./classifyInterrupt";
import { ResumeControls } from "./ResumeControls";
import {
  useInterruptPanel,
  type InterruptItem,
  type InterruptPanelState,
  type UseInterruptPanelOptions,
} from "./useInterruptPanel";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { stringifyForDisplay } from "../displayJson/stringifyForDisplay";

export interface InterruptPanelProps extends UseInterruptPanelOptions {
  className?: string;
  /** Level of the panel's heading (default 3); each interrupt's heading is one below. */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Shown when nothing is pending (default: the panel renders nothing). */
  emptyText?: ReactNode;
}

const DECISIONS: Record<HitlDecisionType, { label: string; icon: string }> = {
  approve: { label: "Approve", icon: "✓" },
  edit: { label: "Edit", icon: "✎" },
  reject: { label: "Reject", icon: "✕" },
};

const INBOX_CHOICES: Record<InboxResponseType, { label: string; icon: string }> = {
  accept: { label: "Accept", icon: "✓" },
  edit: { label: "Edit", icon: "✎" },
  response: { label: "Respond", icon: "✉" },
  ignore: { label: "Ignore", icon: "⊘" },
};

/**
 * Pending interrupts with a form for each: approve / edit / reject for a LangChain
 * human-in-the-loop request, accept / edit / respond / ignore for an agent-inbox interrupt,
 * "Continue" at a static breakpoint, and a text or JSON answer for any other value. Several
 * interrupts are answered together with one button. Payloads are shown as text only.
 *
 * @example
 * const stream = useRunStream({ assistantId: "agent" });
 * <InterruptPanel stream={stream} />
 * // or: <InterruptPanel interrupts={interrupts} onResume={(value) => stream.resume(value)} />
 */
export function InterruptPanel(props: InterruptPanelProps) {
  return (
    <ComponentErrorBoundary component="InterruptPanel">
      <InterruptPanelContent {...props} />
    </ComponentErrorBoundary>
  );
}

function InterruptPanelContent({
  className,
  headingLevel = 3,
  emptyText,
  ...options
}: InterruptPanelProps) {
  const panel = useInterruptPanel(options);
  const titleId = useId();
  const Heading = `h${headingLevel}` as ElementType;
  const classes = ["lgr-interrupts", className].filter(Boolean).join(" ");
  const state = panel.submitting
    ? "submitting"
    : panel.error
      ? "error"
      : panel.sent
        ? "sent"
        : "idle";

  if (!panel.pending && panel.resumed) {
    // The answer went through and nothing waits any more: a short note that keeps focus.
    return (
      <div
        className={["lgr-resume-note", className].filter(Boolean).join(" ")}
        data-state={panel.error ? "error" : "sent"}
        {...(panel.focusTargetProps as { ref: RefObject<HTMLDivElement | null>; tabIndex: -1 })}
      >
        {panel.error ? (
          <p className="lgr-resume__error" role="alert">
            <span aria-hidden="true">✕ </span>
            Could not resume: {panel.error}
          </p>
        ) : (
          <p className="lgr-resume__status" role="status">
            ✓ Answer sent.
          </p>
        )}
      </div>
    );
  }

  if (!panel.pending) {
    return emptyText === undefined || emptyText === null ? null : (
      <div className={classes} data-pending="false">
        <p className="lgr-interrupts__empty">{emptyText}</p>
      </div>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void panel.submit();
  };

  return (
    <form
      className={classes}
      aria-labelledby={titleId}
      data-pending="true"
      data-state={state}
      data-count={panel.items.length}
      data-breakpoint={panel.breakpoint ? "true" : "false"}
      onSubmit={onSubmit}
      noValidate
    >
      <Heading className="lgr-interrupts__title" id={titleId} {...panel.focusTargetProps}>
        <span className="lgr-interrupts__icon" aria-hidden="true">
          {panel.breakpoint ? <PauseIcon /> : "?"}
        </span>{" "}
        {panel.breakpoint
          ? "Paused at a breakpoint"
          : panel.items.length > 1
            ? `${panel.items.length} interrupts waiting for your answers`
            : "Waiting for your answer"}
      </Heading>
      {panel.breakpoint && (
        <p className="lgr-interrupts__note">
          The run stopped before or after a node. Continue it when ready.
        </p>
      )}
      {panel.items.map((item) => (
        <InterruptSection
          key={item.id}
          item={item}
          panel={panel}
          total={panel.items.length}
          headingLevel={Math.min(6, headingLevel + 1)}
        />
      ))}
      <ResumeControls
        label={panel.submitLabel}
        canSubmit={panel.canSubmit}
        submitting={panel.submitting}
        error={panel.error}
        sent={panel.sent}
        problems={panel.problems}
      />
    </form>
  );
}

function InterruptSection({
  item,
  panel,
  total,
  headingLevel,
}: {
  item: InterruptItem;
  panel: InterruptPanelState;
  total: number;
  headingLevel: number;
}) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as ElementType;
  const count = total > 1 ? `${item.position + 1} of ${total} · ` : "";
  return (
    <section
      className="lgr-interrupt"
      aria-labelledby={titleId}
      data-kind={item.kind}
      data-complete={item.issues.length === 0 ? "true" : "false"}
      data-interrupt-id={item.id}
    >
      <Heading className="lgr-interrupt__title" id={titleId}>
        {count}
        {titleOf(item)}
      </Heading>
      {item.kind === "hitl" && <HitlForm item={item} panel={panel} />}
      {item.kind === "inbox" && <InboxForm item={item} panel={panel} />}
      {item.kind === "value" && <ValueForm item={item} panel={panel} />}
    </section>
  );
}

function titleOf(item: InterruptItem): string {
  if (item.kind === "hitl") {
    const [first] = item.request.actions;
    return item.request.actions.length === 1 && first
      ? `Review ${first.name}`
      : `Review ${item.request.actions.length} actions`;
  }
  if (item.kind === "inbox") return `Review ${item.request.action}`;
  return questionOf(item.interrupt.value) === undefined ? "Input needed" : "Question";
}

/** The value as JSON, unless it is only a question (shown as text already). */
function showValueJson(value: unknown): boolean {
  if (typeof value === "string") return false;
  return !(
    isPlainObject(value) &&
    Object.keys(value).length === 1 &&
    typeof value.question === "string"
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" focusable="false" aria-hidden="true">
      <rect x="3" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
      <rect x="9.5" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
    </svg>
  );
}

function questionOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (isPlainObject(value) && typeof value.question === "string") return value.question;
  return undefined;
}

type Extract<K extends InterruptItem["kind"]> = Extract_<InterruptItem, { kind: K }>;
type Extract_<T, U> = T extends U ? T : never;

function HitlForm({ item, panel }: { item: Extract<"hitl">; panel: InterruptPanelState }) {
  const idPrefix = useId();
  return (
    <div className="lgr-hitl">
      {item.request.actions.map((action, index) => {
        const draft = item.drafts[index];
        const decision = draft?.decision;
        const argsIssue = issueFor(item.answer, `${index}.args`);
        return (
          <fieldset className="lgr-hitl__action" key={index} data-decision={decision ?? "none"}>
            <legend className="lgr-hitl__name">
              <span aria-hidden="true">⚙ </span>
              <code>{action.name}</code>
            </legend>
            {action.description && (
              <p className="lgr-interrupt__description">{action.description}</p>
            )}
            {decision !== "edit" && (
              <pre className="lgr-interrupt__json">{stringifyForDisplay(action.args, 2)}</pre>
            )}
            <ChoiceGroup
              legend={`Decision for ${action.name}`}
              name={`${idPrefix}-decision-${index}`}
              value={decision}
              options={action.allowedDecisions.map((type) => ({ value: type, ...DECISIONS[type] }))}
              onChange={(type) => panel.setHitlDecision(item.id, index, type)}
            />
            {decision === "edit" && (
              <TextField
                id={`${idPrefix}-args-${index}`}
                label={`Arguments of ${action.name} (JSON object)`}
                value={draft?.argsText ?? ""}
                onChange={(text) => panel.setHitlArgs(item.id, index, text)}
                issue={argsIssue}
                code
                rows={6}
              />
            )}
            {decision === "reject" && (
              <TextField
                id={`${idPrefix}-message-${index}`}
                label="Message to the model (optional)"
                value={draft?.message ?? ""}
                onChange={(text) => panel.setHitlMessage(item.id, index, text)}
                rows={2}
              />
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

function InboxForm({ item, panel }: { item: Extract<"inbox">; panel: InterruptPanelState }) {
  const idPrefix = useId();
  const { request, draft } = item;
  return (
    <div className="lgr-inbox">
      {request.description && <p className="lgr-interrupt__description">{request.description}</p>}
      <p className="lgr-inbox__action">
        Action: <code>{request.action}</code>
      </p>
      {draft.choice !== "edit" && (
        <pre className="lgr-interrupt__json">{stringifyForDisplay(request.args, 2)}</pre>
      )}
      {request.allowed.length === 0 ? (
        <p className="lgr-interrupt__note">This interrupt allows no answer.</p>
      ) : (
        <ChoiceGroup
          legend={`Answer to ${request.action}`}
          name={`${idPrefix}-choice`}
          value={draft.choice}
          options={request.allowed.map((type) => ({ value: type, ...INBOX_CHOICES[type] }))}
          onChange={(choice) => panel.setInboxChoice(item.id, choice)}
        />
      )}
      {draft.choice === "edit" && (
        <TextField
          id={`${idPrefix}-args`}
          label={`Arguments of ${request.action} (JSON object)`}
          value={draft.argsText}
          onChange={(text) => panel.setInboxArgs(item.id, text)}
          issue={issueFor(item.answer, "args")}
          code
          rows={6}
        />
      )}
      {draft.choice === "response" && (
        <TextField
          id={`${idPrefix}-response`}
          label="Your response"
          value={draft.response}
          onChange={(text) => panel.setInboxResponse(item.id, text)}
          rows={3}
        />
      )}
    </div>
  );
}

function ValueForm({ item, panel }: { item: Extract<"value">; panel: InterruptPanelState }) {
  const idPrefix = useId();
  const value = item.interrupt.value;
  const question = questionOf(value);
  const issue = issueFor(item.answer, "text");
  return (
    <div className="lgr-answer">
      {question !== undefined && <p className="lgr-interrupt__question">{question}</p>}
      {showValueJson(value) && (
        <pre className="lgr-interrupt__json">{stringifyForDisplay(value, 2)}</pre>
      )}
      <ChoiceGroup<AnswerMode>
        legend="Answer as"
        name={`${idPrefix}-mode`}
        value={item.draft.mode}
        options={[
          { value: "text", label: "Text", icon: "¶" },
          { value: "json", label: "JSON", icon: "{}" },
        ]}
        onChange={(mode) => panel.setAnswerMode(item.id, mode)}
        compact
      />
      <TextField
        id={`${idPrefix}-text`}
        label={item.draft.mode === "json" ? "Your answer (JSON)" : "Your answer"}
        value={item.draft.text}
        onChange={(text) => panel.setAnswerText(item.id, text)}
        issue={issue?.kind === "invalid" ? issue : undefined}
        code={item.draft.mode === "json"}
        rows={item.draft.mode === "json" ? 4 : 2}
      />
    </div>
  );
}

interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  icon: string;
}

function ChoiceGroup<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  compact = false,
}: {
  legend: string;
  name: string;
  value: T | undefined;
  options: readonly ChoiceOption<T>[];
  onChange: (value: T) => void;
  compact?: boolean;
}) {
  return (
    <fieldset className="lgr-choices" data-compact={compact ? "true" : "false"}>
      <legend className="lgr-choices__legend">{legend}</legend>
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
              <span className="lgr-choice__icon" aria-hidden="true">
                {option.icon}
              </span>
              {option.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TextField({
  id,
  label,
  value,
  onChange,
  issue,
  code = false,
  rows = 3,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  issue?: AnswerIssue;
  code?: boolean;
  rows?: number;
}) {
  const errorId = `${id}-error`;
  const invalid = issue?.kind === "invalid";
  return (
    <div className="lgr-field" data-invalid={invalid ? "true" : "false"}>
      <label className="lgr-field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className={code ? "lgr-field__input lgr-field__input--code" : "lgr-field__input"}
        value={value}
        rows={rows}
        spellCheck={code ? false : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {invalid && (
        <p className="lgr-field__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {issue.message}
        </p>
      )}
    </div>
  );
}

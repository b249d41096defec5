"use client";
import {
  Fragment,
  useId,
  type ElementType,
  type FormEvent,
  type HTMLAttributes,
  type ReactNode,
  type Ref,
} from "react";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { withClassName } from "../RootProps";
import { Icon } from "../icons/Icon";
import { InterruptItemSection } from "./InterruptItemSection";
import type { InterruptItem } from "./interruptKinds";
import { ResumeControls } from "./ResumeControls";
import { useInterruptPanel, type UseInterruptPanelOptions } from "./useInterruptPanel";
import { useMergedRef } from "./useMergedRef";

export interface InterruptPanelProps
  extends UseInterruptPanelOptions, Omit<HTMLAttributes<HTMLElement>, "children" | "onSubmit"> {
  /** Level of the panel's heading (default 3); each interrupt's heading is one below. */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Shown when nothing is pending (default: the panel renders nothing). */
  emptyText?: ReactNode;
  /**
   * Renders a pending interrupt yourself; call `defaultRender()` for the built-in section (for
   * example to wrap it). The parts (`InterruptItemSection`, `InterruptFields`) compose a section
   * of your own; `item.update` edits the answer.
   *
   * @example renderItem={(item, render) => (item.kind === "value" ? <MyQuestion item={item} /> : render())}
   */
  renderItem?: (item: InterruptItem, defaultRender: () => ReactNode) => ReactNode;
  /** The root element: the `<form>` while something is pending, else the note or empty text. */
  ref?: Ref<HTMLElement>;
}

/**
 * Pending interrupts with a form for each: approve / edit / reject for a LangChain
 * human-in-the-loop request (Approve sends at once; Edit is a form built from the action's
 * `args_schema`), accept / edit / respond / ignore for an agent-inbox interrupt, "Continue" at a
 * static breakpoint, and for any other value its `options` as choices or a text answer. Several
 * interrupts are answered together with one button (`run.resumeAll`). Once sent, a short note
 * records the decision ("Approved send_email") where the form was. Payloads are shown as text
 * only. The rest of the props go to the root element.
 *
 * @example
 * <RunScope run={chat}>
 *   <InterruptPanel />
 * </RunScope>
 * // or: <InterruptPanel run={chat} onResume={(answer) => console.log(answer)} />
 * // static: <InterruptPanel interrupts={interrupts} onResume={action("resume")} />
 */
export function InterruptPanel(props: InterruptPanelProps) {
  return (
    <ComponentErrorBoundary component="InterruptPanel">
      <InterruptPanelContent {...props} />
    </ComponentErrorBoundary>
  );
}

function InterruptPanelContent({
  run,
  interrupts,
  breakpoint,
  onResume,
  className,
  headingLevel = 3,
  emptyText,
  renderItem,
  ref,
  "aria-labelledby": labelledBy,
  ...rest
}: InterruptPanelProps) {
  const panel = useInterruptPanel({ run, interrupts, breakpoint, onResume });
  const titleId = useId();
  const noteRef = useMergedRef(ref, panel.focusTargetProps.ref);
  const Heading = `h${headingLevel}` as ElementType;
  const classes = withClassName("lgr-interrupts", className);
  const state = panel.submitting
    ? "submitting"
    : panel.error
      ? "error"
      : panel.sent
        ? "sent"
        : "idle";

  if (panel.answered) {
    // The answer went through: a short record of the decision where the form was, which keeps
    // focus (or the error, if nothing is pending any more).
    return (
      <div
        {...rest}
        aria-labelledby={labelledBy}
        ref={noteRef}
        tabIndex={-1}
        className={withClassName("lgr-resume-note", className)}
        data-state={panel.error ? "error" : "sent"}
      >
        {panel.error ? (
          <p className="lgr-resume__error" role="alert">
            <Icon name="alert" />
            Could not resume: {panel.error}
          </p>
        ) : (
          <DecisionNote decisions={panel.decisions} />
        )}
      </div>
    );
  }

  if (!panel.pending) {
    return emptyText === undefined || emptyText === null ? null : (
      <div
        {...rest}
        aria-labelledby={labelledBy}
        ref={ref as Ref<HTMLDivElement>}
        className={classes}
        data-pending="false"
      >
        <p className="lgr-interrupts__empty">{emptyText}</p>
      </div>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void panel.submit();
  };
  const total = panel.items.length;

  return (
    <form
      {...rest}
      ref={ref as Ref<HTMLFormElement>}
      className={classes}
      aria-labelledby={labelledBy ?? titleId}
      data-pending="true"
      data-state={state}
      aria-busy={panel.submitting || undefined}
      data-count={total}
      data-breakpoint={panel.breakpoint ? "true" : "false"}
      onSubmit={onSubmit}
      noValidate
    >
      <Heading className="lgr-interrupts__title" id={titleId} {...panel.focusTargetProps}>
        <Icon name={panel.breakpoint ? "pause" : "hand"} />
        {panel.breakpoint
          ? "Paused at a breakpoint"
          : total > 1
            ? `${total} interrupts waiting for your answers`
            : "Waiting for your answer"}
      </Heading>
      {panel.breakpoint && (
        <p className="lgr-interrupts__note">
          The run stopped before or after a node. Continue it when ready.
        </p>
      )}
      {panel.items.map((item) => {
        const defaultRender = () => (
          <InterruptItemSection
            item={item}
            total={total}
            headingLevel={(headingLevel + 1) as 3 | 4 | 5 | 6}
          />
        );
        return (
          <Fragment key={item.id}>
            {renderItem ? renderItem(item, defaultRender) : defaultRender()}
          </Fragment>
        );
      })}
      <ResumeControls
        label={panel.submitLabel}
        showSubmit={panel.showSubmit}
        canSubmit={panel.canSubmit}
        submitting={panel.submitting}
        error={panel.error}
        sent={panel.sent}
        problems={panel.problems}
      />
    </form>
  );
}

/**
 * "✓ Approved send_email": the record of an answer, one line per interrupt answered. "Answer
 * sent" leads it for assistive technology.
 */
function DecisionNote({ decisions }: { decisions: readonly string[] }) {
  const [first] = decisions;
  return (
    <div className="lgr-resume-note__text" role="status">
      <Icon name="check" />
      <span className="lgr-visually-hidden">Answer sent: </span>
      {decisions.length <= 1 ? (
        <span>{first ?? "Answer sent."}</span>
      ) : (
        <ul className="lgr-resume-note__list">
          {decisions.map((decision, index) => (
            <li key={index}>{decision}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

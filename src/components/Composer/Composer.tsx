"use client";
import { useId } from "react";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { withClassName, type RootProps } from "../RootProps";
import { useComposer, type ComposerState, type UseComposerOptions } from "./useComposer";

export type ComposerProps = RootProps<
  "form",
  UseComposerOptions & {
    /** The textarea's placeholder (default "Write a message…"). */
    placeholder?: string;
  }
>;

/**
 * A chat composer: a labelled textarea that grows with its text, Enter to send and Shift+Enter
 * for a new line (not while an IME composes), and one button that is Send, or Stop while the run
 * streams (`run.stop()`). When the thread is busy the message comes back with the multitask
 * choices (send when it finishes, queue, interrupt, roll back); a message that failed comes back
 * as the draft (unless something new was typed) with the error, announced, and Retry. Takes
 * `run` (default: the `<RunScope>`'s; needs a `RunsProvider`), or only `onSend` without one.
 * Styled by `.lgr-composer` in styles/composer.css. Other props (`id`, `aria-*`, `data-*`,
 * `style`, `ref`) go to the root `<form>`.
 *
 * @example
 * <RunScope run={chat}>
 *   <MessageStream followLatest />
 *   <Composer placeholder="Ask anything" submitOptions={{ multitaskStrategy: "enqueue" }} />
 * </RunScope>
 */
export function Composer(props: ComposerProps) {
  return (
    <ComponentErrorBoundary component="Composer">
      <ComposerContent {...props} />
    </ComponentErrorBoundary>
  );
}

function ComposerContent({
  className,
  placeholder = "Write a message…",
  run,
  toInput,
  submitOptions,
  value,
  onValueChange,
  defaultValue,
  onSend,
  strategies,
  labels,
  status,
  refusal,
  cancelling,
  stop,
  ...rest
}: ComposerProps) {
  const composer = useComposer({
    run,
    toInput,
    submitOptions,
    value,
    onValueChange,
    defaultValue,
    onSend,
    strategies,
    labels,
    status,
    refusal,
    cancelling,
    stop,
  });
  const inputId = useId();
  const hintId = useId();
  const text = composer.labels;
  return (
    <form
      {...rest}
      className={withClassName("lgr-composer", className)}
      data-state={composer.buttonState}
      {...composer.formProps}
    >
      {composer.refusal ? <BusyChoices composer={composer} /> : null}
      {composer.failure ? (
        <div className="lgr-composer__error" data-reason={composer.failure.reason}>
          <p className="lgr-composer__error-text" role="alert">
            <strong>
              {composer.failure.reason === "not-sent" ? text.notSent : text.runFailed}
            </strong>{" "}
            {composer.failure.message}
          </p>
          <button type="button" className="lgr-button" data-size="small" onClick={composer.retry}>
            {text.retry}
          </button>
        </div>
      ) : null}
      {/* Always there, so a screen reader hears the busy thread when it happens. */}
      <p className="lgr-visually-hidden" role="status">
        {composer.refusal ? (composer.refusal.waiting ? text.waiting : text.busy) : ""}
      </p>
      <div className="lgr-composer__row">
        <label className="lgr-visually-hidden" htmlFor={inputId}>
          {text.input}
        </label>
        <textarea
          id={inputId}
          className="lgr-composer__input"
          placeholder={placeholder}
          aria-describedby={hintId}
          {...composer.textareaProps}
        />
        <span id={hintId} className="lgr-visually-hidden">
          {text.hint}
        </span>
        <button className="lgr-button lgr-composer__button" {...composer.buttonProps}>
          {composer.buttonState === "send"
            ? text.send
            : composer.buttonState === "stop"
              ? text.stop
              : text.stopping}
        </button>
      </div>
    </form>
  );
}

/** The busy thread's notice: the choices, or the wait and a way out of it. */
function BusyChoices({ composer }: { composer: ComposerState }) {
  const { labels, refusal } = composer;
  const groupId = useId();
  return (
    <div className="lgr-composer__busy" data-waiting={refusal?.waiting ? "true" : "false"}>
      <p className="lgr-composer__busy-text">{refusal?.waiting ? labels.waiting : labels.busy}</p>
      {refusal?.waiting ? (
        <button type="button" className="lgr-button" data-size="small" onClick={composer.dismiss}>
          {labels.cancelWaiting}
        </button>
      ) : (
        <div className="lgr-composer__choices" role="group" aria-labelledby={groupId}>
          <span id={groupId} className="lgr-visually-hidden">
            {labels.choices}
          </span>
          {composer.strategies.map((strategy) => (
            <button
              key={strategy}
              type="button"
              className="lgr-button"
              data-size="small"
              data-strategy={strategy}
              onClick={() => composer.choose(strategy)}
            >
              {labels[strategy]}
            </button>
          ))}
          <button
            type="button"
            className="lgr-button"
            data-size="small"
            data-strategy="dismiss"
            onClick={composer.dismiss}
          >
            {labels.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}

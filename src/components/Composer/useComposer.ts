"use client";
import {
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from "react";
import type { RunsErrorKind } from "../../client/RunsClientError";
import { useRunHandle } from "../../hooks/RunScope";
import { RunsContext } from "../../hooks/RunsContext";
import { useLatestRef } from "../../hooks/useLatestRef";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";
import type { ResubmitStrategy, SubmitOptions } from "../../store/createRunController";
import type { AnyRunHandle } from "../../store/RunHandle";
import type { SessionStatus, SubmitRefusal } from "../../store/RunSession";
import { isActiveStatus } from "../../store/sessionReducers";
import { DEFAULT_COMPOSER_LABELS, type ComposerLabels } from "./composerLabels";

export interface UseComposerOptions {
  /** The run to send to (default: the `<RunScope>`'s). Without one, only `onSend` is called. */
  run?: AnyRunHandle | null;
  /**
   * Turns the text into the run's input (default `{ messages: [{ type: "human", content: text }] }`).
   *
   * @example toInput={(text) => ({ question: text })}
   */
  toInput?: (text: string) => unknown;
  /** Options of every submit (`multitaskStrategy`, `config`, `streamSubgraphs`, …). */
  submitOptions?: SubmitOptions;
  /** The draft, controlled (with `onValueChange`); else the composer keeps it. */
  value?: string;
  /** Every change of the draft: typing, sending (""), a failed message coming back. */
  onValueChange?: (text: string) => void;
  /** The first draft, uncontrolled. */
  defaultValue?: string;
  /** Called with every message sent (before the run gets it; the only effect without a run). */
  onSend?: (text: string) => void;
  /** The choices offered when the thread is busy, in order (default wait, enqueue, interrupt, rollback). */
  strategies?: readonly ResubmitStrategy[];
  labels?: Partial<ComposerLabels>;
  /** The run's status, controlled (static rendering): active statuses show Stop. */
  status?: SessionStatus;
  /** A busy thread's refusal, controlled (static rendering; null: none). */
  refusal?: SubmitRefusal | null;
  /** A stop is pending, controlled (static rendering). */
  cancelling?: boolean;
  /**
   * `false`: the button is always Send, and a message sent while the run is going meets the busy
   * thread's choices. For an app that stops the run with its own control (a `CancelRunButton`),
   * so the user sees one Stop (default true: Stop replaces Send while the run is active).
   *
   * @example <Composer stop={false} /> <CancelRunButton labels={{ cancel: "Stop" }} />
   */
  stop?: boolean;
}

/** Why the last message did not go through: never reached the thread, or its run failed. */
export interface ComposerFailure {
  /** The message, to send again (`retry`). */
  text: string;
  /** `not-sent`: the server never took it (it left the transcript); `run-failed`: its run failed. */
  reason: "not-sent" | "run-failed";
  kind: RunsErrorKind;
  message: string;
}

/** `send`: ready to send; `stop`: a run is going; `stopping`: its stop is pending. */
export type ComposerButtonState = "send" | "stop" | "stopping";

export interface ComposerState {
  /** The draft. */
  value: string;
  setValue: (text: string) => void;
  /** The run is starting, pending or running: the button stops it. */
  isRunning: boolean;
  /** There is something to send, somewhere to send it, and no message waiting for a busy run. */
  canSend: boolean;
  buttonState: ComposerButtonState;
  /** Sends `text` (default: the draft) and clears the draft. */
  send: (text?: string) => void;
  /** Stops the run (`run.stop()`). */
  stop: () => void;
  /** The thread was busy: the message came back as the draft; answer with `choose` or `dismiss`. */
  refusal: SubmitRefusal | null;
  strategies: readonly ResubmitStrategy[];
  /** Sends the refused message again with a multitask strategy (or after the busy run: `wait`). */
  choose: (strategy: ResubmitStrategy) => void;
  /** Forgets the refused (or waiting) message; the draft keeps it. */
  dismiss: () => void;
  /** The last message failed; it came back as the draft (unless something new was typed). */
  failure: ComposerFailure | null;
  /** Sends the failed message again. */
  retry: () => void;
  labels: ComposerLabels;
  /** Spread on the `<form>`. */
  formProps: { onSubmit: (event: FormEvent) => void };
  /** Spread on the `<textarea>` (give it an `id` and a label). */
  textareaProps: {
    ref: RefObject<HTMLTextAreaElement | null>;
    value: string;
    rows: number;
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  };
  /** Spread on the one button that sends or stops (it stays the same element, so focus stays). */
  buttonProps: {
    type: "submit" | "button";
    "aria-disabled"?: "true";
    "aria-busy"?: "true";
    "data-state": ComposerButtonState;
    onClick?: () => void;
  };
}

const DEFAULT_STRATEGIES: readonly ResubmitStrategy[] = [
  "wait",
  "enqueue",
  "interrupt",
  "rollback",
];

const humanMessage = (text: string) => ({ messages: [{ type: "human", content: text }] });

// useLayoutEffect warns during server rendering; effects never run there anyway.
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * The behaviour of a chat composer, for your own markup: the draft (controlled or not), Enter
 * to send and Shift+Enter for a new line (not while an IME composes), one button that sends or
 * stops the run, the multitask choices when the thread is busy, and the draft kept on failure: a
 * refused or failed message comes back as the draft (unless something new was typed), with
 * `retry`. While a message waits for a busy run (the `wait` choice) no other is sent: a new
 * submit would drop it. The textarea grows with its text. Needs a `RunsProvider` when given a run.
 *
 * @example
 * const composer = useComposer({ run: chat });
 * <form {...composer.formProps}>
 *   <textarea aria-label="Message" {...composer.textareaProps} />
 *   <button {...composer.buttonProps}>{composer.isRunning ? "Stop" : "Send"}</button>
 * </form>
 */
export function useComposer(options: UseComposerOptions = {}): ComposerState {
  const run = useRunHandle(options.run) as AnyRunHandle | undefined;
  const store = useContext(RunsContext)?.store;
  const sessionStatus = useOptionalRunSession(options.status === undefined ? run : null, (s) =>
    s ? s.status : undefined,
  );
  const sessionRefusal = useOptionalRunSession(options.refusal === undefined ? run : null, (s) =>
    s ? s.refusal : undefined,
  );
  const sessionCancelling = useOptionalRunSession(
    options.cancelling === undefined ? run : null,
    (s) => s?.cancelling,
  );
  const status = options.status ?? sessionStatus ?? "idle";
  const refusal = options.refusal !== undefined ? options.refusal : (sessionRefusal ?? null);
  const cancelling = options.cancelling ?? sessionCancelling ?? false;
  const isRunning = isActiveStatus(status);

  const [ownValue, setOwnValue] = useState(options.defaultValue ?? "");
  const controlled = options.value !== undefined;
  const value = options.value ?? ownValue;
  const [failure, setFailure] = useState<(ComposerFailure & { runId: string }) | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const attempts = useRef(0);
  /** The text of the message the busy thread refused last (to clear it from the draft once chosen). */
  const refusedText = useRef<string | null>(null);

  const latest = useLatestRef({
    value,
    controlled,
    run,
    store,
    waiting: refusal?.waiting === true,
    onValueChange: options.onValueChange,
    onSend: options.onSend,
    toInput: options.toInput ?? humanMessage,
    submitOptions: options.submitOptions,
  });

  const setValue = useCallback(
    (text: string) => {
      if (!latest.current.controlled) setOwnValue(text);
      latest.current.onValueChange?.(text);
    },
    [latest],
  );

  /** Puts a message back as the draft, unless the user typed something new meanwhile. */
  const restore = useCallback(
    (text: string) => {
      // The draft as last rendered: every keystroke has rendered by the time a submit ends.
      if (latest.current.value === "") setValue(text);
    },
    [latest, setValue],
  );

  /** Reads how a submit (or resubmit) of `text` ended, once it has, and acts on it. */
  const settle = useCallback(
    (attempt: number, text: string, target: AnyRunHandle) => {
      if (attempts.current !== attempt) return;
      const session = latest.current.store?.getSession(target.id);
      if (!session) return;
      if (session.refusal && !session.refusal.waiting) {
        refusedText.current = text;
        restore(text);
        return;
      }
      if (session.status !== "error" || !session.error || session.error.kind === "aborted") return;
      restore(text);
      setFailure({
        text,
        // Refused before it had a run id: the server never took the message.
        reason: session.runId === null ? "not-sent" : "run-failed",
        kind: session.error.kind,
        message: session.error.message,
        runId: target.id,
      });
    },
    [latest, restore],
  );

  const send = useCallback(
    (text?: string) => {
      const current = latest.current;
      const message = text ?? current.value;
      if (message.trim() === "") return;
      if (!current.run && !current.onSend) return;
      // A new submit would drop the message waiting for the busy run: "Don't send" it first.
      if (current.waiting) return;
      attempts.current += 1;
      const attempt = attempts.current;
      setFailure(null);
      refusedText.current = null;
      if (message === current.value) setValue("");
      current.onSend?.(message);
      const target = current.run;
      if (!target) return;
      // The handle's input type is the app's; the composer's input is what `toInput` makes.
      void target
        .submit(current.toInput(message) as never, current.submitOptions)
        .then(() => settle(attempt, message, target));
    },
    [latest, setValue, settle],
  );

  const choose = useCallback(
    (strategy: ResubmitStrategy) => {
      const target = latest.current.run;
      if (!target) return;
      attempts.current += 1;
      const attempt = attempts.current;
      const text = refusedText.current;
      // The message goes (or waits) now: it leaves the draft, unless the user changed it.
      if (text !== null && latest.current.value === text) setValue("");
      void target.resubmit(strategy).then(() => {
        // "wait" resolves at once: the message goes later, when the busy run ends.
        if (strategy !== "wait" && text !== null) settle(attempt, text, target);
      });
      textareaRef.current?.focus();
    },
    [latest, setValue, settle],
  );

  const dismiss = useCallback(() => {
    const text = refusedText.current;
    const waiting = latest.current.waiting;
    latest.current.run?.dismissRefusal();
    // A waiting message was taken out of the draft: it comes back (a refused one is there).
    if (waiting && text !== null) restore(text);
    refusedText.current = null;
    textareaRef.current?.focus();
  }, [latest, restore]);

  const retry = useCallback(() => {
    if (failure) send(failure.text);
    textareaRef.current?.focus();
  }, [failure, send]);

  const stop = useCallback(() => {
    void latest.current.run?.stop();
  }, [latest]);

  useIsomorphicLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (textarea) fitToContent(textarea);
  }, [value]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key !== "Enter" || event.shiftKey || event.altKey) return;
      // An IME uses Enter to accept its text (Safari reports that keydown as keyCode 229).
      if (event.nativeEvent.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      send();
    },
    [send],
  );

  const labels = { ...DEFAULT_COMPOSER_LABELS, ...options.labels };

  const canSend =
    value.trim() !== "" &&
    (run !== undefined || options.onSend !== undefined) &&
    refusal?.waiting !== true;
  const buttonState: ComposerButtonState =
    !isRunning || options.stop === false ? "send" : cancelling ? "stopping" : "stop";
  const shownFailure = failure !== null && failure.runId === (run?.id ?? failure.runId);

  return {
    value,
    setValue,
    isRunning,
    canSend,
    buttonState,
    send,
    stop,
    refusal,
    strategies: options.strategies ?? DEFAULT_STRATEGIES,
    choose,
    dismiss,
    failure: shownFailure ? failure : null,
    retry,
    labels,
    formProps: {
      onSubmit: (event: FormEvent) => {
        event.preventDefault();
        send();
      },
    },
    textareaProps: {
      ref: textareaRef,
      value,
      rows: 1,
      onChange: (event: ChangeEvent<HTMLTextAreaElement>) => setValue(event.target.value),
      onKeyDown,
    },
    buttonProps:
      buttonState === "send"
        ? {
            type: "submit",
            // Focusable when there is nothing to send: the button a keyboard user pressed to stop
            // the run keeps focus once it turns back into Send.
            ...(canSend ? {} : { "aria-disabled": "true" as const }),
            "data-state": "send",
          }
        : {
            type: "button",
            ...(buttonState === "stopping"
              ? { "aria-disabled": "true" as const, "aria-busy": "true" as const }
              : {}),
            "data-state": buttonState,
            onClick: buttonState === "stop" ? stop : undefined,
          },
  };
}

/** Sizes a textarea to its text (CSS `max-height` caps it; then it scrolls). */
function fitToContent(textarea: HTMLTextAreaElement): void {
  textarea.style.height = "auto";
  const style = getComputedStyle(textarea);
  const px = (value: string) => Number.parseFloat(value) || 0;
  // scrollHeight counts the padding but not the border; `height` means what box-sizing says.
  const extra =
    style.boxSizing === "border-box"
      ? px(style.borderTopWidth) + px(style.borderBottomWidth)
      : -(px(style.paddingTop) + px(style.paddingBottom));
  textarea.style.height = `${textarea.scrollHeight + extra}px`;
}

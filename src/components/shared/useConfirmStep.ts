"use client";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from "react";
import { useLatestRef } from "../../hooks/useLatestRef";

export interface ConfirmStepOptions {
  /** Runs when the step is confirmed. */
  onConfirm: () => void;
  /**
   * Where focus goes once the step is confirmed: back to the trigger (default), or nowhere, when
   * `onConfirm` moves it itself (a deleted row that leaves, say).
   */
  focusAfterConfirm?: "trigger" | "none";
}

export interface ConfirmStep {
  confirming: boolean;
  /** Opens the step; focus moves to its safe choice ("keep"). */
  open: () => void;
  /** Closes the step without acting; focus returns to the button that opened it. */
  dismiss: () => void;
  /** Closes the step and acts. */
  confirm: () => void;
  /** Spread on the button that opens the step. */
  triggerProps: { ref: RefObject<HTMLButtonElement | null>; onClick: () => void };
  /** Spread on the step's "keep" button (focused when the step opens). */
  keepProps: { ref: RefObject<HTMLButtonElement | null>; onClick: () => void };
  /** Spread on the step's "yes" button. */
  confirmProps: { onClick: () => void };
  /** On the step's container: Escape dismisses. */
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * An inline "are you sure?" step for a destructive action, keyboard first: opening it focuses the
 * safe choice, Escape or "keep" returns focus to the trigger, confirming runs `onConfirm`. The
 * trigger and the step take turns in the markup, so focus is moved by hand each time.
 *
 * @example
 * const step = useConfirmStep({ onConfirm: () => onDeleteRun(run), focusAfterConfirm: "none" });
 * step.confirming ? <span onKeyDown={step.onKeyDown}>…</span> : <button {...step.triggerProps}>Delete</button>
 */
export function useConfirmStep(options: ConfirmStepOptions): ConfirmStep {
  const latest = useLatestRef(options);
  const [confirming, setConfirming] = useState(false);
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const keepRef = useRef<HTMLButtonElement | null>(null);
  const focusAfter = useRef<"trigger" | "keep" | null>(null);

  useEffect(() => {
    const where = focusAfter.current;
    if (!where) return;
    focusAfter.current = null;
    (where === "keep" ? keepRef : triggerRef).current?.focus();
  }, [confirming]);

  const open = useCallback(() => {
    focusAfter.current = "keep";
    setConfirming(true);
  }, []);
  const dismiss = useCallback(() => {
    focusAfter.current = "trigger";
    setConfirming(false);
  }, []);
  const confirm = useCallback(() => {
    const { onConfirm, focusAfterConfirm = "trigger" } = latest.current;
    focusAfter.current = focusAfterConfirm === "trigger" ? "trigger" : null;
    setConfirming(false);
    onConfirm();
  }, [latest]);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      dismiss();
    },
    [dismiss],
  );
  return {
    confirming,
    open,
    dismiss,
    confirm,
    triggerProps: { ref: triggerRef, onClick: open },
    keepProps: { ref: keepRef, onClick: dismiss },
    confirmProps: { onClick: confirm },
    onKeyDown,
  };
}

"use client";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from "react";

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
 * safe choice, Escape or "keep" returns focus to the trigger, confirming runs `action`.
 *
 * @example
 * const step = useConfirmStep(() => onDeleteRun(run));
 * step.confirming ? <span onKeyDown={step.onKeyDown}>…</span> : <button {...step.triggerProps}>Delete</button>
 */
export function useConfirmStep(action: () => void): ConfirmStep {
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
    setConfirming(false);
    action();
  }, [action]);
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

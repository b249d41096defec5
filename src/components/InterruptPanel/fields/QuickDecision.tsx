"use client";
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { Icon, type IconName } from "../../icons/Icon";

/** One decision button of an interrupt that is answered on its own. */
export interface QuickAction<T extends string> {
  value: T;
  label: string;
  icon: IconName;
  /**
   * The label of the button that sends the form this action opens ("Send edits"); without it,
   * a click sends at once.
   */
  confirmLabel?: string;
  /** The main action (filled), or a destructive one (its confirm in red). */
  tone?: "primary" | "danger";
}

export interface QuickDecisionProps<T extends string> {
  /** The group's accessible name ("Decision for send_email"). */
  label: string;
  actions: readonly QuickAction<T>[];
  /** The chosen action whose form is open, if any. */
  open: T | undefined;
  /** An action without a form: send it now. */
  onSend: (value: T) => void;
  /** An action with a form: open it. */
  onOpen: (value: T) => void;
  /** Sends the open form. */
  onConfirm: () => void;
  /** Closes the open form (Cancel, Escape). */
  onCancel: () => void;
  /** The open form is complete. */
  canConfirm: boolean;
  /** The open form's fields. */
  children?: ReactNode;
}

type FocusTarget<T> = { to: "form" } | { to: "button"; value: T };

/**
 * The decisions of an interrupt answered on its own, as buttons: the primary one (Approve,
 * Accept) sends at once; the others (Edit, Reject, Respond) open their form, which has its own
 * send button and Cancel. Opening a form focuses its first field; Cancel or Escape closes it and
 * focuses the button that opened it.
 *
 * @example
 * <QuickDecision label="Decision for send_email" actions={actions} open={draft.decision}
 *   onSend={approve} onOpen={choose} onConfirm={send} onCancel={close} canConfirm={ok}>{fields}</QuickDecision>
 */
export function QuickDecision<T extends string>({
  label,
  actions,
  open,
  onSend,
  onOpen,
  onConfirm,
  onCancel,
  canConfirm,
  children,
}: QuickDecisionProps<T>) {
  const formRef = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const focusNext = useRef<FocusTarget<T> | null>(null);
  const opened = actions.find((action) => action.value === open && action.confirmLabel);

  // The buttons and the form take turns in the markup: focus follows by hand.
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target?.to === "form") {
      formRef.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
    } else if (target?.to === "button") {
      buttons.current.get(target.value)?.focus();
    }
  }, [open]);

  if (opened) {
    const cancel = () => {
      focusNext.current = { to: "button", value: opened.value };
      onCancel();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      cancel();
    };
    return (
      <div className="lgr-decision" data-open={opened.value} ref={formRef} onKeyDown={onKeyDown}>
        {children}
        <div className="lgr-actions">
          {/* A submit button, so Enter in a field sends too; the click does the sending. */}
          <button
            type="submit"
            className="lgr-button"
            data-variant={opened.tone === "danger" ? "danger" : "primary"}
            disabled={!canConfirm}
            onClick={(event) => {
              event.preventDefault();
              onConfirm();
            }}
          >
            <Icon name={opened.icon} />
            {opened.confirmLabel}
          </button>
          <button type="button" className="lgr-button" onClick={cancel}>
            Cancel
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="lgr-actions" role="group" aria-label={label}>
      {actions.map((action) => (
        <button
          key={action.value}
          type="button"
          className="lgr-button"
          data-variant={action.tone === "primary" ? "primary" : undefined}
          ref={(button) => {
            if (button) buttons.current.set(action.value, button);
            else buttons.current.delete(action.value);
          }}
          onClick={() => {
            if (action.confirmLabel) {
              focusNext.current = { to: "form" };
              onOpen(action.value);
            } else {
              onSend(action.value);
            }
          }}
        >
          <Icon name={action.icon} />
          {action.label}
        </button>
      ))}
    </div>
  );
}

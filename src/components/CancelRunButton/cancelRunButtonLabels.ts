import type { CancelAction } from "../../client/types";

/** Texts of the button; `{action}`-free, override any of them. */
export interface CancelRunButtonLabels {
  cancel: string;
  cancelling: string;
  cancelled: string;
  /** The question of the confirm step. */
  prompt: string;
  confirm: string;
  dismiss: string;
  /** Prefix of the error message. */
  failed: string;
}

/**
 * The button's default texts for an action (a rollback says so: it deletes the run).
 *
 * @example cancelRunButtonLabels("rollback").cancel // "Cancel and roll back"
 */
export function cancelRunButtonLabels(action: CancelAction): CancelRunButtonLabels {
  return action === "rollback"
    ? {
        cancel: "Cancel and roll back",
        cancelling: "Cancelling…",
        cancelled: "Rolled back",
        prompt: "Cancel this run and delete it?",
        confirm: "Yes, roll back",
        dismiss: "Keep running",
        failed: "Could not cancel the run:",
      }
    : {
        cancel: "Cancel run",
        cancelling: "Cancelling…",
        cancelled: "Cancelled",
        prompt: "Cancel this run?",
        confirm: "Yes, cancel",
        dismiss: "Keep running",
        failed: "Could not cancel the run:",
      };
}

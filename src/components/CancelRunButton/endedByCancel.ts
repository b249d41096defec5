import type { CancelAction } from "../../client/types";
import type { SessionStatus } from "../../store/RunSession";

/**
 * Whether a run's final status is what a cancel leads to: `interrupted`; after a rollback also
 * `error` (the JS server aborts a running run it is asked to roll back, and it ends `error`).
 *
 * @example endedByCancel("error", "rollback") // true
 */
export function endedByCancel(status: SessionStatus, action: CancelAction): boolean {
  return status === "interrupted" || (action === "rollback" && status === "error");
}

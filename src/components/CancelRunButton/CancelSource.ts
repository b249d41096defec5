import type { RunsClientError } from "../../client/RunsClientError";
import type { CancelAction, Run } from "../../client/types";
import type { SessionStatus } from "../../store/RunSession";

/** What a cancel by this button led to: the final run, or null (a handle's stop, or deleted). */
export interface CancelOutcome {
  run: Run | null;
}

/**
 * One way to cancel a run, as the button sees it: `useCancelByHandle` (a run handle's `stop()`)
 * or `useCancelByIds` (`useCancelRun` by thread and run id).
 */
export interface CancelSource {
  /** The run's status as far as the source knows (undefined: not known yet). */
  runStatus: SessionStatus | undefined;
  /** There is a run going that a cancel would stop. */
  active: boolean;
  /** A cancel of the run waits for the server: this button's, or anyone's. */
  cancelling: boolean;
  /**
   * This button's cancel ended the run. The same object until the next cancel, so the outcome
   * is reported once.
   */
  cancelled: CancelOutcome | null;
  /** This button's cancel failed, or the server refused it. The same object until the next cancel. */
  error: RunsClientError | null;
  /** Sends the cancel. */
  cancel: (action: CancelAction) => void;
}

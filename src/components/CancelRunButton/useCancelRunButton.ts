"use client";
import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from "react";
import type { RunsClientError } from "../../client/RunsClientError";
import type { CancelAction, Run } from "../../client/types";
import { useRunHandle } from "../../hooks/RunScope";
import { useLatestRef } from "../../hooks/useLatestRef";
import type { AnyRunHandle } from "../../store/RunHandle";
import type { SessionStatus } from "../../store/RunSession";
import { useConfirmStep } from "../shared/useConfirmStep";
import { cancelRunButtonLabels, type CancelRunButtonLabels } from "./cancelRunButtonLabels";
import type { CancelOutcome, CancelSource } from "./CancelSource";
import { useCancelByHandle } from "./useCancelByHandle";
import { useCancelByIds } from "./useCancelByIds";

export type { CancelRunButtonLabels } from "./cancelRunButtonLabels";

interface CommonOptions {
  /** `interrupt` (default) stops the run and keeps its checkpoints; `rollback` also deletes them. */
  action?: CancelAction;
  /** Ask first, with an inline confirm step (no `window.confirm`). */
  confirm?: boolean;
  labels?: Partial<CancelRunButtonLabels>;
  /** Called once the server confirmed: the final run (by ids), or null (a handle's stop, or deleted by a rollback). */
  onCancelled?: (run: Run | null) => void;
  /** Called once per failed or refused cancel. */
  onError?: (error: RunsClientError) => void;
}

/**
 * Cancel the run a handle follows (`run.stop()`): the `run` prop, else the `<RunScope>`'s. Works
 * with `useRunStream` and with `useRunController`, whose handle carries no state: the button
 * reads the run's session from the store.
 */
export interface CancelByHandleOptions extends CommonOptions {
  run?: AnyRunHandle | null;
  threadId?: undefined;
  runId?: undefined;
  status?: undefined;
  cancelling?: undefined;
}

/**
 * Cancel any run by ids, through `useCancelRun()` (waits for the server's final status). Without
 * `status` the run is fetched (and polled while active) to know whether it can be cancelled.
 */
export interface CancelByIdOptions extends CommonOptions {
  run?: undefined;
  threadId: string | null | undefined;
  runId: string | null | undefined;
  /** The run's status, when you have it (a data prop: no fetch). */
  status?: SessionStatus;
  /**
   * Whether a cancel of the run is pending, when you track it (a data prop, for static
   * rendering); else every `useCancelRun` of these ids counts.
   */
  cancelling?: boolean;
}

export type UseCancelRunButtonOptions = CancelByHandleOptions | CancelByIdOptions;

/** `ready`: can cancel; `inactive`: nothing to cancel; `cancelled`: the server confirmed. */
export type CancelButtonPhase = "ready" | "confirming" | "cancelling" | "cancelled" | "inactive";

export interface CancelRunButtonState {
  phase: CancelButtonPhase;
  action: CancelAction;
  /** The run's status as far as the button knows (the session's, the prop, or the fetched run's). */
  runStatus: SessionStatus | undefined;
  label: string;
  labels: CancelRunButtonLabels;
  error: RunsClientError | null;
  /** Click of the main button: opens the confirm step, or cancels. */
  request: () => void;
  /** Confirms (in the confirm step). */
  confirmCancel: () => void;
  /** Leaves the confirm step; focus returns to the main button. */
  dismiss: () => void;
  /** Spread on the main `<button>`. */
  buttonProps: {
    ref: RefObject<HTMLButtonElement | null>;
    type: "button";
    disabled: boolean;
    "aria-disabled"?: "true";
    "aria-busy"?: "true";
    "data-state": CancelButtonPhase;
    onClick: () => void;
  };
  /** Spread on the confirm step's container (handles Escape). */
  confirmGroupProps: {
    role: "group";
    onKeyDown: (event: KeyboardEvent) => void;
  };
  /** Spread on the confirm step's "yes" button. */
  confirmButtonProps: { type: "button"; onClick: () => void };
  /** Spread on the confirm step's "keep" button (the safe choice, focused when the step opens). */
  dismissButtonProps: {
    ref: RefObject<HTMLButtonElement | null>;
    type: "button";
    onClick: () => void;
  };
  /** A short sentence for a polite live region ("Cancelling the run…", "Run cancelled."). */
  announcement: string;
}

/**
 * The behaviour of a cancel button, for your own markup. The cancel goes through one of two
 * sources:
 * - a run handle (`run`, default the `<RunScope>`'s): `run.stop({ action })`, pending while the
 *   session says `cancelling`;
 * - ids (`threadId`, `runId`, optional `status`): `useCancelRun()`, pending until the server
 *   reports a final status (shared with other components through `useIsCancelling`).
 * Needs a `RunsProvider`.
 *
 * @example
 * const cancel = useCancelRunButton({ run: chat, confirm: true });
 * <button {...cancel.buttonProps}>{cancel.label}</button>
 */
export function useCancelRunButton(options: UseCancelRunButtonOptions = {}): CancelRunButtonState {
  const { action = "interrupt", confirm = false } = options;
  const labels = { ...cancelRunButtonLabels(action), ...options.labels };
  const byIds =
    options.run == null && (options.threadId !== undefined || options.runId !== undefined);
  const scoped = useRunHandle(options.run);
  const byHandle = useCancelByHandle(byIds ? undefined : scoped);
  const byIdsSource = useCancelByIds(
    {
      threadId: options.threadId,
      runId: options.runId,
      status: options.status,
      cancelling: options.cancelling,
    },
    { enabled: byIds },
  );
  const source: CancelSource = byIds ? byIdsSource : byHandle;

  const { cancel: sendCancel } = source;
  const cancel = useCallback(() => sendCancel(action), [sendCancel, action]);
  const step = useConfirmStep({ onConfirm: cancel });

  let phase: CancelButtonPhase;
  if (source.cancelling) phase = "cancelling";
  else if (source.cancelled) phase = "cancelled";
  else if (!source.active) phase = "inactive";
  else if (step.confirming) phase = "confirming";
  else phase = "ready";

  // A step left open while the run ended (or someone else cancelled it) closes.
  const { confirming, dismiss } = step;
  useEffect(() => {
    if (confirming && phase !== "confirming") dismiss();
  }, [confirming, phase, dismiss]);

  const { open } = step;
  const onRequest = useCallback(() => {
    if (phase !== "ready") return;
    if (confirm) open();
    else cancel();
  }, [phase, confirm, open, cancel]);

  const error = source.error;
  const latest = useLatestRef(options);
  useReportOnce({ outcome: source.cancelled, shown: phase === "cancelled", error }, latest);

  const waiting = phase === "cancelling";
  const label =
    phase === "cancelling"
      ? labels.cancelling
      : phase === "cancelled"
        ? labels.cancelled
        : labels.cancel;

  return {
    phase,
    action,
    runStatus: source.runStatus,
    label,
    labels,
    error,
    request: onRequest,
    confirmCancel: step.confirm,
    dismiss: step.dismiss,
    buttonProps: {
      ref: step.triggerProps.ref,
      type: "button",
      // Waiting and cancelled stay focusable (aria-disabled): the button a keyboard user
      // pressed keeps focus until the run has ended, instead of dropping it to the page body.
      disabled: phase === "inactive",
      ...(waiting ? { "aria-disabled": "true" as const, "aria-busy": "true" as const } : {}),
      ...(phase === "cancelled" ? { "aria-disabled": "true" as const } : {}),
      "data-state": phase,
      onClick: onRequest,
    },
    confirmGroupProps: { role: "group", onKeyDown: step.onKeyDown },
    confirmButtonProps: { type: "button", onClick: step.confirm },
    dismissButtonProps: { type: "button", ...step.keepProps },
    announcement: waiting
      ? "Cancelling the run…"
      : phase === "cancelled"
        ? `${labels.cancelled}.`
        : error
          ? `${labels.failed} ${error.message}`
          : "",
  };
}

/** Tells `onCancelled` once per outcome (when the button shows it) and `onError` once per error. */
function useReportOnce(
  {
    outcome,
    shown,
    error,
  }: { outcome: CancelOutcome | null; shown: boolean; error: RunsClientError | null },
  latest: RefObject<UseCancelRunButtonOptions>,
): void {
  const reported = useRef<CancelOutcome | null>(null);
  useEffect(() => {
    if (!shown || !outcome || reported.current === outcome) return;
    reported.current = outcome;
    latest.current.onCancelled?.(outcome.run);
  }, [shown, outcome, latest]);
  const reportedError = useRef<RunsClientError | null>(null);
  useEffect(() => {
    if (!error || reportedError.current === error) return;
    reportedError.current = error;
    latest.current.onError?.(error);
  }, [error, latest]);
}

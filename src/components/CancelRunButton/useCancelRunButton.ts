"use client";
import { useQuery } from "@tanstack/react-query";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from "react";
import type { CancelAction, Run } from "../../client/types";
import { useCancelRun, useIsCancelling, useRunsClient } from "../../hooks";
import { useLatestRef } from "../../hooks/useLatestRef";
import { runQueryOptions } from "../../query/runQueryOptions";
import type { SessionStatus } from "../../store/RunSession";
import { isActiveStatus } from "../../store/sessionReducers";

/** The part of `useRunStream()`'s result the button needs. */
export interface CancellableStream {
  stop: (options?: { action?: CancelAction }) => Promise<void>;
  /** A cancel was requested and the run has not ended yet. */
  cancelling: boolean;
  isRunning: boolean;
  status: SessionStatus;
  /**
   * The run the stream follows. A stop belongs to the run it targeted: once the stream follows
   * another run, the button is ready again and says nothing about the earlier stop.
   */
  runId?: string | null;
  /** The stream's error: shown when the server refused the cancel. */
  error?: { message: string } | null;
}

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

interface CommonOptions {
  /** `interrupt` (default) stops the run and keeps its checkpoints; `rollback` also deletes them. */
  action?: CancelAction;
  /** Ask first, with an inline confirm step (no `window.confirm`). */
  confirm?: boolean;
  labels?: Partial<CancelRunButtonLabels>;
  /** Called once the server confirmed: the final run (by ids), or null (stream mode, or deleted by a rollback). */
  onCancelled?: (run: Run | null) => void;
  onError?: (error: Error) => void;
}

/** Cancel a run streamed by `useRunStream`: `stream.stop()`, pending while `stream.cancelling`. */
export interface CancelStreamOptions extends CommonOptions {
  stream: CancellableStream;
  threadId?: undefined;
  runId?: undefined;
  status?: undefined;
}

/**
 * Cancel any run by ids, through `useCancelRun()` (waits for the server's final status). Without
 * `status` the run is fetched (and polled while active) to know whether it can be cancelled.
 */
export interface CancelByIdOptions extends CommonOptions {
  stream?: undefined;
  threadId: string | null | undefined;
  runId: string | null | undefined;
  status?: SessionStatus;
}

export type UseCancelRunButtonOptions = CancelStreamOptions | CancelByIdOptions;

/** `ready`: can cancel; `inactive`: nothing to cancel; `cancelled`: the server confirmed. */
export type CancelButtonPhase = "ready" | "confirming" | "cancelling" | "cancelled" | "inactive";

export interface CancelRunButtonState {
  phase: CancelButtonPhase;
  action: CancelAction;
  /** The run's status as far as the button knows (the stream's, the prop, or the fetched run's). */
  runStatus: SessionStatus | undefined;
  label: string;
  labels: CancelRunButtonLabels;
  error: Error | null;
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
  /** Spread on the confirm step's "yes" button (focused when the step opens). */
  confirmButtonProps: {
    ref: RefObject<HTMLButtonElement | null>;
    type: "button";
    onClick: () => void;
  };
  dismissButtonProps: { type: "button"; onClick: () => void };
  /** A short sentence for a polite live region ("Cancelling the run…", "Run cancelled."). */
  announcement: string;
}

interface OwnRequest {
  /** `threadId:runId` (ids mode), or `stream:<runId>` (stream mode, the run followed at the click). */
  target: string;
  /** sent: waiting; answered: `stop()` returned (stream) or the final run is known (ids). */
  state: "sent" | "answered" | "failed";
  run: Run | null;
  error: Error | null;
}

/**
 * Whether a run's final status is what this cancel leads to: `interrupted`; after a rollback also
 * `error` (the JS server aborts a running run it is asked to roll back, and it ends `error`).
 */
function endedByCancel(status: SessionStatus, action: CancelAction): boolean {
  return status === "interrupted" || (action === "rollback" && status === "error");
}

/**
 * This button's request, if it is about the run shown now. In stream mode the session moves on to
 * new runs: a new run starting (the session still names the old run id while it starts) or a
 * different run id ends the old request's say, so neither "Cancelled" nor "did not stop" leaks
 * into a later run.
 */
function ownRequest(
  request: OwnRequest | null,
  target: string,
  stream: CancellableStream | undefined,
): OwnRequest | null {
  if (request?.target !== target) return null;
  if (stream?.status === "starting" && request.state !== "sent") return null;
  return request;
}

function defaultLabels(action: CancelAction): CancelRunButtonLabels {
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

/**
 * The behaviour of a cancel button, for your own markup. Two modes:
 * - `{ stream }`: the object `useRunStream()` returns; calls `stream.stop({ action })`.
 * - `{ threadId, runId, status? }`: any run; calls `useCancelRun()` and stays pending until the
 *   server reports a final status (shared with other components through `useIsCancelling`).
 * Needs a `RunsProvider` in both modes.
 *
 * @example
 * const cancel = useCancelRunButton({ stream, confirm: true });
 * <button {...cancel.buttonProps}>{cancel.label}</button>
 */
export function useCancelRunButton(options: UseCancelRunButtonOptions): CancelRunButtonState {
  const { stream, action = "interrupt", confirm = false } = options;
  const labels = { ...defaultLabels(action), ...options.labels };
  const threadId = stream ? undefined : options.threadId;
  const runId = stream ? undefined : options.runId;
  const statusProp = stream ? undefined : options.status;

  const client = useRunsClient();
  const fetched = useQuery({
    ...runQueryOptions(client, threadId ?? "", runId ?? ""),
    enabled: Boolean(threadId && runId && statusProp === undefined),
  });
  const { mutate: mutateCancel } = useCancelRun();
  const cancellingElsewhere = useIsCancelling(threadId, runId);
  const latest = useLatestRef(options);

  const [confirming, setConfirming] = useState(false);
  /** This button's own cancel: of which run, and whether the request (stream) or the final status (ids) came back. */
  const [request, setRequest] = useState<OwnRequest | null>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const confirmRef = useRef<HTMLButtonElement | null>(null);
  const focusAfter = useRef<"button" | "confirm" | null>(null);

  const target = stream ? `stream:${stream.runId ?? ""}` : `${threadId ?? ""}:${runId ?? ""}`;
  const mine = ownRequest(request, target, stream);
  const runStatus: SessionStatus | undefined = stream
    ? stream.status
    : (statusProp ?? fetched.data?.status);
  const active = stream ? stream.isRunning : runStatus !== undefined && isActiveStatus(runStatus);

  let cancelling: boolean;
  let cancelled: boolean;
  let error: Error | null = mine?.error ?? null;
  if (stream) {
    const sent = mine?.state === "answered";
    cancelling = stream.cancelling || (mine?.state === "sent" && active);
    cancelled = mine !== null && !stream.isRunning && endedByCancel(stream.status, action);
    // `stop()` never throws: a refused cancel clears `cancelling` while the run goes on.
    if (sent && !stream.cancelling && stream.isRunning)
      error ??= new Error(stream.error?.message ?? "the server did not stop the run");
  } else {
    cancelling = cancellingElsewhere || mine?.state === "sent";
    cancelled =
      mine?.state === "answered" && (mine.run === null || endedByCancel(mine.run.status, action));
  }

  let phase: CancelButtonPhase;
  if (cancelling) phase = "cancelling";
  else if (cancelled) phase = "cancelled";
  else if (!active) phase = "inactive";
  else if (confirming) phase = "confirming";
  else phase = "ready";

  const cancel = useCallback(() => {
    setConfirming(false);
    focusAfter.current = "button";
    setRequest({ target, state: "sent", run: null, error: null });
    const fail = (reason: unknown) => {
      const failure = reason instanceof Error ? reason : new Error(String(reason));
      setRequest({ target, state: "failed", run: null, error: failure });
      latest.current.onError?.(failure);
    };
    if (stream) {
      stream
        .stop({ action })
        .then(() => setRequest({ target, state: "answered", run: null, error: null }), fail);
      return;
    }
    if (!threadId || !runId) return;
    mutateCancel(
      { threadId, runId, action },
      {
        onSuccess: (run) => setRequest({ target, state: "answered", run, error: null }),
        onError: fail,
      },
    );
  }, [stream, action, threadId, runId, target, mutateCancel, latest]);

  const onRequest = useCallback(() => {
    if (phase !== "ready") return;
    if (confirm) {
      focusAfter.current = "confirm";
      setConfirming(true);
    } else cancel();
  }, [phase, confirm, cancel]);

  const dismiss = useCallback(() => {
    focusAfter.current = "button";
    setConfirming(false);
  }, []);

  // Focus follows the confirm step: into it when it opens, back to the button when it closes.
  useEffect(() => {
    const where = focusAfter.current;
    if (!where) return;
    focusAfter.current = null;
    (where === "confirm" ? confirmRef : buttonRef).current?.focus();
  }, [phase]);

  // Reported once, when the server has confirmed the end of the run.
  const reported = useRef<OwnRequest | null>(null);
  useEffect(() => {
    if (phase !== "cancelled" || !mine || reported.current === mine) return;
    reported.current = mine;
    latest.current.onCancelled?.(mine.run);
  }, [phase, mine, latest]);

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
    runStatus,
    label,
    labels,
    error,
    request: onRequest,
    confirmCancel: cancel,
    dismiss,
    buttonProps: {
      ref: buttonRef,
      type: "button",
      // Waiting and cancelled stay focusable (aria-disabled): the button a keyboard user
      // pressed keeps focus until the run has ended, instead of dropping it to the page body.
      disabled: phase === "inactive",
      ...(waiting ? { "aria-disabled": "true" as const, "aria-busy": "true" as const } : {}),
      ...(phase === "cancelled" ? { "aria-disabled": "true" as const } : {}),
      "data-state": phase,
      onClick: onRequest,
    },
    confirmGroupProps: {
      role: "group",
      onKeyDown: (event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          dismiss();
        }
      },
    },
    confirmButtonProps: { ref: confirmRef, type: "button", onClick: cancel },
    dismissButtonProps: { type: "button", onClick: dismiss },
    announcement: waiting
      ? "Cancelling the run…"
      : phase === "cancelled"
        ? `${labels.cancelled}.`
        : error
          ? `${labels.failed} ${error.message}`
          : "",
  };
}

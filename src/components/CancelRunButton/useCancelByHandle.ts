"use client";
import { useCallback, useMemo, useState } from "react";
import { RunsClientError } from "../../client/RunsClientError";
import type { CancelAction } from "../../client/types";
import { useIsCancelling } from "../../hooks/useIsCancelling";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";
import type { AnyRunHandle } from "../../store/RunHandle";
import type { SessionError, SessionStatus } from "../../store/RunSession";
import { isActiveStatus } from "../../store/sessionReducers";
import { asRunsClientError } from "../../store/toSessionError";
import type { CancelOutcome, CancelSource } from "./CancelSource";
import { endedByCancel } from "./endedByCancel";

/** This button's stop: of which run, and whether `stop()` came back. */
interface StopRequest {
  /** `sessionId:runId`: the session and the run it followed at the click. */
  target: string;
  action: CancelAction;
  /** sent: `stop()` not back yet; answered: it is; failed: it threw. */
  state: "sent" | "answered" | "failed";
  /** Made once per stop, so the outcome is reported once. */
  outcome: CancelOutcome;
  error: RunsClientError | null;
}

/**
 * Cancels the run a handle follows, through `run.stop({ action })`. Reads the session from the
 * store (status, `cancelling`, run id, error), so a `useRunController` handle, which carries no
 * state, works as well as `useRunStream`'s. A `useCancelRun` of the session's run (a runs
 * table's row, say) shows as pending too. Without a handle there is nothing to cancel.
 *
 * @example
 * const source = useCancelByHandle(chat);
 * <button disabled={!source.active} onClick={() => source.cancel("interrupt")}>Stop</button>
 */
export function useCancelByHandle(run: AnyRunHandle | undefined): CancelSource {
  const status = useOptionalRunSession(run, (s): SessionStatus => s?.status ?? "idle");
  const stopping = useOptionalRunSession(run, (s) => s?.cancelling ?? false);
  // The handle's stop, or a cancel of its run by ids; without a handle, nothing (not the scope's).
  const cancellingAnywhere = useIsCancelling(run ?? NO_RUN);
  const runId = useOptionalRunSession(run, (s) => s?.runId ?? null);
  const sessionError = useOptionalRunSession(run, (s) => s?.error ?? null);
  const [request, setRequest] = useState<StopRequest | null>(null);

  const target = `${run?.id ?? ""}:${runId ?? ""}`;
  const mine = ownRequest(request, target, status);
  const active = isActiveStatus(status);
  // `stop()` never throws: a refused cancel clears `cancelling` while the run goes on.
  const refused = mine?.state === "answered" && !stopping && active;
  const refusal = useMemo(
    () => (refused ? refusalError(sessionError) : null),
    [refused, sessionError],
  );

  const cancel = useCallback(
    (action: CancelAction) => {
      if (!run) return;
      const sent: StopRequest = {
        target,
        action,
        state: "sent",
        outcome: { run: null },
        error: null,
      };
      const settle = (next: Partial<StopRequest>) =>
        setRequest((current) => (current === sent ? { ...sent, ...next } : current));
      setRequest(sent);
      run.stop({ action }).then(
        () => settle({ state: "answered" }),
        (reason: unknown) => settle({ state: "failed", error: asRunsClientError(reason) }),
      );
    },
    [run, target],
  );

  return {
    runStatus: run ? status : undefined,
    active,
    cancelling: cancellingAnywhere || (mine?.state === "sent" && active),
    cancelled: mine && !active && endedByCancel(status, mine.action) ? mine.outcome : null,
    error: mine?.error ?? refusal,
    cancel,
  };
}

const NO_RUN = { threadId: undefined, runId: undefined };

/**
 * This button's stop, if it is about the run shown now. The session moves on to new runs: a new
 * run starting (the session still names the old run id while it starts) or a different run id
 * ends the old stop's say, so neither "Cancelled" nor "did not stop" leaks into a later run.
 */
function ownRequest(
  request: StopRequest | null,
  target: string,
  status: SessionStatus,
): StopRequest | null {
  if (request?.target !== target) return null;
  if (status === "starting" && request.state !== "sent") return null;
  return request;
}

/** The session's error (the refused cancel's) as a typed error. */
function refusalError(error: SessionError | null): RunsClientError {
  return new RunsClientError({
    kind: error?.kind ?? "server",
    message: error?.message ?? "the server did not stop the run",
    status: error?.status,
  });
}

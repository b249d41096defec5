"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { CancelAction } from "../../client/types";
import { useCancelRun } from "../../hooks/useCancelRun";
import { useIsCancelling } from "../../hooks/useIsCancelling";
import { useRunsClient } from "../../hooks/useRunsClient";
import { runQueryOptions } from "../../query/runQueryOptions";
import type { SessionStatus } from "../../store/RunSession";
import { isActiveStatus } from "../../store/sessionReducers";
import type { CancelOutcome, CancelSource } from "./CancelSource";
import { endedByCancel } from "./endedByCancel";

/** Any run, by its ids. */
export interface CancelByIdsTarget {
  threadId: string | null | undefined;
  runId: string | null | undefined;
  /** The run's status when known; else the run is fetched (and polled while active). */
  status?: SessionStatus;
  /** Whether a cancel of the run is pending, when known (controlled); else the kit's own cancels tell. */
  cancelling?: boolean;
}

/**
 * Cancels any run by its ids, through `useCancelRun()`: pending until the server reports a final
 * status, and pending for every button of that run (`useIsCancelling`). `enabled: false` makes it
 * inert (no request), for a button that cancels through a handle instead.
 *
 * @example
 * const source = useCancelByIds({ threadId, runId: run.run_id, status: run.status });
 * <button disabled={!source.active} onClick={() => source.cancel("rollback")}>Cancel</button>
 */
export function useCancelByIds(
  { threadId, runId, status, cancelling }: CancelByIdsTarget,
  { enabled = true }: { enabled?: boolean } = {},
): CancelSource {
  const client = useRunsClient();
  const fetched = useQuery({
    ...runQueryOptions(client, threadId ?? "", runId ?? ""),
    enabled: enabled && Boolean(threadId && runId) && status === undefined,
  });
  const mutation = useCancelRun();
  const { mutate, variables, data, submittedAt } = mutation;
  const pendingAnywhere = useIsCancelling(enabled ? { threadId, runId } : NO_RUN);

  // The last cancel of this hook counts only while it is about the run shown now.
  const mine =
    variables !== undefined && variables.threadId === threadId && variables.runId === runId;
  const succeeded = mine && mutation.isSuccess;
  const ended =
    succeeded && (data == null || endedByCancel(data.status, variables.action ?? "interrupt"));
  // One object per answered cancel (`submittedAt` tells two rollbacks that both gave null apart).
  const outcome = useMemo<CancelOutcome | null>(
    () => (ended ? { run: data ?? null } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- submittedAt: a new cancel, a new outcome
    [ended, data, submittedAt],
  );
  const runStatus = status ?? fetched.data?.status;

  const cancel = useCallback(
    (action: CancelAction) => {
      if (threadId && runId) mutate({ threadId, runId, action });
    },
    [mutate, threadId, runId],
  );

  return {
    runStatus,
    active: runStatus !== undefined && isActiveStatus(runStatus),
    cancelling: cancelling ?? (pendingAnywhere || (mine && mutation.isPending)),
    cancelled: outcome,
    error: mine && mutation.isError ? mutation.error : null,
    cancel,
  };
}

const NO_RUN = { threadId: undefined, runId: undefined };

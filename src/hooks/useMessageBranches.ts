"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ThreadState } from "../client/types";
import { runKeys } from "../query/runKeys";
import { messageBranches, type MessageBranch } from "../store/messages/messageBranches";
import type { AnyRunHandle } from "../store/RunHandle";
import type { AnyRunSession } from "../store/createStreamStore";
import { isFinalStatus } from "../store/sessionReducers";
import { useRunsContext } from "./RunsContext";
import { useRunHandle } from "./RunScope";
import { useOptionalRunSession } from "./useOptionalRunSession";

export type { MessageBranch } from "../store/messages/messageBranches";

export interface UseMessageBranchesOptions {
  /** How many past states to load (default 200): versions made before them do not show. */
  limit?: number;
  /** Load the history (default true). False: nothing is loaded and every message has one version. */
  enabled?: boolean;
}

/** The versions of a thread's messages, and the switch between them. */
export interface MessageBranches {
  /** Where each message of the thread's history sits, by message id (empty until loaded). */
  byMessage: ReadonlyMap<string, MessageBranch>;
  /** The loaded state at a checkpoint, if the history holds it. */
  stateAt(checkpointId: string): ThreadState<unknown> | undefined;
  /**
   * Shows version `index` of a message (the latest state of that branch) in the session; the
   * next run continues from there. Does nothing for an unknown message or index.
   */
  selectBranch(messageId: string, index: number): Promise<void>;
  /** The history is loading and none is shown yet. */
  isLoading: boolean;
  /** Loading the history failed. */
  error: Error | null;
}

interface Derived {
  byMessage: ReadonlyMap<string, MessageBranch>;
  states: ReadonlyMap<string, ThreadState<unknown>>;
}

const NOTHING: Derived = { byMessage: new Map(), states: new Map() };

/**
 * Derived once per loaded history, however many components read it (one per message).
 */
const derivedByHistory = new WeakMap<readonly ThreadState<unknown>[], Derived>();

function derive(history: readonly ThreadState<unknown>[] | undefined): Derived {
  if (!history) return NOTHING;
  let derived = derivedByHistory.get(history);
  if (!derived) {
    const states = new Map<string, ThreadState<unknown>>();
    for (const state of history) {
      const id = state.checkpoint?.checkpoint_id;
      if (id) states.set(id, state);
    }
    derived = { byMessage: messageBranches(history), states };
    derivedByHistory.set(history, derived);
  }
  return derived;
}

/**
 * Which history the session's thread needs: a new one after each run that ended on it (the key
 * changes), none while a run goes (its checkpoints are not final), the same one across branch
 * switches (they add nothing to the history).
 */
function historyRevision(session: AnyRunSession | undefined): string | null {
  if (!session?.threadId) return null;
  if (isFinalStatus(session.status)) return `${session.runId}:${session.status}`;
  return session.status === "idle" ? "idle" : null;
}

/**
 * The versions of the messages on a run's thread (regenerated replies, edited questions), from
 * the thread's history (`threads.getHistory`), loaded with TanStack Query and loaded again when
 * a run ends on the thread. Each message gets its parent checkpoint (fork there to regenerate
 * or edit it), the checkpoints of its versions and its own index; `selectBranch` shows another
 * version. Takes the run (default: the `<RunScope>`'s) inside a `RunsProvider`; without a run
 * nothing is loaded.
 *
 * @example
 * const { byMessage, selectBranch } = useMessageBranches(chat);
 * const branch = byMessage.get(message.id); // { parentCheckpoint, branches: ["…", "…"], index: 1 }
 * if (branch && branch.index > 0) await selectBranch(message.id, branch.index - 1);
 */
export function useMessageBranches(
  run?: AnyRunHandle | null,
  { limit = 200, enabled = true }: UseMessageBranchesOptions = {},
): MessageBranches {
  const handle = useRunHandle(run) as AnyRunHandle | undefined;
  const { client } = useRunsContext();
  const threadId = useOptionalRunSession(handle, (session) => session?.threadId ?? null);
  const revision = useOptionalRunSession(handle, historyRevision);
  const threadKey = runKeys.thread(threadId ?? "");
  const query = useQuery({
    queryKey: [...threadKey, "history", { limit, revision }],
    queryFn: ({ signal }) => client.threads.getHistory<unknown>(threadId!, { limit, signal }),
    enabled: enabled && threadId !== null && revision !== null,
    // Only runs change the history, and a new revision is a new key: never stale by itself.
    staleTime: Infinity,
    // While a run goes and the next history loads, the versions known so far stay (those of
    // this thread: another thread's say nothing here).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[threadKey.length - 1] === threadId ? previous : undefined,
  });
  const derived = derive(enabled && threadId !== null ? query.data : undefined);
  const selectBranch = useCallback(
    async (messageId: string, index: number) => {
      const target = derived.byMessage.get(messageId)?.branches[index];
      if (target === undefined || !handle) return;
      await handle.showCheckpoint(derived.states.get(target) ?? target);
    },
    [derived, handle],
  );
  const stateAt = useCallback((id: string) => derived.states.get(id), [derived]);
  return {
    byMessage: derived.byMessage,
    stateAt,
    selectBranch,
    isLoading: query.isLoading,
    error: query.error,
  };
}

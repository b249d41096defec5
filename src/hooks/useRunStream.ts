"use client";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { PendingInterrupt } from "../store/interrupts/PendingInterrupt";
import type { Message } from "../store/messages/Message";
import type {
  ConnectionState,
  RunSession,
  SessionError,
  SessionStatus,
  SubmitRefusal,
  TurnError,
} from "../store/RunSession";
import { IDLE_CONNECTION, NO_INTERRUPTS, NO_MESSAGES } from "../store/selectors";
import { isActiveStatus } from "../store/sessionReducers";
import { useRunsContext } from "./RunsContext";
import { useRunController, type RunControls, type UseRunStreamOptions } from "./useRunController";

export type { UseRunStreamOptions } from "./useRunController";

export interface UseRunStreamResult<
  TValues = Record<string, unknown>,
  TUpdate = Partial<TValues>,
  TCustom = unknown,
  TInterrupt = unknown,
> extends RunControls<TUpdate> {
  runId: string | null;
  status: SessionStatus;
  connection: { state: ConnectionState; attempt: number };
  values: TValues | null;
  messages: Message[];
  interrupts: PendingInterrupt<TInterrupt>[];
  /** Paused at a static breakpoint: `submit(null)` continues (the server refuses an empty resume). */
  breakpoint: boolean;
  error: SessionError | null;
  /** Errors of earlier runs, each beside the message it followed (the transcript keeps them). */
  turnErrors: TurnError[];
  /** The last submit was refused: the thread is busy. Answer with `resubmit(strategy)`. */
  refusal: SubmitRefusal | null;
  cancelling: boolean;
  /** The last `custom` event's data (one per frame at most: see `onCustomEvent` for every one). */
  lastCustom: TCustom | undefined;
  /** Starting, pending or running. */
  isRunning: boolean;
  /** The thread's saved state is loading: on mount on a thread, and after a thread switch. */
  isThreadLoading: boolean;
  /**
   * Loading the thread's saved state failed (`kind` `not_found` for a thread that does not
   * exist); `onError` got the typed error. Kept apart from `error`, which is the run's.
   */
  threadLoadError: SessionError | null;
}

/**
 * Streams runs of an assistant into the stream buffer and reads the result. State updates are
 * batched to at most one render per animation frame; for finer control read slices with
 * `useRunMessages(key)`, `useRunStatus(key)` and friends.
 *
 * @example
 * const chat = useRunStream<{ messages: Message[] }>({ assistantId: "agent", threadId });
 * chat.submit({ messages: [{ type: "human", content: "Hello" }] });
 * chat.messages.map((m) => <p key={m.id}>{String(m.content)}</p>);
 */
export function useRunStream<
  TValues = Record<string, unknown>,
  TUpdate = Partial<TValues>,
  TCustom = unknown,
  TInterrupt = unknown,
>(options: UseRunStreamOptions): UseRunStreamResult<TValues, TUpdate, TCustom, TInterrupt> {
  const controls = useRunController<TUpdate>(options);
  const { threadLoading, ...state } = useSessionState<TValues, TCustom, TInterrupt>(controls.key);
  // Before the mount effect made the session, a thread to load is already loading.
  const loadsOnMount = controls.threadId !== null && (options.loadThreadState ?? true);
  return {
    ...controls,
    ...state,
    threadId: state.threadId ?? controls.threadId,
    isRunning: isActiveStatus(state.status),
    isThreadLoading: threadLoading ?? loadsOnMount,
  };
}

type SessionState<TValues, TCustom, TInterrupt> = { threadLoading: boolean | undefined } & Pick<
  UseRunStreamResult<TValues, unknown, TCustom, TInterrupt>,
  | "threadId"
  | "runId"
  | "status"
  | "connection"
  | "values"
  | "messages"
  | "interrupts"
  | "breakpoint"
  | "error"
  | "turnErrors"
  | "refusal"
  | "cancelling"
  | "lastCustom"
  | "threadLoadError"
>;

const NO_TURN_ERRORS: TurnError[] = [];

/** The fields the hook returns, compared shallowly so unrelated store updates do not re-render. */
function useSessionState<TValues, TCustom, TInterrupt>(
  key: string,
): SessionState<TValues, TCustom, TInterrupt> {
  const { store } = useRunsContext();
  return useStore(
    store,
    useShallow((state) => {
      const session = state.sessions[key] as RunSession<TValues, TCustom, TInterrupt> | undefined;
      return {
        threadId: session?.threadId ?? null,
        runId: session?.runId ?? null,
        status: session?.status ?? "idle",
        connection: session?.connection ?? IDLE_CONNECTION,
        values: session?.values ?? null,
        messages: session?.messages ?? NO_MESSAGES,
        interrupts: session?.interrupts ?? (NO_INTERRUPTS as PendingInterrupt<TInterrupt>[]),
        breakpoint: session?.breakpoint ?? false,
        error: session?.error ?? null,
        turnErrors: session?.turnErrors ?? NO_TURN_ERRORS,
        refusal: session?.refusal ?? null,
        cancelling: session?.cancelling ?? false,
        lastCustom: session?.lastCustom,
        threadLoading: session?.threadLoading,
        threadLoadError: session?.threadLoadError ?? null,
      };
    }),
  );
}

"use client";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { PendingInterrupt } from "../store/interrupts/PendingInterrupt";
import type { Message } from "../store/messages/Message";
import type {
  SessionConnection,
  RunSession,
  SessionError,
  SessionStatus,
  SubmitRefusal,
  TurnError,
} from "../store/RunSession";
import { IDLE_CONNECTION, NO_INTERRUPTS, NO_MESSAGES } from "../store/selectors";
import { isActiveStatus } from "../store/sessionReducers";
import { useRunsContext } from "./RunsContext";
import type { RunHandle } from "../store/RunHandle";
import type { CustomOf, InterruptOf, RunTypes } from "../store/RunTypes";
import { STABLE_HANDLE } from "./RunScope";
import { useRunController, type UseRunStreamOptions } from "./useRunController";

export type { UseRunStreamOptions } from "./useRunController";

/** The session's state that `useRunStream` puts on top of the handle. */
export interface RunState<TValues = Record<string, unknown>, TTypes extends RunTypes = RunTypes> {
  /** The session's thread: the prop's, or the one the first submit made. */
  threadId: string | null;
  runId: string | null;
  status: SessionStatus;
  connection: SessionConnection;
  values: TValues | null;
  messages: Message[];
  interrupts: PendingInterrupt<InterruptOf<TTypes>>[];
  /** Paused at a static breakpoint: `submit(null)` continues (the server refuses an empty resume). */
  breakpoint: boolean;
  error: SessionError | null;
  /** Errors of earlier runs, each beside the message it followed (the transcript keeps them). */
  turnErrors: TurnError[];
  /** The last submit was refused: the thread is busy. Answer with `resubmit(strategy)`. */
  refusal: SubmitRefusal | null;
  cancelling: boolean;
  /** The last `custom` event's data (one per frame at most: see `onCustomEvent` for every one). */
  lastCustom: CustomOf<TTypes> | undefined;
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

/** What `useRunStream` returns: the run handle with the session's state on top. */
export type UseRunStreamResult<
  TValues = Record<string, unknown>,
  TTypes extends RunTypes = RunTypes,
> = RunHandle<TValues, TTypes> & RunState<TValues, TTypes>;

/**
 * Streams runs of an assistant into the stream buffer and reads the result: the run handle (the
 * same one `useRunController` returns) with the session's state on top. State updates are
 * batched to at most one render per animation frame; for finer control pass the handle to
 * components and slice hooks (`useRunMessages(chat)`, …) or use `useRunController`.
 *
 * @example
 * const chat = useRunStream<{ messages: Message[] }>({ assistantId: "agent", threadId });
 * chat.submit({ messages: [{ type: "human", content: "Hello" }] });
 * chat.messages.map((m) => <p key={m.id}>{String(m.content)}</p>);
 */
export function useRunStream<TValues = Record<string, unknown>, TTypes extends RunTypes = RunTypes>(
  options: UseRunStreamOptions<TTypes>,
): UseRunStreamResult<TValues, TTypes> {
  const handle = useRunController<TValues, TTypes>(options);
  const { threadLoading, ...state } = useSessionState<TValues, TTypes>(handle.id);
  // Before the mount effect made the session, a thread to load is already loading.
  const loadsOnMount = handle.threadId !== null && (options.loadThreadState ?? true);
  const result: UseRunStreamResult<TValues, TTypes> = {
    ...handle,
    ...state,
    threadId: state.threadId ?? handle.threadId,
    isRunning: isActiveStatus(state.status),
    isThreadLoading: threadLoading ?? loadsOnMount,
  };
  // `<RunScope run={result}>` keeps the stable handle, not this render's object.
  return Object.assign(result, { [STABLE_HANDLE]: handle });
}

type SessionState<TValues, TTypes extends RunTypes> = { threadLoading: boolean | undefined } & Pick<
  RunState<TValues, TTypes>,
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
function useSessionState<TValues, TTypes extends RunTypes>(
  id: string,
): SessionState<TValues, TTypes> {
  const { store } = useRunsContext();
  return useStore(
    store,
    useShallow((state) => {
      const session = state.sessions[id] as
        RunSession<TValues, CustomOf<TTypes>, InterruptOf<TTypes>> | undefined;
      return {
        threadId: session?.threadId ?? null,
        runId: session?.runId ?? null,
        status: session?.status ?? "idle",
        connection: session?.connection ?? IDLE_CONNECTION,
        values: session?.values ?? null,
        messages: session?.messages ?? NO_MESSAGES,
        interrupts:
          session?.interrupts ?? (NO_INTERRUPTS as PendingInterrupt<InterruptOf<TTypes>>[]),
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

"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useState } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { RunsClientError } from "../client/RunsClientError";
import type { CancelAction, StreamMode } from "../client/types";
import { runKeys } from "../query/runKeys";
import {
  createRunController,
  type JoinRunOptions,
  type RunController,
  type RunControllerCallbacks,
  type SubmitOptions,
} from "../store/createRunController";
import type { PendingInterrupt } from "../store/interrupts/PendingInterrupt";
import type { Message } from "../store/messages/Message";
import type { RunPersistence } from "../store/RunPersistence";
import type { ConnectionState, RunSession, SessionError, SessionStatus } from "../store/RunSession";
import { useRunsContext } from "./RunsContext";
import { sessionStoragePersistence } from "./sessionStoragePersistence";
import { useLatestRef } from "./useLatestRef";

export interface UseRunStreamOptions {
  assistantId: string;
  /** The thread to run on. Without one, the first `submit` makes a thread (see `onThreadId`). */
  threadId?: string | null;
  /** The stream-buffer session to use; share it with other components (default: one per hook). */
  key?: string;
  /** Stream modes of every run (default values, messages-tuple, updates, custom). */
  streamMode?: StreamMode[];
  streamSubgraphs?: boolean;
  /**
   * Keep the running run and its last event id (in `sessionStorage`, or the persistence given)
   * and re-join it after a reload, from where the page left off.
   */
  reconnectOnMount?: boolean | RunPersistence;
  /** Load the thread's saved messages and values when the hook mounts on a thread (default true). */
  loadThreadState?: boolean;
  onThreadId?: (threadId: string) => void;
  onRunCreated?: (run: { threadId: string; runId: string }) => void;
  onFinish?: (run: { threadId: string; runId: string | null; status: SessionStatus }) => void;
  onError?: (error: RunsClientError) => void;
}

export interface UseRunStreamResult<TValues, TUpdate, TCustom, TInterrupt> {
  /** The stream-buffer session key: give it to slice hooks and components. */
  key: string;
  threadId: string | null;
  runId: string | null;
  status: SessionStatus;
  connection: { state: ConnectionState; attempt: number };
  values: TValues | null;
  messages: Message[];
  interrupts: PendingInterrupt<TInterrupt>[];
  /** Paused at a static breakpoint: `resume(null)` or `submit(null)` continues. */
  breakpoint: boolean;
  error: SessionError | null;
  cancelling: boolean;
  lastCustom: TCustom | undefined;
  /** Starting, pending or running. */
  isRunning: boolean;
  /** Streams a new run (resumable by default). Resolves when the stream ends. */
  submit: (input: TUpdate | null | undefined, options?: SubmitOptions) => Promise<void>;
  /** Answers interrupts: one value, or `{ [interruptId]: value }` for several. */
  resume: (answer: unknown, options?: Omit<SubmitOptions, "command">) => Promise<void>;
  /** Cancels the run on the server (held until the run id is known). */
  stop: (options?: { action?: CancelAction }) => Promise<void>;
  /** Closes the connection only: the run goes on and `join` can re-attach. */
  disconnect: () => void;
  /** Attaches to a running (or resumable finished) run. */
  join: (runId: string, options?: JoinRunOptions) => Promise<void>;
}

const ACTIVE: ReadonlySet<SessionStatus> = new Set(["starting", "pending", "running"]);

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
  const controller = useRunController(options);
  const key = controller.key;
  const threadId = useThreadIdProp(controller, options);
  const state = useSessionState<TValues, TCustom, TInterrupt>(key);

  const submit = useCallback(
    (input: TUpdate | null | undefined, submitOptions?: SubmitOptions) =>
      controller.submit(input, submitOptions),
    [controller],
  );
  const resume = useCallback(
    (answer: unknown, resumeOptions?: Omit<SubmitOptions, "command">) =>
      controller.resume(answer, resumeOptions),
    [controller],
  );
  const stop = useCallback(
    (stopOptions?: { action?: CancelAction }) => controller.stop(stopOptions),
    [controller],
  );
  const disconnect = useCallback(() => controller.disconnect(), [controller]);
  const join = useCallback(
    (runId: string, joinOptions?: JoinRunOptions) => controller.join(runId, joinOptions),
    [controller],
  );

  return {
    key,
    ...state,
    threadId: state.threadId ?? threadId,
    isRunning: ACTIVE.has(state.status),
    submit,
    resume,
    stop,
    disconnect,
    join,
  };
}

/** One controller per hook instance; configured from the latest props, disposed on unmount. */
function useRunController(options: UseRunStreamOptions): RunController {
  const { client, store } = useRunsContext();
  const queryClient = useQueryClient();
  const instanceId = useId();
  const latest = useLatestRef(options);

  const [controller] = useState(() =>
    createRunController({
      client,
      store,
      key: options.key ?? `run-stream${instanceId}`,
      assistantId: options.assistantId,
      threadId: options.threadId ?? null,
      streamMode: options.streamMode,
      streamSubgraphs: options.streamSubgraphs,
      persistence: persistenceOf(options.reconnectOnMount),
    }),
  );

  useEffect(() => {
    const callbacks: RunControllerCallbacks = {
      onThreadId: (id) => latest.current.onThreadId?.(id),
      onError: (error) => latest.current.onError?.(error),
      onRunCreated: (run) => {
        // The new run shows up in lists and details without a manual refetch.
        void queryClient.invalidateQueries({ queryKey: runKeys.thread(run.threadId) });
        latest.current.onRunCreated?.(run);
      },
      onRunFinished: (run) => {
        void queryClient.invalidateQueries({ queryKey: runKeys.thread(run.threadId) });
        latest.current.onFinish?.(run);
      },
    };
    controller.configure({
      assistantId: options.assistantId,
      streamMode: options.streamMode,
      streamSubgraphs: options.streamSubgraphs,
      callbacks,
    });
  }, [
    controller,
    queryClient,
    latest,
    options.assistantId,
    options.streamMode,
    options.streamSubgraphs,
  ]);

  useEffect(() => {
    controller.attach();
    const { reconnectOnMount, loadThreadState = true } = latest.current;
    const loadHistory = () => (loadThreadState ? controller.loadThreadState() : Promise.resolve());
    const start = reconnectOnMount
      ? controller.reconnectPersisted().then((found) => (found ? undefined : loadHistory()))
      : loadHistory();
    start.catch((error: unknown) => latest.current.onError?.(error as RunsClientError));
    return () => controller.dispose();
  }, [controller, latest]);

  return controller;
}

/** Follows the `threadId` prop: a different thread detaches the stream and starts afresh. */
function useThreadIdProp(controller: RunController, options: UseRunStreamOptions): string | null {
  const prop = options.threadId;
  const loadThreadState = options.loadThreadState ?? true;
  useEffect(() => {
    if (prop === undefined || prop === controller.getThreadId()) return;
    controller.setThreadId(prop);
    if (loadThreadState && prop !== null) void controller.loadThreadState().catch(() => undefined);
  }, [controller, prop, loadThreadState]);
  return prop ?? controller.getThreadId();
}

type SessionState<TValues, TCustom, TInterrupt> = Pick<
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
  | "cancelling"
  | "lastCustom"
>;

const NO_MESSAGES: Message[] = [];
const NO_INTERRUPTS: PendingInterrupt<never>[] = [];
const IDLE_CONNECTION = { state: "idle" as ConnectionState, attempt: 0 };

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
        cancelling: session?.cancelling ?? false,
        lastCustom: session?.lastCustom,
      };
    }),
  );
}

function persistenceOf(
  option: UseRunStreamOptions["reconnectOnMount"],
): RunPersistence | undefined {
  if (!option) return undefined;
  return option === true ? sessionStoragePersistence() : option;
}

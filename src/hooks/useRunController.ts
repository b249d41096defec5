"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { RunsClientError } from "../client/RunsClientError";
import type { CancelAction, StreamEvent, StreamMode } from "../client/types";
import {
  createRunController,
  type JoinRunOptions,
  type RunController,
  type ResubmitStrategy,
  type RunControllerCallbacks,
  type SubmitOptions,
} from "../store/createRunController";
import type { RunPersistence } from "../store/RunPersistence";
import type { SessionStatus } from "../store/RunSession";
import { asRunsClientError } from "../store/toSessionError";
import { useRunsContext } from "./RunsContext";
import { sessionStoragePersistence } from "./sessionStoragePersistence";
import { invalidateRunQueries } from "../query/invalidateRunQueries";
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
  /**
   * Errors as typed `RunsClientError`s: of runs, stops, and of loading the thread's saved state
   * (on mount and on a thread switch; `useRunStream` also shows that one as `threadLoadError`).
   */
  onError?: (error: RunsClientError) => void;
  /**
   * Every stream event as it is received, before the per-frame batching. A throw is caught (the
   * stream goes on) and the first of each stream is logged with `console.error`.
   */
  onEvent?: (event: StreamEvent) => void;
  /**
   * Every `custom` event's data, in order, before batching: `lastCustom` keeps only the last one
   * of a frame. Throws are handled as for `onEvent`.
   *
   * @example onCustomEvent: (data) => setProgress((steps) => [...steps, data])
   */
  onCustomEvent?: (data: unknown, event: StreamEvent) => void;
}

/** What `useRunController` returns: the session key and the actions, without any state. */
export interface RunControls<TUpdate> {
  /** The stream-buffer session key: give it to slice hooks and components. */
  key: string;
  /**
   * The thread prop, else the controller's thread as of this render (a thread the first submit
   * makes shows once something re-renders; `useRunStream` reads it from the session).
   */
  threadId: string | null;
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
  /**
   * Sends the submit a busy thread refused again (see `refusal`): after the busy run (`"wait"`),
   * or with a multitask strategy (`"enqueue"`, `"interrupt"`, `"rollback"`).
   */
  resubmit: (strategy: ResubmitStrategy) => Promise<void>;
  /** Forgets the refused submit. */
  dismissRefusal: () => void;
}

/**
 * Owns a run stream without reading its state, so the owning component never re-renders for
 * tokens: children read slices with `useRunMessages(key)`, `useRunStatus(key)`, ….
 *
 * @example
 * const chat = useRunController({ assistantId: "agent", threadId });
 * return <><MessageStream runKey={chat.key} /><Composer onSend={(text) => chat.submit(toInput(text))} /></>;
 */
export function useRunController<TUpdate = Record<string, unknown>>(
  options: UseRunStreamOptions,
): RunControls<TUpdate> {
  const controller = useControllerInstance(options);
  const threadId = useThreadIdProp(controller, options);
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
  const resubmit = useCallback(
    (strategy: ResubmitStrategy) => controller.resubmit(strategy),
    [controller],
  );
  const dismissRefusal = useCallback(() => controller.dismissRefusal(), [controller]);
  const join = useCallback(
    (runId: string, joinOptions?: JoinRunOptions) => controller.join(runId, joinOptions),
    [controller],
  );
  return {
    key: controller.key,
    threadId,
    submit,
    resume,
    stop,
    disconnect,
    join,
    resubmit,
    dismissRefusal,
  };
}

/** One controller per hook instance; configured from the latest props, disposed on unmount. */
function useControllerInstance(options: UseRunStreamOptions): RunController {
  const { client, store, announcer } = useRunsContext();
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
      onEvent: (event) => latest.current.onEvent?.(event),
      onCustomEvent: (data, event) => latest.current.onCustomEvent?.(data, event),
      onRunCreated: (run) => {
        // The new run shows up in lists and details without a manual refetch.
        invalidateRunQueries(queryClient, run.threadId, run.runId);
        latest.current.onRunCreated?.(run);
      },
      onRunFinished: (run) => {
        invalidateRunQueries(queryClient, run.threadId, run.runId);
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
    start.catch((error: unknown) => latest.current.onError?.(asRunsClientError(error)));
    const unsubscribe = announcer.subscribe((run) => controller.followRun(run));
    return () => {
      unsubscribe();
      controller.dispose();
    };
  }, [controller, latest, announcer]);

  return controller;
}

/**
 * Follows the `threadId` prop: a different thread detaches the stream and starts afresh. `null`
 * and `undefined` both mean "no thread yet: the next submit makes one", so an app that clears its
 * thread state to start a new conversation gets one. Left `undefined` from the start, the prop
 * does not undo the thread the first submit made.
 */
function useThreadIdProp(controller: RunController, options: UseRunStreamOptions): string | null {
  const prop = options.threadId ?? null;
  const loadThreadState = options.loadThreadState ?? true;
  const latest = useLatestRef(options);
  const [mountedWith] = useState(prop);
  const changed = useRef(false);
  useEffect(() => {
    if (prop !== mountedWith) changed.current = true;
    if (!changed.current || prop === controller.getThreadId()) return;
    controller.setThreadId(prop);
    // A failed load (a thread that does not exist, …) is the app's to show, as on mount.
    if (loadThreadState && prop !== null)
      controller
        .loadThreadState()
        .catch((error: unknown) => latest.current.onError?.(asRunsClientError(error)));
  }, [controller, prop, mountedWith, loadThreadState, latest]);
  return prop ?? controller.getThreadId();
}

function persistenceOf(
  option: UseRunStreamOptions["reconnectOnMount"],
): RunPersistence | undefined {
  if (!option) return undefined;
  return option === true ? sessionStoragePersistence() : option;
}

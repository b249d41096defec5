"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { RunsClientError } from "../client/RunsClientError";
import type { StreamEvent, StreamMode } from "../client/types";
import {
  createRunController,
  type RunController,
  type RunControllerCallbacks,
} from "../store/createRunController";
import { createRunHandle, type RunHandle } from "../store/RunHandle";
import type { CustomOf, RunTypes } from "../store/RunTypes";
import type { RunPersistence } from "../store/RunPersistence";
import type { SessionStatus } from "../store/RunSession";
import { asRunsClientError } from "../store/toSessionError";
import { useRunsContext } from "./RunsContext";
import { sessionStoragePersistence } from "./sessionStoragePersistence";
import { invalidateRunQueries } from "../query/invalidateRunQueries";
import { useLatestRef } from "./useLatestRef";

export interface UseRunStreamOptions<TTypes extends RunTypes = RunTypes> {
  assistantId: string;
  /** The thread to run on. Without one, the first `submit` makes a thread (see `onThreadId`). */
  threadId?: string | null;
  /**
   * The stream-buffer session this handle drives (default: one per hook). Give an id to share a
   * session, or to keep it apart from others; changing it switches to another session.
   */
  id?: string;
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
  onRunFinished?: (run: { threadId: string; runId: string | null; status: SessionStatus }) => void;
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
  onCustomEvent?: (data: CustomOf<TTypes>, event: StreamEvent) => void;
}

/**
 * Owns a run stream without reading its state, so the owning component never re-renders for
 * tokens: children read slices with `useRunMessages(run)`, `useRunStatus(run)`, … or take the
 * handle as `run={handle}`. The handle is stable across renders (a new `id` gives a new one).
 *
 * @example
 * const chat = useRunController({ assistantId: "agent", threadId });
 * return <><MessageStream run={chat} /><CancelRunButton run={chat} /></>;
 */
export function useRunController<
  TValues = Record<string, unknown>,
  TTypes extends RunTypes = RunTypes,
>(options: UseRunStreamOptions<TTypes>): RunHandle<TValues, TTypes> {
  const controller = useControllerInstance(options);
  useThreadIdProp(controller, options);
  return useMemo(() => createRunHandle<TValues, TTypes>(controller), [controller]);
}

/**
 * One controller per hook instance and id, configured from the latest props. Changing `id`
 * makes a new controller on that session; the old one is disposed with its effects.
 */
function useControllerInstance<TTypes extends RunTypes>(
  options: UseRunStreamOptions<TTypes>,
): RunController {
  const { client, store, announcer } = useRunsContext();
  const queryClient = useQueryClient();
  const instanceId = useId();
  const latest = useLatestRef(options);
  const id = options.id ?? `run${instanceId}`;

  const make = () =>
    createRunController({
      client,
      store,
      id,
      assistantId: options.assistantId,
      threadId: options.threadId ?? null,
      streamMode: options.streamMode,
      streamSubgraphs: options.streamSubgraphs,
      persistence: persistenceOf(options.reconnectOnMount),
    });
  const [current, setCurrent] = useState(make);
  let controller = current;
  if (controller.id !== id) {
    // A new id during render: switch now (React re-renders with the new state at once).
    controller = make();
    setCurrent(controller);
  }

  useEffect(() => {
    const callbacks: RunControllerCallbacks = {
      onThreadId: (id) => latest.current.onThreadId?.(id),
      onError: (error) => latest.current.onError?.(error),
      onEvent: (event) => latest.current.onEvent?.(event),
      onCustomEvent: (data, event) =>
        latest.current.onCustomEvent?.(data as CustomOf<TTypes>, event),
      onRunCreated: (run) => {
        // The new run shows up in lists and details without a manual refetch.
        invalidateRunQueries(queryClient, run.threadId, run.runId);
        latest.current.onRunCreated?.(run);
      },
      onRunFinished: (run) => {
        invalidateRunQueries(queryClient, run.threadId, run.runId);
        latest.current.onRunFinished?.(run);
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
function useThreadIdProp(
  controller: RunController,
  options: Pick<UseRunStreamOptions, "threadId" | "loadThreadState" | "onError">,
): void {
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
}

function persistenceOf(
  option: UseRunStreamOptions["reconnectOnMount"],
): RunPersistence | undefined {
  if (!option) return undefined;
  return option === true ? sessionStoragePersistence() : option;
}

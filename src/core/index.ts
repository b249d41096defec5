/**
 * langgraph-runs-react/core: the framework-free part of the kit. The run controller drives one
 * session of a zustand stream store with the runs client; the reducers, selectors and
 * persistence are plain functions over plain JSON. No React and no "use client": use it from
 * another UI binding, a worker, a test, or Node.
 *
 * @example
 * import { createClient } from "langgraph-runs-react/client";
 * import { createRunController, createStreamStore, selectMessages } from "langgraph-runs-react/core";
 *
 * const store = createStreamStore();
 * const chat = createRunController({ client: createClient({ apiUrl }), store, id: "chat", assistantId: "agent" });
 * const messagesOf = selectMessages("chat");
 * store.subscribe((state) => render(messagesOf(state)));
 * await chat.submit({ messages: [{ type: "human", content: "hi" }] });
 */
export {
  createRunController,
  RunController,
  DEFAULT_STREAM_MODES,
  type JoinRunOptions,
  type ResubmitStrategy,
  type RunControllerCallbacks,
  type RunControllerOptions,
  type SubmitOptions,
} from "../store/createRunController";
export {
  createRunHandle,
  type AnyRunHandle,
  type RunHandle,
  type RunRef,
  type ResumeOptions,
} from "../store/RunHandle";
export type {
  CustomOf,
  InterruptOf,
  MessageInput,
  ResumeOf,
  RunInput,
  RunTypes,
  UpdateOf,
} from "../store/RunTypes";
export {
  createStreamStore,
  type AnyRunSession,
  type StreamStore,
  type StreamStoreOptions,
  type StreamStoreState,
} from "../store/createStreamStore";
export {
  createRunAnnouncer,
  type AnnouncedRun,
  type RunAnnouncer,
} from "../store/createRunAnnouncer";
export { applyEvents, type ApplyEventsOptions } from "../store/applyEvents";
export { hydrateSession } from "../store/hydrateSession";
export {
  readThreadInterrupts,
  type ThreadPause,
  type ThreadPauseSources,
} from "../store/readThreadInterrupts";
export {
  createSession,
  type ConnectionState,
  type SessionConnection,
  type RunSession,
  type SessionError,
  type SessionInit,
  type SessionStatus,
  type SessionTimings,
  type SubmitRefusal,
  type TurnError,
} from "../store/RunSession";
export {
  beginRun,
  endRun,
  failRun,
  joinRun,
  markOpen,
  isActiveStatus,
  isFinalStatus,
  markCancelling,
  resetSession,
  setConnection,
  setError,
  setRunIdentity,
  setStatus,
} from "../store/sessionReducers";
export {
  selectCancelling,
  selectConnection,
  selectDisplayStatus,
  selectError,
  selectEventLog,
  selectInterrupts,
  selectMessages,
  selectSession,
  selectStatus,
  selectValues,
} from "../store/selectors";
export {
  runDisplayStatus,
  sessionDisplayStatus,
  threadRunDisplayStatus,
  type DisplayStatusFacts,
  type RunDisplayStatus,
  type ThreadRunStatus,
} from "../store/runDisplayStatus";
export {
  createStoragePersistence,
  type PersistedRun,
  type RunPersistence,
} from "../store/RunPersistence";
export {
  DEFAULT_EVENT_LOG_BYTE_CAP,
  DEFAULT_EVENT_LOG_CAP,
  eventLogAt,
  eventLogSize,
  eventLogSlice,
  eventLogToArray,
  type EventLog,
  type EventLogEntry,
} from "../store/EventLog";
export type { PendingInterrupt } from "../store/interrupts/PendingInterrupt";
export type {
  ContentBlock,
  Message,
  MessageContent,
  MessageMetadata,
  MessageType,
  ToolCall,
} from "../store/messages/Message";

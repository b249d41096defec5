/**
 * The stream buffer: run sessions in a vanilla zustand store, and the pure reducers that fold
 * normalized stream events into them. Framework-free (no React).
 */
export { applyEvents, type ApplyEventsOptions } from "./applyEvents";
export {
  createFrameScheduler,
  type FlushScheduler,
  type FrameSchedulerOptions,
} from "./createFrameScheduler";
export {
  createStreamStore,
  type AnyRunSession,
  type StreamStore,
  type StreamStoreOptions,
  type StreamStoreState,
} from "./createStreamStore";
export {
  appendEvents,
  createEventLog,
  DEFAULT_EVENT_LOG_BYTE_CAP,
  DEFAULT_EVENT_LOG_CAP,
  eventLogAt,
  eventLogSize,
  eventLogSlice,
  eventLogToArray,
  type EventLog,
  type EventLogEntry,
  type EventLogOptions,
} from "./EventLog";
export { addInterrupts } from "./interrupts/addInterrupts";
export { clearInterrupts } from "./interrupts/clearInterrupts";
export { toPendingInterrupts, type PendingInterrupt } from "./interrupts/PendingInterrupt";
export { INTERRUPT_KEY, readEventInterrupts } from "./interrupts/readEventInterrupts";
export { applyMessageChunk } from "./messages/applyMessageChunk";
export type {
  ContentBlock,
  InvalidToolCall,
  Message,
  MessageContent,
  MessageMetadata,
  MessageType,
  ToolCall,
  ToolCallChunk,
  UsageMetadata,
} from "./messages/Message";
export { mergeContent } from "./messages/mergeContent";
export { mergeMessageChunk, startMessageFromChunk } from "./messages/mergeMessageChunk";
export { mergeToolCallChunks, toolCallsFromChunks } from "./messages/mergeToolCallChunks";
export {
  normalizeMessage,
  normalizeMessageType,
  readWireMessage,
  type WireMessage,
} from "./messages/normalizeMessage";
export { reconcileValuesMessages } from "./messages/reconcileValuesMessages";
export { REMOVE_ALL_MESSAGES, upsertMessages } from "./messages/upsertMessages";
export {
  createSession,
  type ConnectionState,
  type SessionConnection,
  type RunSession,
  type SubmitRefusal,
  type TurnError,
  type SessionError,
  type SessionInit,
  type SessionStatus,
  type SessionTimings,
} from "./RunSession";
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
} from "./selectors";
export {
  beginRun,
  endRun,
  failRun,
  joinRun,
  markOpen,
  isFinalStatus,
  markCancelling,
  resetSession,
  setConnection,
  setError,
  setRunIdentity,
  setStatus,
} from "./sessionReducers";
export {
  runDisplayStatus,
  sessionDisplayStatus,
  threadRunDisplayStatus,
  type DisplayStatusFacts,
  type RunDisplayStatus,
  type ThreadRunStatus,
} from "./runDisplayStatus";

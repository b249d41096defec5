/**
 * The stream buffer: run sessions in a vanilla zustand store, and the pure reducers that fold
 * normalized stream events into them. Framework-free (no React).
 */
export { applyEvents } from "./applyEvents";
export { createFrameScheduler, type FlushScheduler } from "./createFrameScheduler";
export { createStreamStore } from "./createStreamStore";
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
} from "./EventLog";
export { toPendingInterrupts, type PendingInterrupt } from "./interrupts/PendingInterrupt";
export { applyMessageChunk } from "./messages/applyMessageChunk";
export type { ContentBlock, Message, ToolCall } from "./messages/Message";
export { normalizeMessage, readWireMessage } from "./messages/normalizeMessage";
export { reconcileValuesMessages } from "./messages/reconcileValuesMessages";
export { upsertMessages } from "./messages/upsertMessages";
export {
  createSession,
  type ConnectionState,
  type SessionConnection,
  type RunSession,
  type SubmitRefusal,
  type TurnError,
  type SessionError,
  type SessionStatus,
} from "./RunSession";
export { selectInterrupts, selectMessages, selectSession, selectStatus } from "./selectors";
export {
  beginRun,
  endRun,
  joinRun,
  markOpen,
  markCancelling,
  resetSession,
  setConnection,
  setError,
  setRunIdentity,
  setStatus,
} from "./sessionReducers";

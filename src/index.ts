"use client";
/**
 * langgraph-runs-react: hooks and components for the LangGraph Agent Server's Runs API.
 * The runs client alone is at `langgraph-runs-react/client`, query keys and options for server
 * components at `langgraph-runs-react/query`, transcripts at `langgraph-runs-react/testing`,
 * the default theme at `langgraph-runs-react/styles.css`.
 *
 * Paths end in `/index` on purpose: in the emitted declarations `./client` would resolve to the
 * bundle `dist/client.js` (untyped) before the folder `dist/client/`.
 */
export * from "./hooks/index";
export * from "./components/index";
export * from "./query/index";
export {
  createRunController,
  RunController,
  DEFAULT_STREAM_MODES,
  type SubmitOptions,
  type ResubmitStrategy,
  type JoinRunOptions,
  type RunControllerOptions,
  type RunControllerCallbacks,
} from "./store/createRunController";
export {
  createStoragePersistence,
  type RunPersistence,
  type PersistedRun,
} from "./store/RunPersistence";
export {
  createStreamStore,
  eventLogAt,
  eventLogSize,
  eventLogSlice,
  eventLogToArray,
  type StreamStore,
  type EventLog,
  type EventLogEntry,
  type RunSession,
  type SubmitRefusal,
  type TurnError,
  type SessionStatus,
  type SessionError,
  type ConnectionState,
  type Message,
  type ContentBlock,
  type ToolCall,
  type PendingInterrupt,
} from "./store/index";
export {
  createClient,
  RunsClientError,
  isRunsClientError,
  isAbortError,
  type LangGraphRunsClient,
  type RunsErrorKind,
  type Run,
  type RunStatus,
  type StreamMode,
  type StreamEvent,
  type StreamPart,
  type ClientOptions,
  type Interrupt,
} from "./client/index";

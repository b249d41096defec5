"use client";
/**
 * langgraph-runs-react: hooks and components for the LangGraph Agent Server's Runs API.
 * The runs client alone is at `langgraph-runs-react/client`, the framework-free controller and
 * stream store at `langgraph-runs-react/core`, query keys and options for server components at
 * `langgraph-runs-react/query`, transcripts at `langgraph-runs-react/testing`, the default theme
 * at `langgraph-runs-react/styles.css`.
 *
 * Paths end in `/index` on purpose: in the emitted declarations `./client` would resolve to the
 * bundle `dist/client.js` (untyped) before the folder `dist/client/`.
 */
export * from "./hooks/index";
export * from "./components/index";
export * from "./query/index";
export type { SubmitOptions, ResubmitStrategy, JoinRunOptions } from "./store/createRunController";
export type { AnyRunHandle, ResumeOptions, RunHandle, RunRef } from "./store/RunHandle";
export type {
  CustomOf,
  InterruptOf,
  MessageInput,
  ResumeOf,
  RunInput,
  RunTypes,
  UpdateOf,
} from "./store/RunTypes";
export type { RunPersistence, PersistedRun } from "./store/RunPersistence";
export type {
  EventLog,
  EventLogEntry,
  RunSession,
  SubmitRefusal,
  TurnError,
  SessionStatus,
  SessionError,
  ConnectionState,
  SessionConnection,
  Message,
  ContentBlock,
  ToolCall,
  PendingInterrupt,
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

import type { RunsErrorKind } from "../client/RunsClientError";
import type { RunStatus } from "../client/types";
import { createEventLog, type EventLog } from "./EventLog";
import type { PendingInterrupt } from "./interrupts/PendingInterrupt";
import type { Message, MessageMetadata } from "./messages/Message";

/** The stream connection, as the runs client reports it. */
export type ConnectionState = "idle" | "connecting" | "open" | "reconnecting" | "closed" | "failed";

/** The stream connection of a session: its state, the reconnect attempt, and when that goes. */
export interface SessionConnection {
  state: ConnectionState;
  /** The reconnect attempt (0 when not reconnecting). */
  attempt: number;
  /** While reconnecting: when the next attempt goes (epoch ms), for a "retrying in 3 s" note. */
  retryAt?: number;
}

/** A run's status on the server, plus the client-side states before it is known. */
export type SessionStatus = "idle" | "starting" | RunStatus;

export interface SessionError {
  /** `stream` for an `error` event; the runs client's error kinds otherwise (`busy`, `network`, …). */
  kind: RunsErrorKind;
  message: string;
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** The error's name when the server gave one (`GraphRecursionError`, …). */
  name?: string;
}

export interface SessionTimings {
  /** When the session was asked to start a run (`setStatus(…, "starting", now)`) or got its first event. */
  startedAt?: number;
  firstEventAt?: number;
  /** When the run's first message event (a streamed chunk, or whole messages) arrived. */
  firstMessageAt?: number;
  lastEventAt?: number;
  /** When the run reached a final status. */
  endedAt?: number;
}

/** Everything the kit knows about one run's stream. Plain JSON, replaced (never mutated) on change. */
export interface RunSession<
  TValues = Record<string, unknown>,
  TCustom = unknown,
  TInterrupt = unknown,
> {
  /** The run handle's id; one session follows the successive runs of its controller. */
  id: string;
  threadId: string | null;
  runId: string | null;
  status: SessionStatus;
  /** A cancel was requested and the run has not ended yet. */
  cancelling: boolean;
  connection: SessionConnection;
  /** The latest state from a root `values` event, without `__interrupt__`. */
  values: TValues | null;
  /** Assembled messages, in order. */
  messages: Message[];
  /** Stream metadata of messages that came from `messages` tuples, by message id. */
  messageMetadata: Record<string, MessageMetadata>;
  /** Interrupts waiting for an answer, unique by id. */
  interrupts: PendingInterrupt<TInterrupt>[];
  /** The run paused at a static breakpoint (`interrupt_before` / `interrupt_after`). */
  breakpoint: boolean;
  /** Events received per mode (`type`), e.g. `{ messages: 120, values: 3 }`. */
  counts: Record<string, number>;
  eventLog: EventLog;
  lastCustom: TCustom | undefined;
  lastEventId: string | undefined;
  error: SessionError | null;
  /**
   * Errors of the session's earlier runs, each beside the message it followed, so a failed turn
   * keeps its error in the transcript after the next run starts.
   */
  turnErrors: TurnError[];
  /**
   * The last submit was refused because the thread is busy (non-fatal: the session follows the
   * run that is going). Answer it with the controller's `resubmit(strategy)` or `dismissRefusal()`.
   */
  refusal: SubmitRefusal | null;
  /** The thread's saved state is loading (`loadThreadState`: on mount on a thread, on a switch). */
  threadLoading: boolean;
  /** Loading the thread's saved state failed (e.g. `not_found`); cleared by the next load. */
  threadLoadError: SessionError | null;
  timings: SessionTimings;
}

/** A run's error, kept beside the turn it belongs to. */
export interface TurnError {
  /** The run that failed (null when it was refused before it had an id). */
  runId: string | null;
  /** The id of the last message before the error (null: before every message). */
  afterMessageId: string | null;
  error: SessionError;
}

/** A submit the server refused because the thread already runs something. */
export interface SubmitRefusal {
  kind: "busy";
  message: string;
  /** The run that keeps the thread busy, when known. */
  busyRunId: string | null;
  /** The submit waits for that run to end, then goes again (`resubmit("wait")`). */
  waiting: boolean;
}

export interface SessionInit {
  threadId?: string | null;
  runId?: string | null;
  status?: SessionStatus;
  /** Events the log keeps (default 5,000). */
  eventLogCap?: number;
  /** Estimated bytes of events the log keeps (default 8 MiB). */
  eventLogByteCap?: number;
}

/**
 * A fresh session.
 *
 * @example const session = createSession("thread-1:run-1", { threadId: "thread-1", runId: "run-1" });
 */
export function createSession<
  TValues = Record<string, unknown>,
  TCustom = unknown,
  TInterrupt = unknown,
>(id: string, init: SessionInit = {}): RunSession<TValues, TCustom, TInterrupt> {
  return {
    id,
    threadId: init.threadId ?? null,
    runId: init.runId ?? null,
    status: init.status ?? "idle",
    cancelling: false,
    connection: { state: "idle", attempt: 0 },
    values: null,
    messages: [],
    messageMetadata: {},
    interrupts: [],
    breakpoint: false,
    counts: {},
    eventLog: createEventLog({ cap: init.eventLogCap, byteCap: init.eventLogByteCap }),
    lastCustom: undefined,
    lastEventId: undefined,
    error: null,
    turnErrors: [],
    refusal: null,
    threadLoading: false,
    threadLoadError: null,
    timings: {},
  };
}

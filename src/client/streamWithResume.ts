import { backoffDelay, sleep } from "./backoff";
import { createIdleWatchdog } from "./createIdleWatchdog";
import { compareEventIds } from "./eventIds";
import { abortError } from "./HttpTransport";
import { readSseEvents } from "./readSseEvents";
import { redactValue } from "./redactValue";
import { RunsClientError } from "./RunsClientError";
import {
  isRunActive,
  type ReconnectInfo,
  type RunStatus,
  type StreamPart,
  type StreamResumeOptions,
} from "./types";

export interface RunTarget {
  threadId: string | null;
  runId: string | undefined;
}

/** How one stream opens its connections; supplied by the RunsClient. */
export interface StreamConnector {
  describe: string;
  /** The first connection (POST …/runs/stream, or GET …/runs/{r}/stream). */
  open(signal: AbortSignal): Promise<Response>;
  /** A re-join of a run from an event id (`"-1"` = from the start). */
  rejoin(
    target: RunTarget & { runId: string },
    lastEventId: string,
    signal: AbortSignal,
  ): Promise<Response>;
  /** The run's status, or undefined when the server cannot tell (stateless run, not found). */
  status(
    target: RunTarget & { runId: string },
    signal: AbortSignal | undefined,
  ): Promise<RunStatus | undefined>;
  /** Learns the run from the first response's headers. */
  identify(response: Response): { run_id: string; thread_id?: string } | undefined;
  /** Removes the API key from text a server may echo it in (error events and bodies). */
  redact: (text: string) => string;
}

export interface StreamWithResumeOptions extends StreamResumeOptions {
  target: RunTarget;
  /**
   * The run keeps its event log (the payload asked for `streamResumable`). Seeing event ids is
   * no proof: the JS server numbers the events of every thread stream, resumable or not, and
   * re-joining a run whose queue is consumed destructively would hand back a stream with a gap.
   */
  resumable: boolean;
  lastEventId?: string;
  signal?: AbortSignal;
  onRunCreated?: (meta: { run_id: string; thread_id?: string }) => void;
  /** Throw a `stream` error after yielding an `error` event (default true). */
  raiseError?: boolean;
  reconnectBaseDelayMs?: number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 5;

type ConnectionEnd =
  | { kind: "closed"; midFrame?: boolean }
  | { kind: "dropped"; reason: "network" | "stall"; error: unknown };

/**
 * Streams a run's events and survives connection loss: when the run is resumable and the
 * connection drops, stalls, or closes while the run is still active, it re-joins from the last
 * event id with backoff, and never yields an event twice.
 */
export async function* streamWithResume<T>(
  connector: StreamConnector,
  options: StreamWithResumeOptions,
  map: (part: StreamPart) => T,
): AsyncGenerator<T, void> {
  const state = {
    target: { ...options.target },
    lastEventId: options.lastEventId,
    announced: false,
  };
  const { resumable } = options;
  const maxAttempts = options.maxReconnectAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const canReconnect = options.reconnect !== false;
  let failures = 0;
  /** The current connection is a re-join (not the first request). */
  let rejoined = false;
  let connection = await connect((signal) => connector.open(signal), options.signal, connector);
  announceRun(state, connector.identify(connection.response), options);

  for (;;) {
    const before = state.lastEventId;
    // The per-event work happens here, in the one generator the caller iterates: `pump` hands
    // over a whole network chunk's events at a time, so an event costs one generator step, not
    // three (reader, pump, this). Each event is still checked, announced and mapped right
    // before it is yielded, as if the events came one by one.
    const reading = pump(connection, resumable, options, connector);
    let end: ConnectionEnd | undefined;
    let sawId = false;
    try {
      for (;;) {
        const step = await reading.next();
        if (step.done) {
          end = step.value;
          break;
        }
        const batch = step.value;
        for (let i = 0; i < batch.length; i++) {
          const part = batch[i]!;
          const id = part.id;
          if (part.event === "error") {
            batch[i] = { ...part, data: redactValue(part.data, connector.redact) };
          }
          if (id === undefined && part.event === "error" && rejoined && !sawId) {
            // Not an event of the run (those carry ids when it is resumable) but the server
            // refusing the re-join: the JS server answers 200 with `error: "Run not found"`.
            throw rejoinRefused(connector, batch[i]!.data);
          }
          if (id !== undefined) {
            sawId = true;
            if (
              state.lastEventId !== undefined &&
              (compareEventIds(id, state.lastEventId) ?? 1) <= 0
            )
              continue;
            state.lastEventId = id;
          }
          if (part.event === "end") return;
          if (part.event === "metadata")
            announceRun(state, runOfMetadata(part.data, state.target.threadId), options);
          // A caller's `.throw(error)` ends the stream with that error, like any generator's;
          // the `finally` below closes the connection.
          yield map(batch[i]!);
          if (part.event === "error") {
            if (options.raiseError === false) return;
            throw runError(batch[i]!.data);
          }
        }
      }
    } finally {
      // Stopped before the connection ended (end or error event, early stop by the caller):
      // closes the connection.
      if (end === undefined) await reading.return(undefined as never);
    }
    if (state.lastEventId !== before) failures = 0;
    const runId = state.target.runId;
    if (!canReconnect || !resumable || runId === undefined) {
      if (end.kind === "closed" && !end.midFrame) return;
      throw droppedError(
        connector,
        end.kind === "dropped" ? end.error : undefined,
        "the run is not resumable",
      );
    }
    const target = { threadId: state.target.threadId, runId };
    // A clean close is ambiguous, and so is a re-join that stalled without a new event: the JS
    // server holds a finished run's stream open ~500 ms, longer than a short idle timeout. When
    // the run is over, everything after the last event id has been delivered.
    const inconclusive =
      end.kind === "closed" || (end.reason === "stall" && rejoined && state.lastEventId === before);
    if (inconclusive && !(await stillActive(connector, target, options.signal))) {
      // Over, unless the body ended inside a frame: then a proxy closed early and a re-join
      // delivers the rest.
      if (!(end.kind === "closed" && end.midFrame)) return;
    }

    for (;;) {
      failures += 1;
      if (failures > maxAttempts) {
        throw droppedError(
          connector,
          end.kind === "dropped" ? end.error : undefined,
          `gave up after ${maxAttempts} attempts to resume`,
        );
      }
      const delayMs = backoffDelay(failures, {
        baseMs: options.reconnectBaseDelayMs ?? 250,
        maxMs: 5_000,
      });
      const info: ReconnectInfo = {
        attempt: failures,
        lastEventId: state.lastEventId,
        reason: end.kind === "closed" ? "closed-early" : end.reason,
        delayMs,
        ...(end.kind === "dropped" ? { error: end.error } : {}),
      };
      options.onReconnect?.(info);
      await sleep(delayMs, options.signal).catch((cause: unknown) => {
        throw abortError(connector, cause);
      });
      try {
        connection = await connect(
          (signal) => connector.rejoin(target, state.lastEventId ?? "-1", signal),
          options.signal,
          connector,
        );
        rejoined = true;
        break;
      } catch (error) {
        if (!isTransient(error)) throw error;
      }
    }
  }
}

/**
 * Reads one connection to its end; yields its events a network chunk at a time and reports how
 * the connection ended. The caller filters, announces and maps the events.
 */
async function* pump(
  { response, controller, release }: Connection,
  resumable: boolean,
  options: StreamWithResumeOptions,
  connector: StreamConnector,
): AsyncGenerator<StreamPart[], ConnectionEnd> {
  const body = response.body;
  let stalled = false;
  const watchdog = resumable
    ? createIdleWatchdog(options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS, () => {
        stalled = true;
        controller.abort(new DOMException("stalled", "TimeoutError"));
      })
    : createIdleWatchdog(0, () => {});
  try {
    if (!body) return { kind: "closed" };
    const cutMidFrame = yield* readSseEvents(body, watchdog);
    if (stalled) return { kind: "dropped", reason: "stall", error: undefined };
    return { kind: "closed", midFrame: cutMidFrame };
  } catch (error) {
    if (options.signal?.aborted) throw abortError(connector, error);
    if (error instanceof RunsClientError && error.kind === "server") throw error;
    return { kind: "dropped", reason: stalled ? "stall" : "network", error };
  } finally {
    watchdog.stop();
    // Ends the connection when the consumer stops early or the run finished.
    controller.abort();
    release();
  }
}

interface Connection {
  response: Response;
  /** Aborts this connection only (stall, early stop). */
  controller: AbortController;
  /** Stops following the caller's signal. */
  release: () => void;
}

/** Opens one connection with its own abort controller, which follows the caller's signal. */
async function connect(
  open: (signal: AbortSignal) => Promise<Response>,
  signal: AbortSignal | undefined,
  connector: StreamConnector,
): Promise<Connection> {
  const controller = new AbortController();
  const follow = () => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener("abort", follow, { once: true });
  const release = () => signal?.removeEventListener("abort", follow);
  try {
    const response = await open(controller.signal);
    await assertEventStream(response, signal, connector);
    return { response, controller, release };
  } catch (error) {
    release();
    throw error;
  }
}

async function assertEventStream(
  response: Response,
  signal: AbortSignal | undefined,
  connector: StreamConnector,
): Promise<void> {
  const type = response.headers.get("content-type") ?? "";
  if (response.body && !type.includes("text/event-stream")) {
    const text = await response.text().catch(() => "");
    if (signal?.aborted) throw abortError(connector);
    throw new RunsClientError({
      kind: "server",
      status: response.status,
      body: connector.redact(text.slice(0, 1000)),
      message: `${connector.describe}: expected an event stream but the server answered with ${type || "no content type"}`,
    });
  }
}

function announceRun(
  state: { target: { threadId: string | null; runId: string | undefined }; announced: boolean },
  meta: { run_id: string; thread_id?: string } | undefined,
  options: StreamWithResumeOptions,
): void {
  if (!meta || state.announced) return;
  state.announced = true;
  state.target.runId ??= meta.run_id;
  if (state.target.threadId === null && meta.thread_id) state.target.threadId = meta.thread_id;
  options.onRunCreated?.(meta);
}

function runOfMetadata(
  data: unknown,
  threadId: string | null,
): { run_id: string; thread_id?: string } | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const runId = (data as { run_id?: unknown }).run_id;
  if (typeof runId !== "string") return undefined;
  return threadId ? { run_id: runId, thread_id: threadId } : { run_id: runId };
}

async function stillActive(
  connector: StreamConnector,
  target: RunTarget & { runId: string },
  signal: AbortSignal | undefined,
): Promise<boolean> {
  try {
    const status = await connector.status(target, signal);
    return status !== undefined && isRunActive({ status });
  } catch (error) {
    if (signal?.aborted) throw abortError(connector, error);
    // Cannot tell: try to re-join; the join itself will say whether the run is there.
    return isTransient(error);
  }
}

function isTransient(error: unknown): boolean {
  if (!(error instanceof RunsClientError)) return true;
  return (
    error.kind === "network" ||
    error.kind === "timeout" ||
    error.kind === "rate_limited" ||
    (error.kind === "server" && (error.status ?? 0) >= 500)
  );
}

function runError(data: unknown): RunsClientError {
  const record = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const error = typeof record.error === "string" ? record.error : "Error";
  const message =
    typeof record.message === "string"
      ? record.message
      : typeof data === "string"
        ? data
        : "the run failed";
  return new RunsClientError({
    kind: "stream",
    message: `${error}: ${message}`,
    body: data,
    serverError: { error, message },
  });
}

function rejoinRefused(connector: StreamConnector, data: unknown): RunsClientError {
  const text = typeof data === "string" ? data : JSON.stringify(data);
  return new RunsClientError({
    kind: /not.?found/i.test(text) ? "not_found" : "network",
    message: `${connector.describe}: could not resume the run: ${text}`,
    body: data,
  });
}

function droppedError(connector: StreamConnector, cause: unknown, why: string): RunsClientError {
  return new RunsClientError({
    kind: "network",
    message: `${connector.describe}: the stream dropped (${why})`,
    cause,
  });
}

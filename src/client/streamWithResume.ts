import { backoffDelay, sleep } from "./backoff";
import { createIdleWatchdog } from "./createIdleWatchdog";
import { compareEventIds } from "./eventIds";
import { abortError } from "./HttpTransport";
import { readCappedText } from "./readCappedText";
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
  /** Throw a `stream` error after yielding an `error` event (default false: the stream ends). */
  raiseError?: boolean;
  /** A join's own clean end is followed by one more re-join (default false; see JoinStreamOptions). */
  rejoinOnCleanClose?: boolean;
  reconnectBaseDelayMs?: number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const DEFAULT_HEAD_TIMEOUT_MS = 60_000;
const DEFAULT_STATUS_CHECK_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_ATTEMPTS = 5;
const MAX_BACKOFF_MS = 5_000;

type ConnectionEnd =
  | { kind: "closed"; midFrame?: boolean }
  | { kind: "dropped"; reason: "network" | "stall"; error: unknown };

/** Why the next connection is made, and whether it counts against `maxReconnectAttempts`. */
interface NextConnection {
  reason: ReconnectInfo["reason"];
  error?: unknown;
  /** A failure (no progress); a re-join after a clean close with progress is not one. */
  counted: boolean;
  /** The previous connection ended cleanly: a run that is gone by now has ended. */
  afterCleanClose: boolean;
}

/** Ends the stream quietly (`return`) after an abort; thrown only when the caller asked for it. */
class QuietAbort {}

/**
 * Streams a run's events and never loses one on a resumable run:
 * - a drop, a stall, a cut inside a frame or a response head that never comes re-joins from
 *   the last event id (backoff with jitter, at most `maxReconnectAttempts` failures in a row);
 * - a clean close the server did not mark as the end (no `end`/`error` event) re-joins too, and
 *   the stream ends when a re-join has nothing more to give (checked with a bounded `runs.get`);
 * - no event is yielded twice.
 * A non-resumable stream that closes cleanly while `runs.get` says the run is still active fails
 * with a `network` error, keeping what arrived.
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
  const maxAttempts = options.maxReconnectAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const canReconnect = options.reconnect !== false;
  /** joinStream: the first request is a GET of a known run, so it may be retried. */
  const isJoin = options.target.runId !== undefined;
  let resumable = options.resumable;
  let failures = 0;
  let everConnected = false;
  let next: NextConnection | undefined;

  try {
    for (;;) {
      // A join's first request that never got a head is sent again as it was (a GET).
      const via = next === undefined || (isJoin && !everConnected) ? "open" : "rejoin";
      let connection: Connection;
      try {
        connection = await connect(
          via === "open"
            ? (signal) => connector.open(signal)
            : (signal) =>
                connector.rejoin(
                  { threadId: state.target.threadId, runId: state.target.runId! },
                  state.lastEventId ?? "-1",
                  signal,
                ),
          options,
          connector,
        );
      } catch (error) {
        if (options.signal?.aborted) throw abortedEnd(options, everConnected, connector, error);
        const retryable = canReconnect && (via === "rejoin" || isJoin) && isTransient(error);
        // A run that is gone after a clean close has ended: its re-join has nothing to add.
        if (next?.afterCleanClose && isGone(error)) return;
        // The re-join that only checks a clean close was refused outright (a 4xx from the
        // server or a proxy in between): the run's status decides, so a complete run that the
        // stream saw to its end does not turn into an error.
        if (
          next?.afterCleanClose &&
          !retryable &&
          isRefusal(error) &&
          state.target.runId !== undefined &&
          (await checkStatus(
            connector,
            { threadId: state.target.threadId, runId: state.target.runId },
            options,
          )) === "final"
        )
          return;
        if (!retryable) throw error;
        next = {
          reason: isHeadTimeout(error) ? "stall" : "network",
          error,
          counted: true,
          afterCleanClose: false,
        };
        failures = await waitToReconnect(next, failures, maxAttempts, state, options, connector);
        continue;
      }
      if (via === "open" && !everConnected) {
        const meta = connector.identify(connection.response);
        announceRun(state, meta, options);
        // A `Location` naming the run is the server saying where to re-join (the official
        // client's reconnect form): the stream is resumable even without `streamResumable`.
        if (meta && connection.response.headers.has("location")) resumable = true;
      }
      everConnected = true;

      const before = state.lastEventId;
      let delivered = 0;
      const reading = pump(connection, resumable, options, connector);
      let end: ConnectionEnd | undefined;
      try {
        for (;;) {
          const step = await reading.next();
          if (step.done) {
            end = step.value;
            break;
          }
          // The per-event work happens here, in the one generator the caller iterates: `pump`
          // hands over a whole network chunk's events at a time, so an event costs one
          // generator step, not three.
          const batch = step.value;
          for (let i = 0; i < batch.length; i++) {
            // Checked between events: the end is prompt even when the body ignores the signal.
            if (options.signal?.aborted)
              throw abortedEnd(options, everConnected, connector, options.signal.reason);
            let part = batch[i]!;
            const id = part.id;
            if (part.event === "error") {
              part = { ...part, data: redactValue(part.data, connector.redact) };
              if (id === undefined && via === "rejoin" && delivered === 0 && !sawIdIn(batch, i)) {
                // Not an event of the run (those carry ids when it is resumable) but the
                // server refusing the re-join: the JS server answers 200 with `error: "Run not
                // found"`. After a clean close the run is simply gone: it ended.
                if (next?.afterCleanClose) return;
                throw rejoinRefused(connector, part.data);
              }
            }
            if (id !== undefined) {
              if (state.lastEventId !== undefined && isReplayed(id, state.lastEventId)) continue;
              state.lastEventId = id;
            }
            delivered += 1;
            if (part.event === "end") return;
            if (part.event === "metadata")
              announceRun(state, runOfMetadata(part.data, state.target.threadId), options);
            // A caller's `.throw(error)` ends the stream with that error, like any generator's;
            // the `finally` below closes the connection.
            yield map(part);
            if (part.event === "error") {
              if (options.raiseError === true) throw runError(part.data);
              return;
            }
          }
        }
      } catch (error) {
        if (options.signal?.aborted && !(error instanceof QuietAbort))
          throw abortedEnd(options, everConnected, connector, error);
        throw error;
      } finally {
        // Stopped before the connection ended (end or error event, early stop by the caller):
        // closes the connection.
        if (end === undefined) await reading.return(undefined as never);
      }
      if (state.lastEventId !== before || delivered > 0) failures = 0;

      const decided = await decide(end, {
        via,
        progressed: delivered > 0,
        resumable: canReconnect && resumable && state.target.runId !== undefined,
        isJoin,
        state,
        options,
        connector,
      });
      if (decided === "complete") return;
      next = decided;
      failures = await waitToReconnect(next, failures, maxAttempts, state, options, connector);
    }
  } catch (error) {
    if (error instanceof QuietAbort) return;
    throw error;
  }
}

interface DecideContext {
  via: "open" | "rejoin";
  progressed: boolean;
  resumable: boolean;
  isJoin: boolean;
  state: { target: RunTarget; lastEventId: string | undefined };
  options: StreamWithResumeOptions;
  connector: StreamConnector;
}

/**
 * What follows the end of one connection: the stream is complete, or it re-joins (and why).
 * Throws when the stream cannot go on.
 */
async function decide(
  end: ConnectionEnd,
  { via, progressed, resumable, isJoin, state, options, connector }: DecideContext,
): Promise<"complete" | NextConnection> {
  const runId = state.target.runId;
  const target = runId === undefined ? undefined : { threadId: state.target.threadId, runId };
  const cleanClose = end.kind === "closed" && !end.midFrame;
  // The JS server holds a finished run's re-join open ~500 ms, longer than a short idle
  // timeout: a re-join that went quiet without a new event is judged like an empty clean close.
  const quietRejoin =
    end.kind === "dropped" && end.reason === "stall" && via === "rejoin" && !progressed;

  if (!resumable) {
    if (!cleanClose) {
      throw droppedError(
        connector,
        end.kind === "dropped" ? end.error : undefined,
        "the run is not resumable",
      );
    }
    // The server closes a stream when its run ends; a proxy may close it earlier. Nothing can
    // be fetched again, so an early close is an error, not a success.
    if (target && (await checkStatus(connector, target, options)) === "active") {
      throw droppedError(
        connector,
        undefined,
        "it closed while the run was still running, and the run is not resumable",
      );
    }
    return "complete";
  }
  if (cleanClose || quietRejoin) {
    // joinStream with lastEventId is itself a re-join: its clean end is the end (the official
    // client's one request), unless the caller asked for proof.
    if (cleanClose && via === "open" && isJoin && !options.rejoinOnCleanClose) return "complete";
    // The server sends no end marker: after a close with new events, a re-join delivers what
    // a proxy may have cut off. A re-join with nothing new ends the stream, unless the run is
    // still active (a proxy closed a live re-join before its first event).
    if (cleanClose && (via === "open" || progressed)) {
      return { reason: "closed-early", counted: false, afterCleanClose: true };
    }
    if ((await checkStatus(connector, target!, options)) !== "active") return "complete";
    return {
      reason: cleanClose ? "closed-early" : "stall",
      counted: true,
      afterCleanClose: cleanClose,
    };
  }
  return {
    reason: end.kind === "closed" ? "closed-early" : end.reason,
    error: end.kind === "dropped" ? end.error : undefined,
    counted: true,
    afterCleanClose: false,
  };
}

/**
 * Counts a failure (or not), reports a re-join after a failure, waits its delay. Returns the
 * failure count.
 */
async function waitToReconnect(
  next: NextConnection,
  failures: number,
  maxAttempts: number,
  state: { lastEventId: string | undefined },
  options: StreamWithResumeOptions,
  connector: StreamConnector,
): Promise<number> {
  const count = next.counted ? failures + 1 : failures;
  if (count > maxAttempts) {
    throw droppedError(connector, next.error, `gave up after ${maxAttempts} attempts to resume`);
  }
  const delayMs = next.counted
    ? backoffDelay(count, { baseMs: options.reconnectBaseDelayMs ?? 250, maxMs: MAX_BACKOFF_MS })
    : 0;
  // The re-join that follows a clean close with new events is no failure and usually finds the
  // run over: it is not reported (a UI would flash "reconnecting" at the end of every run).
  if (next.counted) {
    const info: ReconnectInfo = {
      attempt: count,
      lastEventId: state.lastEventId,
      reason: next.reason,
      delayMs,
      ...(next.error === undefined ? {} : { error: next.error }),
    };
    options.onReconnect?.(info);
  }
  await sleep(delayMs, options.signal).catch((cause: unknown) => {
    throw abortedEnd(options, true, connector, cause);
  });
  return count;
}

/**
 * What an abort becomes: a quiet end (the official client's `for await` just ends), or with
 * `raiseAbort` (or before the first response head, as the official client does) a typed
 * `AbortError`.
 */
function abortedEnd(
  options: StreamWithResumeOptions,
  started: boolean,
  connector: StreamConnector,
  cause: unknown,
): unknown {
  if (cause instanceof QuietAbort) return cause;
  if (cause instanceof RunsClientError && cause.kind === "aborted" && options.raiseAbort)
    return cause;
  if (options.raiseAbort || !started) return abortError(connector, cause);
  return new QuietAbort();
}

/** An id at or before the last delivered one: a replayed event. */
function isReplayed(id: string, lastEventId: string): boolean {
  if (id === lastEventId) return true;
  return (compareEventIds(id, lastEventId) ?? 1) <= 0;
}

function sawIdIn(batch: StreamPart[], index: number): boolean {
  for (let i = 0; i < index; i++) if (batch[i]!.id !== undefined) return true;
  return false;
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
  // A non-resumable stream cannot re-join, so silence is only cut short when the caller set a
  // limit (the JS server sends no heartbeats: a long silent node is normal).
  const idleMs = resumable
    ? (options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS)
    : (options.idleTimeoutMs ?? 0);
  const watchdog = createIdleWatchdog(idleMs, () => {
    stalled = true;
    controller.abort(new DOMException("stalled", "TimeoutError"));
  });
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

/**
 * Opens one connection with its own abort controller, which follows the caller's signal. Waits
 * at most `headTimeoutMs` for the response head, then fails with a `timeout` error.
 */
async function connect(
  open: (signal: AbortSignal) => Promise<Response>,
  options: StreamWithResumeOptions,
  connector: StreamConnector,
): Promise<Connection> {
  const { signal } = options;
  const controller = new AbortController();
  const follow = () => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener("abort", follow, { once: true });
  const release = () => signal?.removeEventListener("abort", follow);
  const headTimeoutMs = options.headTimeoutMs ?? DEFAULT_HEAD_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced rather than only aborted: a custom fetch may ignore the signal.
  const headTimeout = new Promise<never>((_, reject) => {
    if (!(headTimeoutMs > 0)) return;
    timer = setTimeout(() => {
      const error = new RunsClientError({
        kind: "timeout",
        message: `${connector.describe}: no response head within ${headTimeoutMs} ms`,
        operation: connector.describe,
      });
      controller.abort(error);
      reject(error);
    }, headTimeoutMs);
  });
  try {
    const response = await Promise.race([
      (async () => {
        const response = await open(controller.signal);
        await assertEventStream(response, signal, connector);
        return response;
      })(),
      headTimeout,
    ]);
    return { response, controller, release };
  } catch (error) {
    release();
    controller.abort();
    const reason: unknown = controller.signal.reason;
    if (!signal?.aborted && reason instanceof RunsClientError && reason.kind === "timeout")
      throw reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function assertEventStream(
  response: Response,
  signal: AbortSignal | undefined,
  connector: StreamConnector,
): Promise<void> {
  const type = response.headers.get("content-type") ?? "";
  if (response.body && !type.includes("text/event-stream")) {
    const text = await readCappedText(response).catch(() => "");
    if (signal?.aborted) throw abortError(connector);
    throw new RunsClientError({
      kind: "server",
      status: response.status,
      body: connector.redact(text.slice(0, 1000)),
      // The official client's wording, word for word (code matches on it).
      message: `Expected response header Content-Type to contain 'text/event-stream', got '${type.split(";")[0]}'`,
      operation: connector.describe,
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

/**
 * One run-status check within its own budget (`statusCheckTimeoutMs`, the transport's retries
 * included). `"unknown"` when the server cannot tell or the check fails or runs out: never an
 * error, so a failing check cannot turn a complete stream into a failed one. A programming error
 * (not an HTTP or network failure) is thrown.
 */
async function checkStatus(
  connector: StreamConnector,
  target: RunTarget & { runId: string },
  options: StreamWithResumeOptions,
): Promise<"active" | "final" | "unknown"> {
  const { signal } = options;
  const controller = new AbortController();
  const follow = () => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener("abort", follow, { once: true });
  const budgetMs = options.statusCheckTimeoutMs ?? DEFAULT_STATUS_CHECK_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<"unknown">((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new DOMException("status check budget spent", "TimeoutError"));
      resolve("unknown");
    }, budgetMs);
  });
  try {
    return await Promise.race([
      connector.status(target, controller.signal).then(
        (status) =>
          status === undefined ? "unknown" : isRunActive({ status }) ? "active" : "final",
        (error: unknown) => {
          if (signal?.aborted) throw abortedEnd(options, true, connector, error);
          if (!(error instanceof RunsClientError)) throw error;
          return "unknown" as const;
        },
      ),
      budget,
    ]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", follow);
  }
}

/**
 * Worth another attempt: network failures, timeouts, 429 and 5xx. Anything that is not a
 * `RunsClientError` (a `fetch` that returns `undefined`, a bug) is a programming error: never
 * retried.
 */
function isTransient(error: unknown): boolean {
  if (!(error instanceof RunsClientError)) return false;
  return (
    error.kind === "network" ||
    error.kind === "timeout" ||
    error.kind === "rate_limited" ||
    (error.kind === "server" && (error.status ?? 0) >= 500)
  );
}

function isHeadTimeout(error: unknown): boolean {
  return error instanceof RunsClientError && error.kind === "timeout";
}

/** The server (or a proxy) refused the request: an HTTP 4xx. */
function isRefusal(error: unknown): boolean {
  const status = error instanceof RunsClientError ? (error.status ?? 0) : 0;
  return status >= 400 && status < 500;
}

function isGone(error: unknown): boolean {
  return error instanceof RunsClientError && error.kind === "not_found";
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

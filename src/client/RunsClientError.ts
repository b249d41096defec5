/**
 * What went wrong, in words an app can branch on:
 * - `busy`: the thread is already running a task (409 from the Python server, 422 from the JS one);
 * - `not_found`: the thread, run or assistant does not exist (404);
 * - `validation`: the server rejected the request body or query (400, other 422);
 * - `unauthorized`: missing or wrong credentials (401, 403);
 * - `rate_limited`: too many requests (429; see `retryAfterMs`);
 * - `server`: the server failed (5xx, or a response the client cannot read);
 * - `network`: the request never got an answer, or a stream dropped and could not be resumed;
 * - `timeout`: no answer within `timeoutMs`;
 * - `aborted`: the caller's `AbortSignal` fired;
 * - `stream`: the run itself reported an error in-band (an SSE `error` event, or `wait`'s `__error__`).
 */
export type RunsErrorKind =
  | "busy"
  | "not_found"
  | "validation"
  | "unauthorized"
  | "rate_limited"
  | "server"
  | "network"
  | "timeout"
  | "aborted"
  | "stream";

export interface RunsClientErrorInit {
  kind: RunsErrorKind;
  message: string;
  status?: number;
  body?: unknown;
  /** The `{ error, message }` a run reported in-band. */
  serverError?: { error: string; message: string };
  retryAfterMs?: number;
  /** The call that failed, e.g. `"runs.get"`. */
  operation?: string;
  cause?: unknown;
}

/**
 * The one error type the runs client throws.
 *
 * @example
 * try { await client.runs.create(threadId, "agent", { input }); }
 * catch (e) { if (isRunsClientError(e) && e.kind === "busy") showToast("The thread is busy"); }
 */
export class RunsClientError extends Error {
  readonly kind: RunsErrorKind;
  readonly status: number | undefined;
  /** The parsed response body: JSON when it parses, else the text. */
  readonly body: unknown;
  readonly serverError: { error: string; message: string } | undefined;
  readonly retryAfterMs: number | undefined;
  /** The call that failed, e.g. `"runs.get"` (HTTP errors). */
  readonly operation: string | undefined;

  constructor(init: RunsClientErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = init.kind === "aborted" ? "AbortError" : "RunsClientError";
    this.kind = init.kind;
    this.status = init.status;
    this.body = init.body;
    this.serverError = init.serverError;
    this.retryAfterMs = init.retryAfterMs;
    this.operation = init.operation;
  }
}

/** True for any error thrown by the runs client. */
export function isRunsClientError(error: unknown): error is RunsClientError {
  return error instanceof RunsClientError;
}

/** True when the caller aborted the request or stream (not a failure to report). */
export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof RunsClientError && error.kind === "aborted") ||
    (error instanceof Error && error.name === "AbortError")
  );
}

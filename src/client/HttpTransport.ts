import { backoffDelay, sleep } from "./backoff";
import { errorFromResponse } from "./errorFromResponse";
import { redactValue } from "./redactValue";
import { RunsClientError } from "./RunsClientError";
import type { FetchLike, HeadersInput, ResolvedClientOptions } from "./types";

export type QueryValue = string | number | boolean | string[] | undefined | null;

export interface HttpRequest {
  method: "GET" | "POST" | "DELETE" | "PATCH";
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  headers?: HeadersInput;
  signal?: AbortSignal | undefined;
  /** `null` for no timeout (streams, `wait`, `join`). */
  timeoutMs?: number | null;
  /** Retry on network errors, 429 and 5xx. Only for idempotent requests. */
  idempotent?: boolean;
  /** Used in error messages, e.g. "runs.get". */
  describe: string;
  accept?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Sends requests to one Agent Server: URL building, headers (API key, per-request header
 * functions), timeouts, abort, retries of idempotent calls, typed errors.
 */
export class HttpTransport {
  readonly apiUrl: string;
  readonly #options: ResolvedClientOptions;
  readonly #fetchImpl: FetchLike;

  constructor(options: ResolvedClientOptions) {
    this.#options = options;
    this.apiUrl = options.apiUrl.replace(/\/+$/, "");
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (!fetchImpl) throw new TypeError("createClient: no fetch available; pass options.fetch");
    // Bound so a window.fetch is not called with the wrong `this`.
    this.#fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /**
   * Sends the request and returns the OK response (body unread: streams), or throws a
   * `RunsClientError`. The timeout covers the wait for the response headers.
   */
  send(request: HttpRequest): Promise<Response> {
    return this.#withRetries(request, async (response) => response);
  }

  /** Sends the request and parses the JSON answer (`undefined` for an empty body). */
  json<T>(request: HttpRequest): Promise<T> {
    return this.#withRetries(
      request,
      async (response) => (await readJson(response, request, this.redact)) as T,
    );
  }

  async #withRetries<T>(
    request: HttpRequest,
    consume: (response: Response) => Promise<T>,
  ): Promise<T> {
    const maxRetries = request.idempotent ? (this.#options.maxRetries ?? 3) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#sendOnce(request, consume);
      } catch (error) {
        if (!(error instanceof RunsClientError) || !isRetryable(error) || attempt >= maxRetries) {
          throw error;
        }
        const delay = error.retryAfterMs ?? backoffDelay(attempt + 1, { baseMs: 200, maxMs: 4000 });
        await sleep(Math.min(delay, 30_000), request.signal).catch(() => {
          throw abortError(request);
        });
      }
    }
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) params.append(key, item);
      else params.append(key, String(value));
    }
    const search = params.toString();
    return `${this.apiUrl}${path}${search ? `?${search}` : ""}`;
  }

  /**
   * Removes the API key (as given, trimmed, or JSON-escaped, the forms a runtime's error may
   * quote it in) and the `user:pass@` of the apiUrl from any text that could reach a log or the UI.
   */
  readonly redact = (text: string): string => {
    let redacted = text;
    for (const secret of this.#secrets) redacted = redacted.split(secret).join("[redacted]");
    return redacted;
  };

  /** The secrets `redact` removes, longest first (so a key's trimmed form leaves no tail). */
  get #secrets(): string[] {
    const key = this.#options.apiKey;
    const secrets = new Set<string>();
    if (key) {
      for (const form of [key, key.trim(), JSON.stringify(key).slice(1, -1)]) {
        if (form.length >= 4) secrets.add(form);
      }
    }
    const credentials = urlCredentials(this.apiUrl);
    if (credentials) secrets.add(credentials);
    return [...secrets].sort((a, b) => b.length - a.length);
  }

  async #sendOnce<T>(
    request: HttpRequest,
    consume: (response: Response) => Promise<T>,
  ): Promise<T> {
    const timeoutMs =
      request.timeoutMs === undefined
        ? (this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
        : request.timeoutMs;
    const { signal, cleanup, timedOut } = combineSignals(request.signal, timeoutMs);
    let response: Response;
    try {
      // Plain headers are used as they are, without an await: `fetch` is called in the same
      // task as the call that sends the request; only a headers function is waited for.
      const defaults = this.#options.defaultHeaders;
      const headers =
        typeof defaults === "function"
          ? this.#headers(request, await defaults())
          : this.#headers(request, defaults);
      response = await this.#fetchImpl(this.url(request.path, request.query), {
        method: request.method,
        headers,
        body: request.json === undefined ? undefined : JSON.stringify(request.json),
        signal,
        // A followed redirect would carry the API key (and any custom header) to wherever the
        // Location points, another origin included: redirects are answered with an error.
        redirect: "manual",
      });
    } catch (cause) {
      cleanup();
      if (request.signal?.aborted) throw abortError(request, cause);
      if (timedOut()) {
        throw new RunsClientError({
          kind: "timeout",
          message: `${request.describe} timed out after ${timeoutMs} ms`,
          cause,
        });
      }
      throw new RunsClientError({
        kind: "network",
        message: this.redact(
          `${request.describe} could not reach ${withoutCredentials(this.apiUrl)}: ${messageOf(cause)}`,
        ),
        // The runtime's error may quote the key (an invalid header value) or the URL with its
        // password; `console.error` prints causes too.
        cause: this.#redactCause(cause),
      });
    }
    try {
      if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
        throw this.#redirectError(response, request.describe);
      }
      if (!response.ok) {
        throw this.#redactError(await errorFromResponse(response, request.describe));
      }
      return await consume(response);
    } finally {
      cleanup();
    }
  }

  #headers(request: HttpRequest, defaults: HeadersInput | undefined): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const source of [defaults, request.headers]) {
      for (const [key, value] of Object.entries(source ?? {})) {
        if (value !== undefined) headers[key] = value;
      }
    }
    const lastEventId = headers["last-event-id"];
    if (lastEventId !== undefined) headers["last-event-id"] = toByteString(lastEventId);
    if (this.#options.apiKey) headers["x-api-key"] = this.#options.apiKey;
    if (request.json !== undefined) headers["content-type"] = "application/json";
    if (request.accept) headers["accept"] = request.accept;
    return headers;
  }

  #redactError(error: RunsClientError): RunsClientError {
    if (!this.#options.apiKey) return error;
    const body = redactValue(error.body, this.redact);
    if (body === error.body && !error.message.includes(this.#options.apiKey)) return error;
    return new RunsClientError({
      kind: error.kind,
      status: error.status,
      message: this.redact(error.message),
      body,
      retryAfterMs: error.retryAfterMs,
      operation: error.operation,
    });
  }

  /** `cause` itself when it holds no secret, else a copy with the secrets removed. */
  #redactCause(cause: unknown): unknown {
    const text = causeText(cause);
    if (this.redact(text) === text) return cause;
    const name = cause instanceof Error ? cause.name : "Error";
    const copy = new Error(this.redact(cause instanceof Error ? cause.message : String(cause)));
    copy.name = name;
    copy.stack = `${name}: ${copy.message}`;
    const inner = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined;
    if (inner !== undefined) (copy as { cause?: unknown }).cause = this.#redactCause(inner);
    return copy;
  }

  #redirectError(response: Response, describe: string): RunsClientError {
    void response.body?.cancel().catch(() => {});
    return new RunsClientError({
      kind: "server",
      status: response.status || undefined,
      message: `${describe}: the server redirected (${response.status}); redirects are not followed, set apiUrl to the final address`,
    });
  }
}

/** Reads a JSON body; the JS server pads long `wait`/`join` answers with `\n` keep-alives. */
export async function readJson(
  response: Response,
  request: Pick<HttpRequest, "describe" | "signal">,
  redact: (text: string) => string,
): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    if (request.signal?.aborted) throw abortError(request, cause);
    throw new RunsClientError({
      kind: "network",
      message: `${request.describe}: the connection dropped while reading the answer`,
      cause,
    });
  }
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  try {
    return JSON.parse(trimmed);
  } catch (cause) {
    throw new RunsClientError({
      kind: "server",
      status: response.status,
      body: redact(trimmed.slice(0, 1000)),
      message: `${request.describe}: the server's answer is not JSON`,
      cause,
    });
  }
}

export function abortError(
  request: Pick<HttpRequest, "describe">,
  cause?: unknown,
): RunsClientError {
  return new RunsClientError({
    kind: "aborted",
    message: `${request.describe} was aborted`,
    cause,
  });
}

function isRetryable(error: RunsClientError): boolean {
  if (error.kind === "network" || error.kind === "timeout") return true;
  return error.status !== undefined && RETRYABLE_STATUS.has(error.status);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

/**
 * A header value any `fetch` accepts: text outside Latin-1 as its UTF-8 bytes, one character per
 * byte, which is how `EventSource` sends `Last-Event-ID` (a server id like `"ид-1"` would
 * otherwise make every re-join throw).
 *
 * @example toByteString("é") // "é" (Latin-1 stays); toByteString("ид") // "Ð¸Ð´"
 */
function toByteString(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u00ff]*$/.test(value)) return value;
  return String.fromCharCode(...new TextEncoder().encode(value));
}

/** The apiUrl without its `user:pass@`, for messages. */
function withoutCredentials(apiUrl: string): string {
  const credentials = urlCredentials(apiUrl);
  return credentials ? apiUrl.replace(`${credentials}@`, "") : apiUrl;
}

/** The `user:pass` (or `user`) part of a URL, as written, if any. */
function urlCredentials(apiUrl: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(apiUrl);
  return match?.[1] || undefined;
}

/** Everything an error prints: name, message, stack, and its causes'. */
function causeText(cause: unknown, depth = 0): string {
  if (depth > 5) return "";
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  return `${cause.name}\n${cause.message}\n${cause.stack ?? ""}\n${
    inner === undefined ? "" : causeText(inner, depth + 1)
  }`;
}

/** The caller's signal plus a timeout, as one signal. */
function combineSignals(
  outer: AbortSignal | undefined,
  timeoutMs: number | null,
): { signal: AbortSignal | undefined; cleanup: () => void; timedOut: () => boolean } {
  if (timeoutMs === null) return { signal: outer, cleanup: () => {}, timedOut: () => false };
  const controller = new AbortController();
  let didTimeOut = false;
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => {
    didTimeOut = true;
    controller.abort(new DOMException("timeout", "TimeoutError"));
  }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => didTimeOut,
    cleanup: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    },
  };
}

import { runsPath } from "../client/paths";
import { serializeRunCreate } from "../client/serializeRunCreate";
import type { FetchLike, RunCreateOptions } from "../client/types";
import { sanitizeTranscript } from "./sanitizeTranscript";
import type { Transcript, TranscriptFrame } from "./Transcript";

export interface RecordTranscriptOptions {
  /** Base URL of the Agent Server, e.g. `http://127.0.0.1:2024`. */
  apiUrl: string;
  /** Sent as `x-api-key`; never stored in the transcript. */
  apiKey?: string;
  /** The thread to run on; omitted or `null` records a stateless run (`POST /runs/stream`). */
  threadId?: string | null;
  assistantId: string;
  /** The run, camelCase as for `client.runs.stream` (`input`, `command`, `streamMode`, …). */
  payload?: RunCreateOptions;
  /** The transcript's name (for fixtures: the file name without `.json`). */
  name: string;
  description?: string;
  /** Extra request headers (e.g. `authorization`); never stored. */
  headers?: Record<string, string>;
  /** More body keys whose values are secrets (see `SECRET_KEY_PATTERNS`), e.g. `["ssn"]`. */
  secretKeys?: (string | RegExp)[];
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  signal?: AbortSignal;
}

/**
 * Starts a streamed run (`POST /threads/{t}/runs/stream`, or `/runs/stream` without a thread) and
 * records the response as a `Transcript`: status, the kept headers, and every body chunk as
 * text with its arrival time (ms after the response arrived). Resolves when the server closes
 * the stream. A non-2xx answer is recorded too, but a redirect (3xx) is refused with an error and
 * never followed: it would carry the key, the headers and the input to wherever it points.
 * Credentials are never recorded: the API key and any extra header value are redacted wherever
 * they would appear, and fields whose key names a secret (`SECRET_KEY_PATTERNS`, `secretKeys`)
 * are removed from the body and their values redacted from the frames.
 *
 * @example
 * const transcript = await recordTranscript({
 *   apiUrl: "http://127.0.0.1:2024",
 *   threadId,
 *   assistantId: "agent",
 *   payload: { input: { messages: [{ type: "human", content: "hi" }] }, streamMode: ["messages-tuple"] },
 *   name: "hello",
 * });
 */
export async function recordTranscript(options: RecordTranscriptOptions): Promise<Transcript> {
  const apiUrl = options.apiUrl.replace(/\/+$/, "");
  const path = `${runsPath(options.threadId)}/stream`;
  const body = serializeRunCreate(options.assistantId, options.payload);
  const headers: Record<string, string> = {
    ...options.headers,
    "content-type": "application/json",
    accept: "text/event-stream",
  };
  if (options.apiKey) headers["x-api-key"] = options.apiKey;
  const secrets = [options.apiKey, ...Object.values(options.headers ?? {})];
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  let response: Response;
  try {
    response = await fetchImpl(`${apiUrl}${path}`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: options.signal,
      // Never followed: a redirect would carry the key, headers and input to another origin.
      redirect: "manual",
    });
  } catch (cause) {
    let reason = cause instanceof Error ? cause.message : String(cause);
    for (const secret of secrets) if (secret) reason = reason.split(secret).join("[redacted]");
    // The original error is left out on purpose: its message may hold the API key.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`recordTranscript: could not reach ${apiUrl}${path}: ${reason}`);
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    void response.body?.cancel().catch(() => {});
    throw new Error(
      `recordTranscript: ${apiUrl}${path} answered with a redirect (${response.status || "3xx"}); ` +
        "redirects are not followed: set apiUrl to the final address",
    );
  }
  const startedAt = now();

  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => (responseHeaders[name.toLowerCase()] = value));

  const frames: TranscriptFrame[] = [];
  if (response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        if (text !== "") frames.push({ atMs: elapsed(startedAt), text });
      }
      const rest = decoder.decode();
      if (rest !== "") frames.push({ atMs: elapsed(startedAt), text: rest });
    } finally {
      reader.releaseLock();
    }
  }

  const transcript: Transcript = {
    version: 1,
    name: options.name,
    request: { method: "POST", path, body },
    response: { status: response.status, headers: responseHeaders },
    frames,
  };
  if (options.description !== undefined) transcript.description = options.description;
  return sanitizeTranscript(transcript, { secrets, secretKeys: options.secretKeys });
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/** Ms since `start`, to a tenth of a millisecond. */
function elapsed(start: number): number {
  return Math.round((now() - start) * 10) / 10;
}

/**
 * A recorded SSE response of the Agent Server: the request that started it, the response status
 * and headers, and the body as the raw text chunks that arrived, each with its arrival time in
 * ms after the response started. Replaying the frames reproduces the recorded timing and the
 * recorded splits of the byte stream.
 *
 * Only `content-type`, `content-location` and `location` response headers are kept, and no
 * credential is ever stored (see `sanitizeTranscript`).
 *
 * @example
 * const transcript: Transcript = {
 *   version: 1,
 *   name: "hello",
 *   request: { method: "POST", path: "/threads/t-1/runs/stream", body: { assistant_id: "agent" } },
 *   response: { status: 200, headers: { "content-type": "text/event-stream" } },
 *   frames: [{ atMs: 4, text: 'event: metadata\ndata: {"run_id":"r-1","attempt":1}\nid: 0\n\n' }],
 * };
 */
export interface Transcript {
  version: 1;
  /** A short identifier, e.g. the fixture's file name without `.json`. */
  name: string;
  description?: string;
  request: TranscriptRequest;
  response: TranscriptResponse;
  frames: TranscriptFrame[];
}

export interface TranscriptRequest {
  /** Upper case: `POST`, `GET`, … */
  method: string;
  /** The path (and query, if any) without the server's origin, e.g. `/threads/{t}/runs/stream`. */
  path: string;
  /** The JSON body as sent on the wire (snake_case), without credentials. */
  body?: unknown;
}

export interface TranscriptResponse {
  status: number;
  /** Lower-case names; only `content-type`, `content-location` and `location`. */
  headers: Record<string, string>;
}

/** One chunk of the body, as received from the network. */
export interface TranscriptFrame {
  /** Arrival time in ms after the response (its headers) arrived. Never decreases. */
  atMs: number;
  text: string;
}

/** The response headers a transcript keeps; every other header is dropped when recording. */
export const TRANSCRIPT_HEADERS: readonly string[] = [
  "content-type",
  "content-location",
  "location",
];

/**
 * Checks a parsed (or raw JSON text) transcript file and returns it typed. Throws a `TypeError`
 * naming the first problem (`frames[3].atMs must be a finite number ≥ 0`, …).
 *
 * @example
 * import json from "./chat-tokens.json";
 * const transcript = parseTranscript(json);
 */
export function parseTranscript(json: unknown): Transcript {
  let value = json;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      throw new TypeError(`invalid transcript: not JSON (${messageOf(cause)})`, { cause });
    }
  }
  const root = expectRecord(value, "the transcript");
  const label = typeof root.name === "string" ? `transcript "${root.name}"` : "transcript";
  const fail = (message: string): never => {
    throw new TypeError(`invalid ${label}: ${message}`);
  };

  if (root.version !== 1) {
    fail(`unsupported version ${JSON.stringify(root.version)} (expected 1)`);
  }
  if (typeof root.name !== "string" || root.name === "") fail("name must be a non-empty string");
  if (root.description !== undefined && typeof root.description !== "string") {
    fail("description must be a string");
  }

  const request = expectRecord(root.request, "request", fail);
  if (typeof request.method !== "string" || !/^[A-Za-z]+$/.test(request.method)) {
    fail("request.method must be an HTTP method such as POST");
  }
  if (typeof request.path !== "string" || !request.path.startsWith("/")) {
    fail('request.path must be a string starting with "/"');
  }

  const response = expectRecord(root.response, "response", fail);
  const status = response.status;
  if (typeof status !== "number" || !Number.isInteger(status) || status < 200 || status > 599) {
    fail("response.status must be an HTTP status between 200 and 599");
  }
  const rawHeaders = expectRecord(response.headers, "response.headers", fail);
  const headers: Record<string, string> = {};
  for (const [name, headerValue] of Object.entries(rawHeaders)) {
    if (typeof headerValue !== "string") fail(`response.headers["${name}"] must be a string`);
    headers[name.toLowerCase()] = headerValue as string;
  }

  if (!Array.isArray(root.frames)) fail("frames must be an array");
  const rawFrames = root.frames as unknown[];
  const frames: TranscriptFrame[] = new Array<TranscriptFrame>(rawFrames.length);
  let previous = 0;
  for (let i = 0; i < rawFrames.length; i++) {
    const frame = rawFrames[i];
    if (typeof frame !== "object" || frame === null || Array.isArray(frame)) {
      fail(`frames[${i}] must be an object { atMs, text }`);
    }
    const { atMs, text } = frame as { atMs?: unknown; text?: unknown };
    if (typeof atMs !== "number" || !Number.isFinite(atMs) || atMs < 0) {
      fail(`frames[${i}].atMs must be a finite number ≥ 0`);
    }
    if ((atMs as number) < previous) {
      fail(`frames[${i}].atMs goes back in time (${String(atMs)} < ${previous})`);
    }
    if (typeof text !== "string") fail(`frames[${i}].text must be a string`);
    previous = atMs as number;
    frames[i] = { atMs: atMs as number, text: text as string };
  }

  const transcript: Transcript = {
    version: 1,
    name: root.name as string,
    request: {
      method: (request.method as string).toUpperCase(),
      path: request.path as string,
    },
    response: { status: status as number, headers },
    frames,
  };
  if (root.description !== undefined) transcript.description = root.description as string;
  if (request.body !== undefined) transcript.request.body = request.body;
  return transcript;
}

function expectRecord(
  value: unknown,
  what: string,
  fail: (message: string) => never = (message) => {
    throw new TypeError(`invalid transcript: ${message}`);
  },
): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail(`${what} must be an object`);
  }
  return value as Record<string, unknown>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { decodeSegment } from "../client/paths";
import type { Run, RunStatus, Thread } from "../client/types";
import { readTranscriptRun, type TranscriptRun } from "./readTranscriptRun";
import { routeShape } from "./routeShape";
import type { Transcript, TranscriptFrame } from "./Transcript";

/** A request as the replay saw it (given to `onRequest` and `select`). */
export interface ReplayRequest {
  method: string;
  url: URL;
  /** Path and query, without the origin. */
  path: string;
  /** The route shape of the path (`/threads/:id/runs/stream`), see `routeShape`. */
  route: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The body: parsed JSON, else the text; `undefined` when there is none. */
  body: unknown;
}

export interface ReplayFetchOptions {
  /**
   * Playback speed: `0` (default) sends every frame as soon as it is read, without timers;
   * `1` keeps the recorded timing; `n` plays n times faster.
   */
  speed?: number;
  /**
   * How the body is split into network chunks: `"recorded"` (default) as it arrived when
   * recorded, `"byte"` one byte per chunk, a number: every recorded frame cut into pieces of at
   * most that many bytes. Frames are never merged, so timing stays per frame.
   */
  chunking?: "recorded" | "byte" | number;
  /** Called for every request before it is answered (assert on what a hook sent). */
  onRequest?: (request: ReplayRequest) => void;
  /**
   * Picks the transcript for a request among those recorded for the same method and route.
   * Default: in order, one per request, starting over after the last. Return `undefined` to
   * fall through to the built-in routes.
   */
  select?: (request: ReplayRequest, candidates: readonly Transcript[]) => Transcript | undefined;
  /**
   * The id `POST /threads` answers with. Default: the thread of the first transcript recorded
   * on a thread (so ids in the replayed events agree), else `"replay-thread"`.
   */
  threadId?: string;
}

/** A `fetch` that answers from transcripts; pass it to `createClient({ fetch })`. */
export type ReplayFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

interface ServedRun {
  run: Run;
  /** Status once the replay is over (derived from the transcript). */
  finalStatus: RunStatus;
  /** Ends an ongoing replay cleanly (the cancel route). */
  stop: (() => void) | undefined;
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` that replays recorded transcripts instead of calling a server, for tests, stories
 * and benchmarks.
 *
 * Routes, in this order:
 * - a request whose method and route shape (ids replaced, query ignored: `POST
 *   /threads/:id/runs/stream`) match a transcript's request gets that transcript: its status,
 *   its headers (a `Content-Location` naming a thread is rewritten to the requested thread) and
 *   its frames as a streaming body. Several matching transcripts are served in order, starting
 *   over after the last; `select` can choose instead;
 * - `POST /threads`: a thread with a fixed id (`options.threadId`, or the body's `thread_id`);
 * - `GET /threads/:t`: that thread, idle;
 * - `GET /threads/:t/runs/:r`: the run of the transcript with that run id: `running` while its
 *   replay is going on, then `error` if the transcript has an `error` event, else `success`
 *   (`interrupted` after a cancel);
 * - `GET /threads/:t/runs`: the runs served on that thread so far, oldest first (`limit`,
 *   `offset` and `status` are honoured);
 * - `POST /threads/:t/runs/:r/cancel`: 204, and an ongoing replay of that run ends cleanly;
 * - anything else: 404 with a text body naming the route.
 *
 * Aborting the request's signal rejects a pending fetch, or errors the body with an
 * `AbortError` and clears every timer.
 *
 * @example
 * const fetch = createReplayFetch([transcripts["interrupt-hitl"], transcripts["interrupt-hitl-resume"]], { speed: 1 });
 * const client = createClient({ apiUrl: "http://replay.local", fetch });
 * for await (const event of client.runs.stream(threadId, "agent", { streamVersion: "v2" })) console.log(event.type);
 */
export function createReplayFetch(
  transcripts: Transcript | readonly Transcript[],
  options: ReplayFetchOptions = {},
): ReplayFetch {
  const list: readonly Transcript[] = Array.isArray(transcripts)
    ? transcripts
    : [transcripts as Transcript];
  const speed = options.speed ?? 0;
  if (!Number.isFinite(speed) || speed < 0) {
    throw new TypeError(`createReplayFetch: speed must be a number ≥ 0, got ${speed}`);
  }
  const chunkSize = chunkSizeOf(options.chunking ?? "recorded");
  const defaultThreadId =
    options.threadId ??
    list.map((t) => threadOfPath(t.request.path)).find((id) => id !== undefined) ??
    "replay-thread";
  const servedCount = new Map<string, number>();
  const runs = new Map<string, ServedRun>();
  const infos = new Map<Transcript, TranscriptRun>();
  const infoOf = (transcript: Transcript): TranscriptRun => {
    let info = infos.get(transcript);
    if (!info) infos.set(transcript, (info = readTranscriptRun(transcript)));
    return info;
  };

  function serveTranscript(transcript: Transcript, request: ReplayRequest, signal?: AbortSignal) {
    const { status } = transcript.response;
    const info = infoOf(transcript);
    const requestedThread = /^\/threads\/([^/?#]+)\//.exec(request.path)?.[1];
    const headers = new Headers(transcript.response.headers);
    for (const name of ["content-location", "location"]) {
      const value = headers.get(name);
      if (value && requestedThread) {
        headers.set(
          name,
          value.replace(/\/threads\/[^/]+\/runs\//, `/threads/${requestedThread}/runs/`),
        );
      }
    }

    let served: ServedRun | undefined;
    if (info.runId !== undefined && status >= 200 && status < 300) {
      const at = new Date().toISOString();
      served = {
        run: {
          run_id: info.runId,
          thread_id: requestedThread ? decodeSegment(requestedThread) : (info.threadId ?? ""),
          assistant_id: info.assistantId ?? "",
          created_at: at,
          updated_at: at,
          status: "running",
          metadata: {},
          multitask_strategy: "reject",
          kwargs: {},
        },
        finalStatus: info.status,
        stop: undefined,
      };
      runs.delete(info.runId); // re-inserted last: lists stay in serving order
      runs.set(info.runId, served);
    }
    const finish = (how: "done" | "aborted" | "stopped") => {
      if (!served) return;
      served.stop = undefined;
      if (served.run.status !== "running") return;
      served.run.status = how === "stopped" ? "interrupted" : served.finalStatus;
      served.run.updated_at = new Date().toISOString();
    };

    if (NULL_BODY_STATUS.has(status)) {
      finish("done");
      return new Response(null, { status, headers });
    }
    const replay = replayBody(transcript.frames, { speed, chunkSize, signal, onEnd: finish });
    if (served) served.stop = replay.stop;
    return new Response(replay.body, { status, headers });
  }

  function runRecord(runId: string): Run | undefined {
    const served = runs.get(runId);
    if (served) return { ...served.run };
    const transcript = list.find((t) => infoOf(t).runId === runId);
    if (!transcript) return undefined;
    const info = infoOf(transcript);
    const at = new Date(0).toISOString();
    return {
      run_id: runId,
      thread_id: info.threadId ?? defaultThreadId,
      assistant_id: info.assistantId ?? "",
      created_at: at,
      updated_at: at,
      status: info.status,
      metadata: {},
      multitask_strategy: "reject",
      kwargs: {},
    };
  }

  function builtInRoute(request: ReplayRequest): Response {
    const { method, route, url } = request;
    const ids = idsOf(url.pathname);
    if (method === "POST" && route === "/threads") {
      const asked = (request.body as { thread_id?: unknown } | undefined)?.thread_id;
      return json(200, idleThread(typeof asked === "string" ? asked : defaultThreadId));
    }
    // The kit reads the thread beside its state when it mounts on one.
    if (method === "GET" && route === "/threads/:id") return json(200, idleThread(ids[0]!));
    if (method === "GET" && route === "/threads/:id/runs/:id") {
      const run = runRecord(ids[1]!);
      return run ? json(200, run) : notFound(request, `run ${ids[1]} not found`);
    }
    if (method === "GET" && route === "/threads/:id/runs") {
      const status = url.searchParams.get("status");
      const offset = Number(url.searchParams.get("offset") ?? 0) || 0;
      const limit = Number(url.searchParams.get("limit") ?? 10) || 10;
      const items = [...runs.values()]
        .map((served) => ({ ...served.run }))
        .filter((run) => run.thread_id === ids[0] && (!status || run.status === status));
      return json(200, items.slice(offset, offset + limit));
    }
    if (method === "POST" && route === "/threads/:id/runs/:id/cancel") {
      const runId = ids[1]!;
      if (!runRecord(runId)) return notFound(request, `run ${runId} not found`);
      const served = runs.get(runId);
      if (served?.run.status === "running") {
        if (served.stop) served.stop();
        else {
          served.run.status = "interrupted";
          served.run.updated_at = new Date().toISOString();
        }
      }
      return new Response(null, { status: 204 });
    }
    return notFound(request);
  }

  return async function replayFetch(input, init) {
    const request = await readRequest(input, init);
    const signal = init?.signal ?? (isRequest(input) ? input.signal : undefined);
    if (signal?.aborted) throw abortError();
    options.onRequest?.(request);

    const candidates = list.filter(
      (t) => t.request.method === request.method && routeShape(t.request.path) === request.route,
    );
    let chosen: Transcript | undefined;
    if (options.select) {
      chosen = options.select(request, candidates);
    } else if (candidates.length > 0) {
      const key = `${request.method} ${request.route}`;
      const count = servedCount.get(key) ?? 0;
      servedCount.set(key, count + 1);
      chosen = candidates[count % candidates.length];
    }
    return chosen ? serveTranscript(chosen, request, signal ?? undefined) : builtInRoute(request);
  };
}

/**
 * The frames as a byte stream: pulled lazily (a 200,000-event transcript is never encoded at
 * once), timed against the moment the body was created, stopped by `signal` or `stop()`.
 */
function replayBody(
  frames: readonly TranscriptFrame[],
  options: {
    speed: number;
    chunkSize: number;
    signal: AbortSignal | undefined;
    onEnd: (how: "done" | "aborted" | "stopped") => void;
  },
): { body: ReadableStream<Uint8Array>; stop: () => void } {
  const { speed, chunkSize, signal, onEnd } = options;
  const encoder = new TextEncoder();
  const startedAt = now();
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let ended = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;

  const end = (how: "done" | "aborted" | "stopped") => {
    if (ended) return false;
    ended = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    signal?.removeEventListener("abort", onAbort);
    const resume = wake;
    wake = undefined;
    resume?.();
    onEnd(how);
    return true;
  };
  function onAbort() {
    if (end("aborted")) controller.error(abortError());
  }

  const enqueue = (frame: TranscriptFrame) => {
    if (frame.text === "") return;
    const bytes = encoder.encode(frame.text);
    if (chunkSize >= bytes.length) {
      controller.enqueue(bytes);
      return;
    }
    for (let at = 0; at < bytes.length; at += chunkSize) {
      controller.enqueue(bytes.subarray(at, at + chunkSize));
    }
  };
  const dueIn = (frame: TranscriptFrame) =>
    speed === 0 ? 0 : startedAt + frame.atMs / speed - now();

  /** Sends the next frame and every later frame already due; closes after the last. */
  const deliver = () => {
    enqueue(frames[next++]!);
    while (speed !== 0 && next < frames.length && dueIn(frames[next]!) <= 0) {
      enqueue(frames[next++]!);
    }
    if (next >= frames.length && end("done")) controller.close();
  };

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal?.aborted) {
        ended = true;
        c.error(abortError());
        onEnd("aborted");
        return;
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      if (frames.length === 0 && end("done")) c.close();
    },
    pull() {
      if (ended) return;
      const wait = dueIn(frames[next]!);
      if (wait <= 0) return deliver();
      return new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(() => {
          timer = undefined;
          wake = undefined;
          if (!ended) deliver();
          resolve();
        }, Math.ceil(wait)); // never early: timers truncate fractions
      });
    },
    cancel() {
      end("aborted");
    },
  });

  const stop = () => {
    if (end("stopped")) controller.close();
  };
  return { body, stop };
}

async function readRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<ReplayRequest> {
  const request = isRequest(input) ? input : undefined;
  const url = new URL(request ? request.url : String(input), "http://replay.local");
  const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
  const headers: Record<string, string> = {};
  new Headers(init?.headers ?? request?.headers).forEach((value, name) => (headers[name] = value));
  let text: string | undefined;
  if (typeof init?.body === "string") text = init.body;
  else if (init?.body != null) text = await new Response(init.body).text();
  else if (request?.body) text = await request.clone().text();
  let body: unknown = text;
  if (text !== undefined) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const path = `${url.pathname}${url.search}`;
  return { method, url, path, route: routeShape(url.pathname), headers, body };
}

function isRequest(input: unknown): input is Request {
  return typeof Request !== "undefined" && input instanceof Request;
}

/** The ids in a path, in order (`/threads/a/runs/b/cancel` → `["a", "b"]`). */
function idsOf(pathname: string): string[] {
  const shape = routeShape(pathname).split("/");
  const segments = pathname.split("/");
  return segments.filter((_, i) => shape[i] === ":id").map(decodeSegment);
}

function chunkSizeOf(chunking: "recorded" | "byte" | number): number {
  if (chunking === "recorded") return Number.POSITIVE_INFINITY;
  if (chunking === "byte") return 1;
  if (typeof chunking === "number" && Number.isInteger(chunking) && chunking > 0) return chunking;
  throw new TypeError(
    `createReplayFetch: chunking must be "recorded", "byte" or a positive integer, got ${String(chunking)}`,
  );
}

function json(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { "content-type": "application/json" },
  });
}

function notFound(request: ReplayRequest, detail?: string): Response {
  const text = detail
    ? `Not found: ${detail}`
    : `Not found: the replay has no transcript or route for ${request.method} ${request.path} ` +
      `(route ${request.route})`;
  return new Response(text, { status: 404, headers: { "content-type": "text/plain" } });
}

function abortError(): DOMException {
  return new DOMException("This operation was aborted", "AbortError");
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

function threadOfPath(path: string): string | undefined {
  const match = /^\/threads\/([^/?#]+)/.exec(path);
  return match ? decodeSegment(match[1]!) : undefined;
}

/** A thread as the server describes a new one: idle, no values. */
function idleThread(threadId: string): Thread {
  const at = new Date().toISOString();
  return {
    thread_id: threadId,
    created_at: at,
    updated_at: at,
    metadata: {},
    status: "idle",
    values: null,
    interrupts: {},
  };
}

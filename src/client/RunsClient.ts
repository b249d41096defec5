import { readJson, type HttpTransport } from "./HttpTransport";
import { parseRunLocation, runPath, runsPath } from "./paths";
import { RunsClientError } from "./RunsClientError";
import { redactValue } from "./redactValue";
import { serializeRunCreate } from "./serializeRunCreate";
import { streamWithResume, type StreamConnector, type RunTarget } from "./streamWithResume";
import { toStreamEvent } from "./toStreamEvent";
import type {
  CancelAction,
  CancelManyOptions,
  JoinOptions,
  JoinStreamOptions,
  JsonObject,
  ListRunsOptions,
  RequestOptions,
  Run,
  RunsBatchItem,
  RunsCreatePayload,
  RunsStreamPayload,
  RunsWaitPayload,
  StreamItem,
  StreamPart,
  StreamVersion,
} from "./types";

/**
 * The Runs API, with the official JS SDK's method names, argument order, camelCase payloads
 * and return shapes, so code written for its `client.runs` runs unchanged.
 *
 * @example
 * const { runs } = createClient({ apiUrl: "http://127.0.0.1:2024" });
 * for await (const part of runs.stream(threadId, "agent", { input, streamMode: ["messages-tuple"] })) {
 *   console.log(part.event, part.data);
 * }
 */
export class RunsClient<TStateType = JsonObject> {
  readonly #http: HttpTransport;

  constructor(http: HttpTransport) {
    this.#http = http;
  }

  /**
   * Starts a run and streams its events. Yields `{ event, data, id }` parts, or normalized
   * `{ type, ns, data, interrupts, id, event }` events with `streamVersion: "v2"`. With
   * `streamResumable: true` a dropped, stalled or early-closed connection is re-joined from the
   * last event id, without repeating an event.
   */
  stream<TVersion extends StreamVersion = "v1">(
    threadId: string | null,
    assistantId: string,
    payload: RunsStreamPayload<TVersion> = {},
  ): AsyncGenerator<StreamItem<TVersion>, void> {
    const describe = "runs.stream";
    const connector = this.#connector(describe, (signal) =>
      this.#http.send({
        method: "POST",
        path: `${runsPath(threadId)}/stream`,
        json: serializeRunCreate(assistantId, payload),
        signal,
        timeoutMs: null,
        accept: "text/event-stream",
        describe,
      }),
    );
    return streamWithResume(
      connector,
      {
        ...payload,
        target: { threadId, runId: undefined },
        resumable: payload.streamResumable === true,
      },
      itemMapper(payload.streamVersion),
    );
  }

  /** Starts a background run and returns its record. */
  async create(
    threadId: string | null,
    assistantId: string,
    payload: RunsCreatePayload = {},
  ): Promise<Run> {
    const response = await this.#http.send({
      method: "POST",
      path: runsPath(threadId),
      json: serializeRunCreate(assistantId, payload),
      signal: payload.signal,
      describe: "runs.create",
    });
    this.#reportRunCreated(response, payload);
    return (await this.#readJson(response, "runs.create", payload.signal)) as Run;
  }

  /** Starts several stateless background runs at once; every item is serialized in full. */
  async createBatch(payloads: RunsBatchItem[], options: RequestOptions = {}): Promise<Run[]> {
    return this.#http.json<Run[]>({
      method: "POST",
      path: "/runs/batch",
      json: payloads.map((item) => serializeRunCreate(item.assistantId, item)),
      signal: options.signal,
      describe: "runs.createBatch",
    });
  }

  /**
   * Starts a run and resolves with its final state values. A run that fails throws a `stream`
   * error carrying the server's error (unless `raiseError: false`).
   */
  async wait(
    threadId: string | null,
    assistantId: string,
    payload: RunsWaitPayload = {},
  ): Promise<TStateType> {
    const response = await this.#http.send({
      method: "POST",
      path: `${runsPath(threadId)}/wait`,
      json: serializeRunCreate(assistantId, payload),
      signal: payload.signal,
      timeoutMs: null,
      describe: "runs.wait",
    });
    this.#reportRunCreated(response, payload);
    const values = await this.#readJson(response, "runs.wait", payload.signal);
    if (payload.raiseError !== false) throwIfRunFailed(values, "runs.wait", this.#http.redact);
    return values as TStateType;
  }

  /** Lists a thread's runs (server default order; the JS server returns oldest first). */
  async list(threadId: string, options: ListRunsOptions = {}): Promise<Run[]> {
    return this.#http.json<Run[]>({
      method: "GET",
      path: runsPath(threadId),
      query: {
        limit: options.limit ?? 10,
        offset: options.offset ?? 0,
        status: options.status,
        select: options.select,
      },
      signal: options.signal,
      idempotent: true,
      describe: "runs.list",
    });
  }

  async get(threadId: string, runId: string, options: RequestOptions = {}): Promise<Run> {
    return this.#http.json<Run>({
      method: "GET",
      path: runPath(threadId, runId),
      signal: options.signal,
      idempotent: true,
      describe: "runs.get",
    });
  }

  /**
   * Asks the server to cancel a run. Without `wait` the answer (202) is only a request: confirm
   * with `get`. `rollback` also deletes the run and its checkpoints.
   */
  async cancel(
    threadId: string,
    runId: string,
    wait = false,
    action: CancelAction = "interrupt",
    options: RequestOptions = {},
  ): Promise<void> {
    await this.#http.json<unknown>({
      method: "POST",
      path: `${runPath(threadId, runId)}/cancel`,
      // The JS server parses `wait` laxly (`wait=0` waits too): send it only when true.
      query: { wait: wait ? "true" : undefined, action },
      signal: options.signal,
      timeoutMs: wait ? null : undefined,
      idempotent: true,
      describe: "runs.cancel",
    });
  }

  /** Cancels several runs (Python server; the JS server has no such route and answers 404). */
  async cancelMany(options: CancelManyOptions): Promise<void> {
    await this.#http.json<unknown>({
      method: "POST",
      path: "/runs/cancel",
      json: dropUndefined({
        thread_id: options.threadId,
        run_ids: options.runIds,
        status: options.status,
      }),
      query: { action: options.action },
      signal: options.signal,
      idempotent: true,
      describe: "runs.cancelMany",
    });
  }

  /** Waits for a run to finish and resolves with the thread's final values. */
  async join(threadId: string, runId: string, options: JoinOptions = {}): Promise<TStateType> {
    const values = await this.#http.json<unknown>({
      method: "GET",
      path: `${runPath(threadId, runId)}/join`,
      query: { cancel_on_disconnect: options.cancelOnDisconnect ? "true" : undefined },
      signal: options.signal,
      timeoutMs: null,
      idempotent: true,
      describe: "runs.join",
    });
    throwIfRunFailed(values, "runs.join", this.#http.redact);
    return values as TStateType;
  }

  /**
   * Streams a running (or finished, resumable) run. `lastEventId` replays only what came after
   * it (`"-1"`: everything). Accepts an `AbortSignal` in place of options, like the SDK.
   */
  joinStream<TVersion extends StreamVersion = "v1">(
    threadId: string | null | undefined,
    runId: string,
    options: JoinStreamOptions<TVersion> | AbortSignal = {},
  ): AsyncGenerator<StreamItem<TVersion>, void> {
    const opts: JoinStreamOptions<TVersion> = isAbortSignal(options)
      ? { signal: options }
      : options;
    const target: RunTarget = { threadId: threadId ?? null, runId };
    const connector = this.#connector(
      "runs.joinStream",
      (signal) =>
        this.#joinRequest({ threadId: target.threadId, runId }, opts.lastEventId, signal, opts),
      opts,
    );
    // A caller that passes a last event id knows the run keeps its log.
    return streamWithResume(
      connector,
      { ...opts, target, resumable: opts.lastEventId !== undefined },
      itemMapper(opts.streamVersion),
    );
  }

  async delete(threadId: string, runId: string, options: RequestOptions = {}): Promise<void> {
    await this.#http.json<unknown>({
      method: "DELETE",
      path: runPath(threadId, runId),
      signal: options.signal,
      idempotent: true,
      describe: "runs.delete",
    });
  }

  /** `joinOptions`: what a `joinStream` caller asked of the join, kept on every re-join. */
  #connector(
    describe: string,
    open: StreamConnector["open"],
    joinOptions: Pick<JoinStreamOptions, "cancelOnDisconnect" | "streamMode"> = {},
  ): StreamConnector {
    return {
      describe,
      open,
      rejoin: (target, lastEventId, signal) =>
        this.#joinRequest(target, lastEventId, signal, joinOptions),
      status: async (target, signal) => {
        if (target.threadId === null) return undefined;
        try {
          return (await this.get(target.threadId, target.runId, { signal })).status;
        } catch (error) {
          if (error instanceof RunsClientError && error.kind === "not_found") return undefined;
          throw error;
        }
      },
      redact: this.#http.redact,
      identify: (response) =>
        parseRunLocation(response.headers.get("content-location"), this.#http.apiUrl) ??
        parseRunLocation(response.headers.get("location"), this.#http.apiUrl),
    };
  }

  #joinRequest(
    target: { threadId: string | null; runId: string },
    lastEventId: string | undefined,
    signal: AbortSignal,
    options: Pick<JoinStreamOptions, "cancelOnDisconnect" | "streamMode">,
  ): Promise<Response> {
    return this.#http.send({
      method: "GET",
      path: `${runPath(target.threadId, target.runId)}/stream`,
      query: {
        cancel_on_disconnect: options.cancelOnDisconnect ? "true" : undefined,
        stream_mode: options.streamMode,
      },
      headers: lastEventId === undefined ? undefined : { "last-event-id": lastEventId },
      signal,
      timeoutMs: null,
      accept: "text/event-stream",
      describe: "runs.joinStream",
    });
  }

  #reportRunCreated(response: Response, payload: RunsCreatePayload): void {
    const meta = parseRunLocation(response.headers.get("content-location"), this.#http.apiUrl);
    if (meta) payload.onRunCreated?.(meta);
  }

  #readJson(response: Response, describe: string, signal?: AbortSignal): Promise<unknown> {
    return readJson(response, { describe, signal }, this.#http.redact);
  }
}

/** Classic parts as they are, or normalized events for `streamVersion: "v2"`. */
function itemMapper<TVersion extends StreamVersion>(
  version: TVersion | undefined,
): (part: StreamPart) => StreamItem<TVersion> {
  return (version === "v2" ? toStreamEvent : (part: StreamPart) => part) as (
    part: StreamPart,
  ) => StreamItem<TVersion>;
}

/** `wait` and `join` report a failed run in the body: `{ "__error__": { error, message } }`. */
function throwIfRunFailed(
  values: unknown,
  describe: string,
  redact: (text: string) => string,
): void {
  if (typeof values !== "object" || values === null || !("__error__" in values)) return;
  values = redactValue(values, redact);
  const failure = (values as { __error__: unknown }).__error__;
  const record =
    typeof failure === "object" && failure !== null ? (failure as Record<string, unknown>) : {};
  const error = typeof record.error === "string" ? record.error : "Error";
  const message = typeof record.message === "string" ? record.message : "the run failed";
  throw new RunsClientError({
    kind: "stream",
    message: `${describe}: ${error}: ${message}`,
    body: values,
    serverError: { error, message },
  });
}

function dropUndefined(record: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof AbortSignal !== "undefined" && value instanceof AbortSignal;
}

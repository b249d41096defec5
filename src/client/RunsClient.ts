import { readJson, type HttpRequest, type HttpTransport, type QueryValue } from "./HttpTransport";
import { parseRunLocation, runPath, runsPath } from "./paths";
import { RunsClientError } from "./RunsClientError";
import { redactValue } from "./redactValue";
import { serializeRunCreate } from "./serializeRunCreate";
import { streamWithResume, type StreamConnector, type RunTarget } from "./streamWithResume";
import type { TypedStreamPart } from "./streamPartTypes";
import { toStreamEvent } from "./toStreamEvent";
import type {
  CancelAction,
  CancelOptions,
  IdleReconnectMode,
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
  StreamEvent,
  StreamItem,
  StreamMode,
  StreamPart,
  StreamVersion,
} from "./types";

/** What `stream`/`joinStream` yield: typed classic parts, or normalized events for `"v2"`. */
export type RunStreamItem<
  TVersion extends StreamVersion,
  TStreamMode extends StreamMode | StreamMode[],
  TSubgraphs extends boolean,
  TState,
  TUpdate,
  TCustom,
> = TVersion extends "v2"
  ? StreamEvent
  : TypedStreamPart<TStreamMode, TSubgraphs, TState, TUpdate, TCustom>;

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
export class RunsClient<
  TStateType = JsonObject,
  TUpdateType = TStateType,
  TCustomEventType = unknown,
> {
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
  stream<
    TStreamMode extends StreamMode | StreamMode[] = StreamMode,
    TSubgraphs extends boolean = false,
    TVersion extends StreamVersion = "v1",
  >(
    threadId: string | null,
    assistantId: string,
    payload: RunsStreamPayload<TVersion, TStreamMode, TSubgraphs> = {},
  ): AsyncGenerator<
    RunStreamItem<TVersion, TStreamMode, TSubgraphs, TStateType, TUpdateType, TCustomEventType>,
    void
  > {
    const describe = "runs.stream";
    const connector = this.#connector(
      describe,
      (signal) =>
        this.#http.send({
          method: "POST",
          path: `${runsPath(threadId)}/stream`,
          json: serializeRunCreate(assistantId, payload),
          query: withParams({ namespace: payload.streamNamespaces }, payload),
          headers: payload.headers,
          signal,
          timeoutMs: null,
          accept: "text/event-stream",
          describe,
        }),
      { headers: payload.headers },
    );
    return streamWithResume(
      connector,
      {
        ...payload,
        idleTimeoutMs: idleTimeoutOf(payload),
        target: { threadId, runId: undefined },
        resumable: payload.streamResumable === true,
      },
      itemMapper(payload.streamVersion),
    ) as AsyncGenerator<
      RunStreamItem<TVersion, TStreamMode, TSubgraphs, TStateType, TUpdateType, TCustomEventType>,
      void
    >;
  }

  /** Starts a background run and returns its record. */
  async create(
    threadId: string | null,
    assistantId: string,
    payload: RunsCreatePayload = {},
  ): Promise<Run> {
    const response = await this.#http.send({
      ...perCall(payload),
      method: "POST",
      path: runsPath(threadId),
      json: serializeRunCreate(assistantId, payload),
      describe: "runs.create",
    });
    this.#reportRunCreated(response, payload);
    return (await this.#readJson(response, "runs.create", payload.signal)) as Run;
  }

  /** Starts several stateless background runs at once; every item is serialized in full. */
  async createBatch(payloads: RunsBatchItem[], options: RequestOptions = {}): Promise<Run[]> {
    return this.#http.json<Run[]>({
      ...perCall(options),
      method: "POST",
      path: "/runs/batch",
      json: payloads.map((item) => serializeRunCreate(item.assistantId, item)),
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
      ...perCall(payload),
      method: "POST",
      path: `${runsPath(threadId)}/wait`,
      json: serializeRunCreate(assistantId, payload),
      timeoutMs: null,
      describe: "runs.wait",
    });
    this.#reportRunCreated(response, payload);
    const values = await this.#readJson(response, "runs.wait", payload.signal);
    if (payload.raiseError !== false) throwIfRunFailed(values, this.#http.redact);
    return values as TStateType;
  }

  /** Lists a thread's runs (server default order; the JS server returns oldest first). */
  async list(threadId: string, options: ListRunsOptions = {}): Promise<Run[]> {
    return this.#http.json<Run[]>({
      ...perCall(options),
      method: "GET",
      path: runsPath(threadId),
      query: withParams(
        {
          limit: options.limit ?? 10,
          offset: options.offset ?? 0,
          status: options.status,
          select: options.select,
        },
        options,
      ),
      idempotent: true,
      describe: "runs.list",
    });
  }

  async get(threadId: string, runId: string, options: RequestOptions = {}): Promise<Run> {
    return this.#http.json<Run>({
      ...perCall(options),
      method: "GET",
      path: runPath(threadId, runId),
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
    options: CancelOptions = {},
  ): Promise<void> {
    await this.#http.json<unknown>({
      ...perCall(options),
      method: "POST",
      path: `${runPath(threadId, runId)}/cancel`,
      // The JS server parses `wait` laxly (`wait=0` waits too): send it only when true.
      query: withParams(
        { wait: wait ? "true" : undefined, action, reason: options.reason },
        options,
      ),
      timeoutMs: wait ? null : undefined,
      idempotent: true,
      describe: "runs.cancel",
    });
  }

  /** Cancels several runs (Python server; the JS server has no such route and answers 404). */
  async cancelMany(options: CancelManyOptions): Promise<void> {
    await this.#http.json<unknown>({
      ...perCall(options),
      method: "POST",
      path: "/runs/cancel",
      json: dropUndefined({
        thread_id: options.threadId,
        run_ids: options.runIds,
        status: options.status,
      }),
      query: withParams({ action: options.action }, options),
      idempotent: true,
      describe: "runs.cancelMany",
    });
  }

  /**
   * Waits for a run to finish and resolves with the thread's final values. Like the official
   * client, a failed run resolves with `{ __error__: { error, message } }`; pass
   * `raiseError: true` to reject with a typed `stream` error instead.
   */
  async join(threadId: string, runId: string, options: JoinOptions = {}): Promise<TStateType> {
    const values = await this.#http.json<unknown>({
      ...perCall(options),
      method: "GET",
      path: `${runPath(threadId, runId)}/join`,
      query: withParams({ cancel_on_disconnect: options.cancelOnDisconnect ? "1" : "0" }, options),
      timeoutMs: null,
      idempotent: true,
      describe: "runs.join",
    });
    if (options.raiseError === true) throwIfRunFailed(values, this.#http.redact);
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
  ): AsyncGenerator<
    RunStreamItem<TVersion, StreamMode, boolean, TStateType, TUpdateType, TCustomEventType>,
    void
  > {
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
      {
        ...opts,
        idleTimeoutMs: idleTimeoutOf(opts),
        target,
        resumable: opts.lastEventId !== undefined,
      },
      itemMapper(opts.streamVersion),
    ) as AsyncGenerator<
      RunStreamItem<TVersion, StreamMode, boolean, TStateType, TUpdateType, TCustomEventType>,
      void
    >;
  }

  async delete(threadId: string, runId: string, options: RequestOptions = {}): Promise<void> {
    await this.#http.json<unknown>({
      ...perCall(options),
      method: "DELETE",
      path: runPath(threadId, runId),
      idempotent: true,
      describe: "runs.delete",
    });
  }

  /** `joinOptions`: what a `joinStream` caller asked of the join, kept on every re-join. */
  #connector(
    describe: string,
    open: StreamConnector["open"],
    joinOptions: JoinRequestOptions = {},
  ): StreamConnector {
    return {
      describe,
      open,
      rejoin: (target, lastEventId, signal) =>
        this.#joinRequest(target, lastEventId, signal, joinOptions),
      status: async (target, signal) => {
        if (target.threadId === null) return undefined;
        try {
          const { headers } = joinOptions;
          return (await this.get(target.threadId, target.runId, { signal, headers })).status;
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
    options: JoinRequestOptions,
  ): Promise<Response> {
    return this.#http.send({
      method: "GET",
      path: `${runPath(target.threadId, target.runId)}/stream`,
      query: withParams(
        {
          cancel_on_disconnect: options.cancelOnDisconnect ? "1" : "0",
          stream_mode: options.streamMode,
          namespace: options.streamNamespaces,
          checkpoint_id: options.checkpointId,
        },
        options,
      ),
      headers:
        lastEventId === undefined
          ? options.headers
          : { ...options.headers, "last-event-id": lastEventId },
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

/** What a join request keeps from its caller: on the first request and every re-join. */
type JoinRequestOptions = Pick<
  JoinStreamOptions,
  "cancelOnDisconnect" | "streamMode" | "streamNamespaces" | "checkpointId" | "headers" | "params"
>;

/** The per-call options every request takes: signal, extra headers, extra query params. */
function perCall(options: RequestOptions): Pick<HttpRequest, "signal" | "headers" | "query"> {
  return { signal: options.signal, headers: options.headers, query: withParams({}, options) };
}

/**
 * The call's query plus the caller's extra `params` (the client's own values win; `undefined`
 * ones do not hide the caller's).
 */
function withParams(
  query: Record<string, QueryValue>,
  options: Pick<RequestOptions, "params">,
): Record<string, QueryValue> {
  const merged: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(options.params ?? {})) {
    merged[key] = Array.isArray(value) ? value.map(String) : value;
  }
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** `idleTimeoutMs`, or the official `streamIdleReconnect` mapped onto it (`"auto"`: default). */
function idleTimeoutOf(options: {
  idleTimeoutMs?: number;
  streamIdleReconnect?: IdleReconnectMode;
}): number | undefined {
  if (options.idleTimeoutMs !== undefined) return options.idleTimeoutMs;
  const mode = options.streamIdleReconnect;
  return typeof mode === "number" && mode >= 0 ? mode : undefined;
}

/**
 * `wait` (and `join` with `raiseError`) report a failed run in the body:
 * `{ "__error__": { error, message } }`. The message is the official client's, `error: message`.
 */
function throwIfRunFailed(values: unknown, redact: (text: string) => string): void {
  if (typeof values !== "object" || values === null || !("__error__" in values)) return;
  values = redactValue(values, redact);
  const failure = (values as { __error__: unknown }).__error__;
  const record =
    typeof failure === "object" && failure !== null ? (failure as Record<string, unknown>) : {};
  const error = typeof record.error === "string" ? record.error : "Error";
  const message = typeof record.message === "string" ? record.message : "the run failed";
  throw new RunsClientError({
    kind: "stream",
    message: `${error}: ${message}`,
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

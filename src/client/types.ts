/**
 * Wire and payload types of the Runs API. Field names on payloads are camelCase (the official
 * JS SDK's), records returned by the server keep their snake_case wire names.
 */

/** A JSON object as the server sends it. */
export type JsonObject = { [key: string]: unknown };

/** The six statuses a run record can have on the server. */
export type RunStatus = "pending" | "running" | "error" | "success" | "timeout" | "interrupted";

/** Statuses after which a run never changes again. */
export const FINAL_RUN_STATUSES: ReadonlySet<RunStatus> = new Set<RunStatus>([
  "error",
  "success",
  "timeout",
  "interrupted",
]);

/**
 * True while a run can still change (pending or running).
 *
 * @example runs.some(isRunActive)
 */
export function isRunActive(run: { status: RunStatus } | undefined): boolean {
  return run !== undefined && !FINAL_RUN_STATUSES.has(run.status);
}

export type StreamMode =
  | "values"
  | "updates"
  | "messages"
  | "messages-tuple"
  | "events"
  | "tasks"
  | "checkpoints"
  | "debug"
  | "custom"
  | "tools"
  | "lifecycle";

export type MultitaskStrategy = "reject" | "interrupt" | "rollback" | "enqueue";
export type CancelAction = "interrupt" | "rollback";
/** `delete` removes a stateless run's temporary thread afterwards, `keep` keeps it. */
export type OnCompletionBehavior = "delete" | "keep";
export type DisconnectMode = "cancel" | "continue";
export type Durability = "exit" | "async" | "sync";
export type IfNotExists = "create" | "reject";

export interface Config {
  tags?: string[];
  recursion_limit?: number;
  configurable?: JsonObject;
  [key: string]: unknown;
}

export interface Checkpoint {
  checkpoint_id?: string;
  checkpoint_ns?: string;
  checkpoint_map?: JsonObject | null;
}

export interface Send {
  node: string;
  input: unknown;
}

export interface Command {
  /** A single value, or `{ [interruptId]: value }` to answer several interrupts at once. */
  resume?: unknown;
  update?: JsonObject | [string, unknown][] | null;
  goto?: Send | Send[] | string | string[];
}

/** Reports the run id (and thread id) learned from `Content-Location`, before the first event. */
export type OnRunCreated = (meta: { run_id: string; thread_id?: string }) => void;

/** Fields shared by every create-like call (stream, create, wait, batch items). */
export interface RunCreateOptions {
  input?: unknown;
  command?: Command;
  config?: Config;
  context?: unknown;
  metadata?: JsonObject;
  streamMode?: StreamMode | StreamMode[];
  streamSubgraphs?: boolean;
  streamResumable?: boolean;
  checkpoint?: Checkpoint;
  checkpointId?: string;
  interruptBefore?: "*" | string[];
  interruptAfter?: "*" | string[];
  multitaskStrategy?: MultitaskStrategy;
  ifNotExists?: IfNotExists;
  onCompletion?: OnCompletionBehavior;
  onDisconnect?: DisconnectMode;
  webhook?: string;
  afterSeconds?: number;
  durability?: Durability;
  /** Older servers' name for `durability`. */
  checkpointDuring?: boolean;
  feedbackKeys?: string[];
  strictResume?: boolean;
  /** How the server calls `webhook` (Python client's `webhook_mode`; sent as is). */
  webhookMode?: string;
  /**
   * The official client's internal LangSmith tracer hook, sent as `langsmith_tracer`
   * (`{ project_name, example_id }`). A `LangChainTracer` instance fits.
   */
  _langsmithTracer?: { projectName?: string; exampleId?: string };
  /**
   * Fields this kit does not know yet, sent as they are (snake_case) so that nothing is
   * silently lost on our side.
   */
  extraFields?: JsonObject;
}

/** Query parameter values as the official client sends them (arrays repeat the key). */
export type QueryParamValue = string | number | boolean | null | undefined | (string | number)[];

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra headers for this call only (every request it makes, re-joins included). */
  headers?: HeadersInput;
  /** Extra query parameters for this call only (the Python client's `params`). */
  params?: Record<string, QueryParamValue>;
}

export interface RunsCreatePayload extends RunCreateOptions, RequestOptions {
  onRunCreated?: OnRunCreated;
}

export interface ReconnectInfo {
  /** 1 for the first re-join after a drop. */
  attempt: number;
  /** Id of the last event delivered before the drop (what `Last-Event-ID` carries). */
  lastEventId: string | undefined;
  /** Why the stream re-joins. */
  reason: "network" | "stall" | "closed-early";
  /** How long the client waits before this attempt, in ms. */
  delayMs: number;
  error?: unknown;
}

/**
 * The official client's idle policy: `"auto"` (its default; ours: `idleTimeoutMs`'s default), a
 * fixed window in ms, or `0` to disable. Mapped onto `idleTimeoutMs`.
 */
export type IdleReconnectMode = "auto" | number;

export interface StreamResumeOptions {
  /** Re-join a dropped resumable stream (default true). */
  reconnect?: boolean;
  /** How many re-joins in a row may fail before the stream fails (default 5). */
  maxReconnectAttempts?: number;
  /**
   * Re-join when no byte arrives for this long, in ms (default 30,000; 0 disables). The JS server
   * sends no heartbeats on run streams, so keep it above the longest silent node.
   */
  idleTimeoutMs?: number;
  onReconnect?: (info: ReconnectInfo) => void;
  /** First re-join delay in ms, doubled per failed attempt up to 5 s, with jitter (default 250). */
  reconnectBaseDelayMs?: number;
  /** The official client's name for the idle policy; `idleTimeoutMs` wins when both are given. */
  streamIdleReconnect?: IdleReconnectMode;
  /**
   * How long to wait for a stream response's head (status and headers), in ms (default 60,000;
   * 0 disables). On expiry a resumable stream re-joins; otherwise the stream fails with a
   * `timeout` error. Generous on purpose: a loaded server took 17 s to answer a re-join.
   */
  headTimeoutMs?: number;
  /**
   * The whole budget of one run-status check (`runs.get`, retries included) made to judge a
   * clean close, in ms (default 5,000). A check that fails or runs out counts as "cannot tell",
   * which never turns a stream that got its end into an error.
   */
  statusCheckTimeoutMs?: number;
  /**
   * Throw a typed `AbortError` (`kind: "aborted"`) when the signal aborts mid-stream. Default
   * false: like the official client, the `for await` just ends.
   */
  raiseAbort?: boolean;
}

export interface RunsStreamPayload<
  TVersion extends StreamVersion = "v1",
  TStreamMode extends StreamMode | StreamMode[] = StreamMode | StreamMode[],
  TSubgraphs extends boolean = boolean,
>
  extends Omit<RunsCreatePayload, "streamMode" | "streamSubgraphs">, StreamResumeOptions {
  streamMode?: TStreamMode;
  streamSubgraphs?: TSubgraphs;
  /** Stream only these namespaces (`""` is the root graph): the `namespace` query. */
  streamNamespaces?: string[];
  /** `"v2"` yields normalized `{ type, ns, data, interrupts, id, event }` events. */
  streamVersion?: TVersion;
  /**
   * Throw a `stream` error after yielding an in-band `error` event. Default false: like the
   * official client, the error event is yielded and the iteration ends normally.
   */
  raiseError?: boolean;
}

export interface RunsWaitPayload extends RunsCreatePayload {
  /** Throw a typed error when the run failed (default true). */
  raiseError?: boolean;
}

export interface RunsBatchItem extends RunCreateOptions {
  assistantId: string;
}

export interface ListRunsOptions extends RequestOptions {
  limit?: number;
  offset?: number;
  status?: RunStatus;
  select?: RunSelectField[];
}

export type RunSelectField =
  | "run_id"
  | "thread_id"
  | "assistant_id"
  | "created_at"
  | "updated_at"
  | "status"
  | "metadata"
  | "kwargs"
  | "multitask_strategy";

export interface CancelOptions extends RequestOptions {
  /** `"taken"`: the run's input was absorbed for steering (sent as the `reason` query). */
  reason?: "taken";
}

export interface CancelManyOptions extends RequestOptions {
  threadId?: string;
  runIds?: string[];
  status?: "pending" | "running" | "all";
  action?: CancelAction;
}

export interface JoinOptions extends RequestOptions {
  cancelOnDisconnect?: boolean;
  /**
   * Reject with a typed `stream` error when the run failed. Default false: like the official
   * client, `join` resolves with the body, `{ __error__: { error, message } }`.
   */
  raiseError?: boolean;
}

export interface JoinStreamOptions<TVersion extends StreamVersion = "v1">
  extends RequestOptions, StreamResumeOptions {
  cancelOnDisconnect?: boolean;
  /**
   * Replay only what came after this event id; `"-1"` replays the whole run. Giving one also
   * says the run is resumable, so a dropped connection is re-joined from the last event.
   */
  lastEventId?: string;
  streamMode?: StreamMode | StreamMode[];
  /** Stream only these namespaces (`""` is the root graph): the `namespace` query. */
  streamNamespaces?: string[];
  /** The checkpoint the caller already shows: the `checkpoint_id` query (servers that know it). */
  checkpointId?: string;
  streamVersion?: TVersion;
  /** Throw a `stream` error after yielding an in-band `error` event (default false). */
  raiseError?: boolean;
  /**
   * With `lastEventId`: when this join's own response ends cleanly, re-join once more from the
   * last event to prove nothing was cut off (a proxy may close a stream cleanly). Default false:
   * like the official client, one request, and its clean end is the end.
   */
  rejoinOnCleanClose?: boolean;
}

/** A run record as the server returns it. */
export interface Run {
  run_id: string;
  thread_id: string;
  assistant_id: string;
  created_at: string;
  updated_at: string;
  status: RunStatus;
  metadata: JsonObject;
  multitask_strategy: MultitaskStrategy | null;
  kwargs?: JsonObject;
}

export interface Thread {
  thread_id: string;
  created_at: string;
  updated_at: string;
  metadata: JsonObject;
  status: "idle" | "busy" | "interrupted" | "error";
  values?: unknown;
  interrupts?: Record<string, Interrupt[]>;
}

export interface ThreadState<TValues = JsonObject> {
  values: TValues;
  next: string[];
  tasks: JsonObject[];
  metadata: JsonObject;
  created_at: string | null;
  checkpoint: Checkpoint | null;
  parent_checkpoint: Checkpoint | null;
  interrupts?: Interrupt[];
}

/** An interrupt raised by `interrupt()` in a graph. */
export interface Interrupt<TValue = unknown> {
  id?: string;
  value?: TValue;
  /** Older servers. */
  when?: "during";
  resumable?: boolean;
  ns?: string[];
}

export type StreamVersion = "v1" | "v2";

/** The classic stream part, as the official SDK yields it. */
export interface StreamPart<TData = unknown> {
  event: string;
  data: TData;
  id?: string;
}

/** What every normalized event has, whatever its mode. */
export interface StreamEventBase<TType extends string = string, TData = unknown> {
  /** The mode part of the event name: `values`, `messages`, `custom`, `metadata`, `error`, … */
  type: TType;
  /** Namespace segments (`node:taskId`) of a subgraph event; empty at the root graph. */
  ns: string[];
  data: TData;
  /**
   * A non-empty `__interrupt__` list popped out of a `values` event, else empty. A static
   * breakpoint keeps its `__interrupt__: []` in `data`.
   */
  interrupts: Interrupt[];
  id?: string;
  /** The event name as it came over the wire. */
  event: string;
}

/** A `values` event: the state after a step, with its interrupts taken out into `interrupts`. */
export interface ValuesStreamEvent<
  TValues = Record<string, unknown>,
  TInterrupt = unknown,
> extends StreamEventBase<"values", TValues> {
  interrupts: Interrupt<TInterrupt>[];
}
/** A `messages` event (`messages-tuple` mode): a message chunk and its metadata. */
export type MessagesStreamEvent = StreamEventBase<
  "messages",
  [message: Record<string, unknown>, metadata: Record<string, unknown>]
>;
/** An `updates` event: each node's update, by node name. */
export type UpdatesStreamEvent = StreamEventBase<"updates", Record<string, unknown>>;
/** A `custom` event: what the graph wrote with `config.writer`. */
export type CustomStreamEvent<TCustom = unknown> = StreamEventBase<"custom", TCustom>;
/** The `metadata` event that opens a run's stream. */
export type MetadataStreamEvent = StreamEventBase<
  "metadata",
  { run_id: string; [key: string]: unknown }
>;
/** An in-band `error` event: the run failed. */
export type ErrorStreamEvent = StreamEventBase<
  "error",
  { error?: string; message?: string; [key: string]: unknown }
>;
/**
 * Events of the other modes (`debug`, `tasks`, `checkpoints`, `events`, `tools`, …), and of any
 * mode this version does not know: their `type` is passed through as received.
 */
export type OtherStreamEvent = StreamEventBase<
  | "messages/partial"
  | "messages/complete"
  | "messages/metadata"
  | "debug"
  | "tasks"
  | "checkpoints"
  | "events"
  | "tools"
  | "lifecycle"
  | "feedback"
  | "end",
  unknown
>;

/**
 * The normalized event (the kit's model), discriminated on `type`: `type` and `ns` come from
 * splitting the event name on `|`, `interrupts` is taken out of `values` data. Wire data is
 * checked before the kit folds it; an app's `onEvent` should check shapes it relies on too.
 *
 * @example
 * onEvent: (event) => { if (event.type === "custom") console.log(event.data); }
 */
export type StreamEvent<
  TValues = Record<string, unknown>,
  TCustom = unknown,
  TInterrupt = unknown,
> =
  | ValuesStreamEvent<TValues, TInterrupt>
  | MessagesStreamEvent
  | UpdatesStreamEvent
  | CustomStreamEvent<TCustom>
  | MetadataStreamEvent
  | ErrorStreamEvent
  | OtherStreamEvent;

export type StreamItem<TVersion extends StreamVersion> = TVersion extends "v2"
  ? StreamEvent
  : StreamPart;

/** `fetch` as the client needs it (the global one by default). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type HeadersInput = Record<string, string | undefined>;

/** Options of the official client's request caller; `fetch` and `maxRetries` are used. */
export interface CallerOptions {
  fetch?: FetchLike | typeof fetch;
  /** How many times an idempotent request is retried. */
  maxRetries?: number;
  /** Accepted for compatibility; this client does not queue requests. */
  maxConcurrency?: number;
  /** Accepted for compatibility; not called. */
  onFailedResponseHook?: (response: Response) => unknown;
}

/** The official client's hook to inspect or replace a request before it is sent. */
export type RequestHook = (url: URL, init: RequestInit) => RequestInit | Promise<RequestInit>;

export interface ClientOptions {
  /** Base URL of the Agent Server (default `http://localhost:8123`, like the official client). */
  apiUrl?: string;
  /**
   * Sent as `x-api-key`; never appears in errors. Left out, it is read in Node from
   * `LANGGRAPH_API_KEY`, `LANGSMITH_API_KEY` or `LANGCHAIN_API_KEY` (never in browsers);
   * `null` turns that look-up off.
   */
  apiKey?: string | null;
  /**
   * Extra headers, or a function called before every request (fresh auth tokens). A `null`
   * value leaves the header out, as in the official client.
   */
  defaultHeaders?:
    Record<string, string | undefined | null> | (() => HeadersInput | Promise<HeadersInput>);
  fetch?: FetchLike;
  /** Timeout of non-streaming requests, in ms (default 30,000; `wait` and `join` have none). */
  timeoutMs?: number;
  /** How many times an idempotent request is retried (default 3). */
  maxRetries?: number;
  /** The official client's caller options: its `fetch` and `maxRetries` are used. */
  callerOptions?: CallerOptions;
  /** Called with every request's URL and init before it is sent; may return a new init. */
  onRequest?: RequestHook;
  /** Accepted for compatibility; this client speaks the Runs API's SSE streams (`"legacy"`). */
  streamProtocol?: "legacy" | "v2" | "v2-websocket";
}

/** Client options after `createClient` filled in the defaults (what the transport reads). */
export interface ResolvedClientOptions {
  apiUrl: string;
  apiKey?: string;
  defaultHeaders?: HeadersInput | (() => HeadersInput | Promise<HeadersInput>);
  fetch?: FetchLike;
  timeoutMs?: number;
  maxRetries?: number;
}

import type { Config, Interrupt, JsonObject, RunStatus, StreamMode } from "./types";

/**
 * Typed classic stream parts: what `runs.stream` yields for the stream modes asked for, with the
 * caller's state, update and custom types, so code typed against the official client's
 * `TypedAsyncGenerator` compiles unchanged.
 */

/** A message as the server streams it (plain JSON; content is text or content blocks). */
export interface StreamMessage {
  type: string;
  id?: string;
  name?: string;
  content: string | JsonObject[];
  [key: string]: unknown;
}

export interface MessageTupleMetadata {
  tags: string[];
  [key: string]: unknown;
}

interface Part<TEvent extends string, TData> {
  id?: string;
  event: TEvent;
  data: TData;
}

type TaskData<TState, TUpdate> =
  | { id: string; name: string; interrupts: Interrupt[]; input: TState; triggers: string[] }
  | { id: string; name: string; interrupts: Interrupt[]; result: [string, TUpdate][] }
  | { id: string; name: string; interrupts: Interrupt[]; error: string };

type ToolEventData =
  | { event: "on_tool_start"; toolCallId?: string; name: string; input: unknown }
  | { event: "on_tool_event"; toolCallId?: string; name: string; data: unknown }
  | { event: "on_tool_end"; toolCallId?: string; name: string; output: unknown }
  | { event: "on_tool_error"; toolCallId?: string; name: string; error: unknown };

/** The part each stream mode produces. */
interface ModeParts<TState, TUpdate, TCustom> {
  values: Part<"values", TState>;
  updates: Part<"updates", { [node: string]: TUpdate }>;
  custom: Part<"custom", TCustom>;
  "messages-tuple": Part<"messages", [message: StreamMessage, metadata: MessageTupleMetadata]>;
  messages:
    | Part<"messages/partial" | "messages/complete", StreamMessage[]>
    | Part<"messages/metadata", { [messageId: string]: { metadata: unknown } }>;
  events: Part<
    "events",
    {
      event: string;
      name: string;
      tags: string[];
      run_id: string;
      metadata: JsonObject;
      parent_ids: string[];
      data: unknown;
    }
  >;
  debug: Part<"debug", unknown>;
  tasks: Part<"tasks", TaskData<TState, TUpdate>>;
  checkpoints: Part<
    "checkpoints",
    { values: TState; next: string[]; config: Config; metadata: JsonObject; tasks: JsonObject[] }
  >;
  tools: Part<"tools", ToolEventData>;
  lifecycle: Part<
    `lifecycle|${string}`,
    {
      event: "started" | "completed" | "failed" | "interrupted";
      namespace: string[];
      tool_call_id?: string;
      error?: { error: string; message: string };
    }
  >;
}

/** Parts every stream may carry, whatever the modes. */
type AlwaysParts =
  | Part<"metadata", { run_id: string; thread_id: string }>
  | Part<"error", { error: string; message: string }>
  | Part<
      "end",
      { run_id: string; status: Exclude<RunStatus, "pending" | "running"> | "rollback" } | null
    >
  | Part<"feedback", { [feedbackKey: string]: string }>;

/** A part from a subgraph: the event name may carry `|namespace` segments. */
type FromSubgraph<P> = P extends Part<infer E, infer D> ? Part<E | `${E}|${string}`, D> : never;

type ModesOf<T extends StreamMode | StreamMode[]> = T extends StreamMode[] ? T[number] : T;

/**
 * The part `runs.stream` yields for `streamMode` `TStreamMode` (one mode or a list) and
 * `streamSubgraphs` `TSubgraphs`.
 *
 * @example
 * type P = TypedStreamPart<["values", "custom"], false, { messages: StreamMessage[] }>;
 * // { event: "values"; data: { messages } } | { event: "custom"; data: unknown } | metadata | error | …
 */
export type TypedStreamPart<
  TStreamMode extends StreamMode | StreamMode[] = StreamMode,
  TSubgraphs extends boolean = false,
  TState = unknown,
  TUpdate = TState,
  TCustom = unknown,
> = TSubgraphs extends true
  ? | FromSubgraph<ModeParts<TState, TUpdate, TCustom>[ModesOf<TStreamMode>]>
    | Exclude<AlwaysParts, Part<"error", unknown>>
    | FromSubgraph<Part<"error", { error: string; message: string }>>
  : ModeParts<TState, TUpdate, TCustom>[ModesOf<TStreamMode>] | AlwaysParts;

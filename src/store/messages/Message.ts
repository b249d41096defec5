/**
 * Plain-JSON chat messages, as LangChain serializes them on the wire (snake_case keys), with
 * the message type normalized (`AIMessageChunk` → `ai`). Unknown fields are kept.
 */

/** `human`, `ai`, `tool`, `system`, `remove` (a `RemoveMessage`), or any other type as sent. */
export type MessageType = "human" | "ai" | "tool" | "system" | "remove" | (string & {});

/** One block of list content: `{ type: "text", text }`, `{ type: "image_url", … }`, … */
export interface ContentBlock {
  type: string;
  text?: string;
  /** Position of the block in the streamed message: chunks with the same index are merged. */
  index?: number | string;
  [key: string]: unknown;
}

export type MessageContent = string | ContentBlock[];

/** A complete tool call with parsed arguments. */
export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
  type?: "tool_call";
}

/** A streamed piece of a tool call: `args` is a fragment of a JSON string. */
export interface ToolCallChunk {
  id?: string | null;
  name?: string | null;
  args?: string | null;
  index?: number | null;
  type?: "tool_call_chunk";
}

/** A tool call whose arguments could not be parsed. */
export interface InvalidToolCall {
  id?: string | null;
  name?: string | null;
  args?: string | null;
  error?: string | null;
  type?: "invalid_tool_call";
}

export interface UsageMetadata {
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
  [key: string]: unknown;
}

export interface Message {
  id: string;
  type: MessageType;
  content: MessageContent;
  name?: string;
  tool_calls?: ToolCall[];
  tool_call_chunks?: ToolCallChunk[];
  invalid_tool_calls?: InvalidToolCall[];
  /** On `tool` messages: the id of the call this message answers. */
  tool_call_id?: string;
  /** On `tool` messages. */
  status?: "success" | "error";
  additional_kwargs?: Record<string, unknown>;
  response_metadata?: Record<string, unknown>;
  usage_metadata?: UsageMetadata;
  [key: string]: unknown;
}

/**
 * What a `messages` tuple said about a streamed message (`langgraph_node`, `langgraph_step`, …),
 * plus the namespace (`ns`) of the subgraph it came from (`[]` at the root graph).
 */
export interface MessageMetadata {
  ns: string[];
  [key: string]: unknown;
}

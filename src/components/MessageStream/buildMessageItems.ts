import { isPlainObject } from "../../client/isPlainObject";
import type { Message, ToolCallChunk } from "../../store/messages/Message";
import {
  contentParts,
  contentText,
  messageParts,
  toJson,
  type ContentPart,
} from "./messageContent";
import { malformedReason } from "./malformedReason";
import { statedTime } from "./statedTime";

/** The role a message is shown with. */
export type MessageRole = "human" | "ai" | "tool" | "system" | "other";

/** A tool call of an AI message, with the tool's answer when it came. */
export interface ToolCallItem {
  id: string;
  name: string;
  /** The arguments as indented JSON, or the raw text streamed so far. */
  argsText: string;
  /** The arguments are still streaming (not yet valid JSON). */
  partial: boolean;
  /** The model sent arguments that are not valid JSON. */
  invalid: boolean;
  /** The ToolMessage answering this call (matched by `tool_call_id`). */
  result?: Message;
  resultParts: ContentPart[];
  /**
   * How long the tool took (ms): from the call's complete arguments to its result, both seen
   * live. Undefined when either was not seen as it happened (a loaded thread).
   */
  durationMs?: number;
}

/** One message as the stream shows it. */
export interface MessageItem {
  message: Message;
  /** The message id (or its position): a React key. */
  key: string;
  role: MessageRole;
  /** `User`, `Assistant`, `Tool`, `System`, or the message type. */
  label: string;
  parts: ContentPart[];
  toolCalls: ToolCallItem[];
  /** This is the AI message still streaming. */
  streaming: boolean;
  /**
   * When the message was written (epoch ms): the time its metadata states, else when the stream
   * first showed it live. Undefined when neither is known (a message loaded with the thread).
   */
  time?: number;
  /**
   * Why the message cannot be shown (its shape is not a message's: `tool_calls` not a list, …),
   * or undefined. Such an item is shown as "Can't display this item" with its raw JSON.
   */
  malformed?: string;
}

export const ROLE_LABELS: Record<MessageRole, string> = {
  human: "User",
  ai: "Assistant",
  tool: "Tool",
  system: "System",
  other: "Message",
};

const KNOWN_ROLES: ReadonlySet<string> = new Set(["human", "ai", "tool", "system"]);

/** The role of a message type (`other` for types the stream has no label for). */
export function roleOf(message: Pick<Message, "type">): MessageRole {
  const type: string = message.type;
  return KNOWN_ROLES.has(type) ? (type as MessageRole) : "other";
}

export interface BuildMessageItemsOptions {
  /** The run is going: the last AI message is streaming. */
  streaming?: boolean;
  /**
   * When the stream first saw a message (by id) or a tool call's complete arguments (by
   * `call:<id>`), epoch ms; undefined when unknown (see `createArrivalLog`).
   */
  arrivedAt?: (key: string) => number | undefined;
}

const NOT_KNOWN = (): undefined => undefined;

/**
 * Turns assembled messages into what the stream shows: each tool result moves under the call
 * it answers; the last AI message is marked streaming while the run goes on. Remove markers
 * are skipped.
 *
 * @example buildMessageItems(messages, { streaming: true }).at(-1)?.streaming // true for an AI reply
 */
export function buildMessageItems(
  messages: readonly Message[],
  { streaming = false, arrivedAt = NOT_KNOWN }: BuildMessageItemsOptions = {},
): MessageItem[] {
  const shown = messages.filter((message) => isPlainObject(message) && message.type !== "remove");
  const reasons = new Map<Message, string>();
  for (const message of shown) {
    const reason = malformedReason(message);
    if (reason !== undefined) reasons.set(message, reason);
  }
  const callIds = new Set<string>();
  for (const message of shown) {
    if (message.type !== "ai" || reasons.has(message)) continue;
    for (const call of message.tool_calls ?? []) callIds.add(call.id);
  }
  const results = new Map<string, Message>();
  for (const message of shown) {
    if (
      message.type === "tool" &&
      typeof message.tool_call_id === "string" &&
      callIds.has(message.tool_call_id)
    ) {
      results.set(message.tool_call_id, message);
    }
  }
  const last = shown.at(-1);
  const items: MessageItem[] = [];
  shown.forEach((message, position) => {
    if (
      message.type === "tool" &&
      typeof message.tool_call_id === "string" &&
      results.get(message.tool_call_id)
    ) {
      return; // shown under its call
    }
    const role = roleOf(message);
    const key = typeof message.id === "string" && message.id !== "" ? message.id : `#${position}`;
    const isStreaming = streaming && role === "ai" && message === last;
    const time = statedTime(message) ?? arrivedAt(key);
    const cached = builtItems.get(message);
    if (
      cached &&
      cached.key === key &&
      cached.streaming === isStreaming &&
      cached.time === time &&
      sameResults(cached, results)
    ) {
      items.push(cached);
      return;
    }
    const label = role === "other" ? displayType(message.type) : ROLE_LABELS[role];
    const malformed = reasons.get(message);
    const item: MessageItem =
      malformed === undefined
        ? {
            message,
            key,
            role,
            label,
            parts: messageParts(message),
            toolCalls: role === "ai" ? toolCallItems(message, results, arrivedAt) : [],
            streaming: isStreaming,
            time,
          }
        : { message, key, role, label, parts: [], toolCalls: [], streaming: false, malformed };
    builtItems.set(message, item);
    items.push(item);
  });
  return items;
}

/**
 * The last item built for each message. Messages are never changed in place (a new chunk makes a
 * new message object), so an item depends only on its message, its key, whether it is the one
 * streaming and the tool results under its calls: when those are the same, the same item object
 * is returned, and the view skips rendering it (MessageView is memoized). While a reply streams,
 * only its item is new; the rest of a long chat is not rendered again every frame.
 */
const builtItems = new WeakMap<Message, MessageItem>();

/** Whether each tool call of a cached item would get the same result now. */
function sameResults(item: MessageItem, results: ReadonlyMap<string, Message>): boolean {
  return item.toolCalls.every(
    (call) => (call.invalid && call.id === "" ? undefined : results.get(call.id)) === call.result,
  );
}

function toolCallItems(
  message: Message,
  results: Map<string, Message>,
  arrivedAt: (key: string) => number | undefined,
): ToolCallItem[] {
  const chunks = message.tool_call_chunks ?? [];
  const items: ToolCallItem[] = (message.tool_calls ?? []).map((call, position) => {
    const raw = rawArgs(chunks, call.id, position);
    const partial = raw !== undefined && raw !== "" && !parses(raw);
    const result = results.get(call.id);
    return {
      id: call.id,
      name: call.name,
      argsText: partial ? (raw as string) : toJson(call.args ?? {}),
      partial,
      invalid: false,
      result,
      resultParts: resultParts(result),
      durationMs: durationOf(arrivedAt(`call:${call.id}`), result && arrivedAt(result.id)),
    };
  });
  const known = new Set(items.map((item) => item.id));
  for (const call of message.invalid_tool_calls ?? []) {
    const id = call.id ?? "";
    // Streamed chunks carry per-chunk invalid calls that the assembled call supersedes.
    if (known.has(id) || chunks.length > 0) continue;
    items.push({
      id,
      name: call.name ?? "",
      argsText: call.args ?? "",
      partial: false,
      invalid: true,
      result: id ? results.get(id) : undefined,
      resultParts: resultParts(id ? results.get(id) : undefined),
    });
  }
  return items;
}

function durationOf(start: number | undefined, end: number | undefined): number | undefined {
  return start !== undefined && end !== undefined && end >= start ? end - start : undefined;
}

function resultParts(result: Message | undefined): ContentPart[] {
  return result ? contentParts(result.content, result) : [];
}

function rawArgs(chunks: readonly ToolCallChunk[], id: string, position: number) {
  const chunk = chunks.find((c) => c.id === id) ?? chunks[position];
  return typeof chunk?.args === "string" ? chunk.args : undefined;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What to announce when a message is complete: `Assistant: <text>` (shortened), the tools it
 * called, or a tool's answer. Empty for human messages (the user wrote them).
 *
 * @example announceMessage({ id: "1", type: "ai", content: "It is sunny." }) // "Assistant: It is sunny."
 */
export function announceMessage(message: Message, max = 280): string {
  const role = roleOf(message);
  if (role === "human" || message.type === "remove" || malformedReason(message) !== undefined) {
    return "";
  }
  const text = contentText(message.content).trim();
  const calls = (message.tool_calls ?? []).map((call) => call.name).filter(Boolean);
  const said =
    text !== ""
      ? text
      : calls.length > 0
        ? `called ${calls.join(", ")}`
        : contentParts(message.content).length > 0
          ? "sent content"
          : "";
  if (said === "") return "";
  const label =
    role === "tool" && message.name
      ? `Tool ${message.name}`
      : role === "other"
        ? displayType(message.type)
        : ROLE_LABELS[role];
  const line = `${label}: ${said}`;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A message type as a label: the string sent (even `constructor`), or "Message". */
function displayType(type: unknown): string {
  return typeof type === "string" && type !== "" ? type : ROLE_LABELS.other;
}

import { isPlainObject, type PlainObject } from "../../client/isPlainObject";
import type { Message, MessageContent, MessageType, ToolCall } from "./Message";
import { parseJsonObject } from "./parseJsonObject";
import { getOwn } from "../ownProperty";

/** A message read from the wire, and whether it was a delta (`…Chunk`, or with `tool_call_chunks`) to merge. */
export interface WireMessage {
  message: Message;
  isChunk: boolean;
}

const TYPE_BY_CLASS: Record<string, MessageType> = {
  AIMessage: "ai",
  HumanMessage: "human",
  ToolMessage: "tool",
  SystemMessage: "system",
  RemoveMessage: "remove",
  FunctionMessage: "function",
  ChatMessage: "generic",
  user: "human",
  assistant: "ai",
};

/**
 * The kit's short type for a LangChain type or class name.
 *
 * @example normalizeMessageType("AIMessageChunk") // "ai"
 */
export function normalizeMessageType(rawType: string): MessageType {
  const base = rawType.endsWith("Chunk") ? rawType.slice(0, -"Chunk".length) : rawType;
  // Own keys only: a type named `constructor` or `__proto__` stays that string.
  return getOwn(TYPE_BY_CLASS, base) ?? base;
}

/**
 * Reads a serialized message: the plain form (`{ type: "AIMessageChunk", content, id, … }`) or the
 * LangChain constructor form (`{ lc: 1, type: "constructor", id: [..., "AIMessageChunk"], kwargs }`).
 * Returns null for anything that is not a message. A missing id becomes `fallbackId` (or "").
 *
 * @example readWireMessage({ type: "AIMessageChunk", id: "run-1", content: "Hi" })
 * // { isChunk: true, message: { type: "ai", id: "run-1", content: "Hi" } }
 */
export function readWireMessage(raw: unknown, fallbackId = ""): WireMessage | null {
  if (!isPlainObject(raw)) return null;
  const constructorName = readConstructorName(raw);
  const fields = constructorName !== undefined && isPlainObject(raw.kwargs) ? raw.kwargs : raw;
  const rawType = constructorName ?? readTypeField(fields);
  if (rawType === undefined) return null;
  const { type: _type, role: _role, ...rest } = fields;
  const message: Message = {
    ...rest,
    id: typeof fields.id === "string" && fields.id !== "" ? fields.id : fallbackId,
    type: normalizeMessageType(rawType),
    content: readContent(fields.content),
  };
  if (Array.isArray(fields.tool_calls)) message.tool_calls = fields.tool_calls.map(readToolCall);
  // The Python server names deltas `AIMessageChunk`; the JS server sends them as `type: "ai"`,
  // recognisable by the `tool_call_chunks` list that only chunks carry.
  return { message, isChunk: rawType.endsWith("Chunk") || Array.isArray(fields.tool_call_chunks) };
}

/**
 * A wire message in the kit's plain form, or null when `raw` is not a message.
 *
 * @example normalizeMessage({ type: "HumanMessage", id: "h1", content: "hi" })?.type // "human"
 */
export function normalizeMessage(raw: unknown, fallbackId?: string): Message | null {
  return readWireMessage(raw, fallbackId)?.message ?? null;
}

/** The id of a wire message without normalizing it (cheap, for reconciliation). */
export function readWireMessageId(raw: unknown): string | undefined {
  if (!isPlainObject(raw)) return undefined;
  const fields =
    readConstructorName(raw) !== undefined && isPlainObject(raw.kwargs) ? raw.kwargs : raw;
  return typeof fields.id === "string" && fields.id !== "" ? fields.id : undefined;
}

function readConstructorName(raw: PlainObject): string | undefined {
  if (raw.lc !== 1 || raw.type !== "constructor" || !Array.isArray(raw.id)) return undefined;
  const last: unknown = raw.id[raw.id.length - 1];
  return typeof last === "string" ? last : undefined;
}

function readTypeField(fields: PlainObject): string | undefined {
  if (typeof fields.type === "string") return fields.type;
  return typeof fields.role === "string" ? fields.role : undefined;
}

function readContent(content: unknown): MessageContent {
  if (typeof content === "string") return content;
  return Array.isArray(content) ? (content as MessageContent) : "";
}

function readToolCall(raw: unknown, position: number): ToolCall {
  const call = isPlainObject(raw) ? raw : {};
  return {
    ...call,
    id: typeof call.id === "string" ? call.id : `__tool_call_${position}`,
    name: typeof call.name === "string" ? call.name : "",
    args: readArgs(call.args),
    type: "tool_call",
  };
}

function readArgs(args: unknown): Record<string, unknown> {
  if (isPlainObject(args)) return args;
  if (typeof args !== "string") return {};
  return parseJsonObject(args) ?? {};
}

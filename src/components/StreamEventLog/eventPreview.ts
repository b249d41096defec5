import { isPlainObject } from "../../client/isPlainObject";
import type { StreamEvent } from "../../client/types";
import { jsonEqual } from "../../store/jsonEqual";
import { getOwn } from "../../store/ownProperty";
import { PREVIEW_LENGTH, previewEvent } from "./formatEvent";

/** Keys named in a `values` preview before "+n more". */
const KEYS_SHOWN = 4;

/**
 * One line that says what an event is about, by mode: a message chunk's text (or the tool call
 * it streams), the message count and changed keys of a `values` event (against the `values`
 * event before it in the same namespace, when given), the nodes of an `updates` event, the run
 * id of `metadata`, the message of an `error`; short JSON for `custom` and the other modes.
 * Never throws on odd data: what does not have the expected shape falls back to JSON.
 *
 * @example eventPreview({ type: "updates", data: { agent: {}, tools: {} }, … }) // "agent, tools"
 */
export function eventPreview(event: StreamEvent, previousValues?: StreamEvent): string {
  const text = describe(event, previousValues);
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
}

function describe(event: StreamEvent, previousValues: StreamEvent | undefined): string {
  const { data } = event;
  switch (event.type) {
    case "messages":
      return messagePreview(Array.isArray(data) ? data[0] : undefined) ?? previewEvent(event);
    case "values":
      return valuesPreview(event, previousValues) ?? previewEvent(event);
    case "updates":
      return isPlainObject(data) ? Object.keys(data).join(", ") || "no nodes" : previewEvent(event);
    case "metadata":
      return isPlainObject(data) && typeof data.run_id === "string"
        ? `run ${data.run_id}`
        : previewEvent(event);
    case "error":
      return errorPreview(data) ?? previewEvent(event);
    default:
      return previewEvent(event);
  }
}

/** A chunk's text on one line; else the tool calls it streams (name and argument text). */
function messagePreview(chunk: unknown): string | undefined {
  if (!isPlainObject(chunk)) return undefined;
  const text = contentText(chunk.content);
  if (text.trim() !== "") {
    const line = text.replace(/\s*\n\s*/g, " ↵ ");
    return chunk.type === "tool" ? `${stringOr(chunk.name, "tool")} → ${line}` : line;
  }
  const calls = [chunk.tool_call_chunks, chunk.tool_calls].find(
    (list): list is unknown[] => Array.isArray(list) && list.length > 0,
  );
  if (calls !== undefined) {
    const shown = calls.filter(isPlainObject).map((call) => {
      const args = typeof call.args === "string" ? call.args : previewEvent({ data: call.args });
      return [stringOr(call.name, ""), call.args === undefined ? "" : args].join(" ").trim();
    });
    return `tool call ${shown.join(", ")}`.trim();
  }
  // A whitespace token: quoted, so it is seen.
  return text === "" ? "(empty chunk)" : JSON.stringify(text);
}

/** A string, or text blocks joined (other blocks have no text to show). */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((block) =>
      typeof block === "string"
        ? block
        : isPlainObject(block) && typeof block.text === "string"
          ? block.text
          : "",
    )
    .join("");
}

function valuesPreview(event: StreamEvent, previous: StreamEvent | undefined): string | undefined {
  const { data } = event;
  if (!isPlainObject(data)) return undefined;
  const parts: string[] = [];
  const messages = getOwn(data, "messages");
  if (Array.isArray(messages)) parts.push(plural(messages.length, "message"));
  const keys = Object.keys(data);
  const before = previous !== undefined && isPlainObject(previous.data) ? previous.data : null;
  if (before === null) {
    parts.push(keys.length > 0 ? `keys: ${listed(keys)}` : "empty state");
  } else {
    const changed = keys.filter((key) => !jsonEqual(data[key], getOwn(before, key)));
    parts.push(changed.length > 0 ? `changed: ${listed(changed)}` : "no change");
  }
  if (Array.isArray(event.interrupts) && event.interrupts.length > 0) {
    parts.push(plural(event.interrupts.length, "interrupt"));
  }
  return parts.join(" · ");
}

function errorPreview(data: unknown): string | undefined {
  if (typeof data === "string") return data;
  if (!isPlainObject(data)) return undefined;
  const parts = [data.error, data.message].filter(
    (part): part is string => typeof part === "string" && part !== "",
  );
  return parts.length > 0 ? parts.join(": ") : undefined;
}

function listed(keys: readonly string[]): string {
  const more = keys.length - KEYS_SHOWN;
  const shown = keys.slice(0, KEYS_SHOWN).join(", ");
  return more > 0 ? `${shown} +${more} more` : shown;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

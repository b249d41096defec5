import { isPlainObject } from "../../client/isPlainObject";
import type { Run } from "../../client/types";
import { normalizeMessage } from "../../store/messages/normalizeMessage";
import { stringifyForDisplay } from "../displayJson/stringifyForDisplay";

/** Longer previews are cut: a table cell shows one line of them anyway. */
const MAX_PREVIEW = 160;

// Run records keep their identity across refetches (structural sharing): compute each once.
const previews = new WeakMap<object, string | undefined>();

/**
 * A one-line preview of what started a run, from the record's `kwargs` (the server keeps the
 * request there): the text of the last human message of `input.messages`, a string input, a
 * resume's answer ("Resumed: …"), or any other input as compact JSON. Undefined when the record
 * says nothing (a server that leaves `kwargs` out, a run without input).
 *
 * @example runInputPreview({ kwargs: { input: { messages: [{ type: "human", content: "Hi" }] } } }) // "Hi"
 */
export function runInputPreview(run: Pick<Run, "kwargs">): string | undefined {
  const kwargs: unknown = run.kwargs;
  if (!isPlainObject(kwargs)) return undefined;
  if (previews.has(kwargs)) return previews.get(kwargs);
  const preview = previewOf(kwargs);
  previews.set(kwargs, preview);
  return preview;
}

function previewOf(kwargs: Record<string, unknown>): string | undefined {
  const input = inputText(kwargs.input);
  if (input) return oneLine(input);
  const command = kwargs.command;
  if (isPlainObject(command) && command.resume !== undefined)
    return oneLine(`Resumed: ${compactJson(command.resume)}`);
  return undefined;
}

function inputText(input: unknown): string | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "string") return input;
  if (isPlainObject(input) && Array.isArray(input.messages)) {
    const text = lastHumanText(input.messages);
    if (text) return text;
  }
  return compactJson(input);
}

/** The last human message's text (else the last message's), in any form the server accepts. */
function lastHumanText(messages: readonly unknown[]): string | undefined {
  const read = messages.map(readMessage).filter((m) => m !== undefined);
  const chosen = read.findLast((m) => m.human) ?? read.at(-1);
  return chosen?.text || undefined;
}

function readMessage(raw: unknown): { human: boolean; text: string } | undefined {
  // `"hi"` and `["user", "hi"]` are shorthands the server takes for messages.
  if (typeof raw === "string") return { human: true, text: raw };
  if (Array.isArray(raw) && typeof raw[0] === "string" && typeof raw[1] === "string")
    return { human: raw[0] === "user" || raw[0] === "human", text: raw[1] };
  const message = normalizeMessage(raw);
  if (!message) return undefined;
  return { human: message.type === "human", text: textOf(message.content) };
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((block) =>
      typeof block === "string"
        ? block
        : isPlainObject(block) && block.type === "text" && typeof block.text === "string"
          ? block.text
          : "",
    )
    .filter(Boolean)
    .join(" ");
}

function compactJson(value: unknown): string {
  return typeof value === "string" ? value : stringifyForDisplay(value);
}

function oneLine(text: string): string | undefined {
  const line = text.replace(/\s+/g, " ").trim();
  if (line === "") return undefined;
  return line.length > MAX_PREVIEW ? `${line.slice(0, MAX_PREVIEW - 1)}…` : line;
}

import type { StreamEvent } from "../../client/types";
import { stringifyForDisplay } from "../displayJson/stringifyForDisplay";

/** The maximum length of a one-line preview, in characters. */
export const PREVIEW_LENGTH = 160;

/**
 * The namespace key of an event: its `ns` segments joined with `|` (`""` at the root graph).
 *
 * @example namespaceOf({ ns: ["subgraph:1f2e"], … }) // "subgraph:1f2e"
 */
export function namespaceOf(event: Pick<StreamEvent, "ns">): string {
  return Array.isArray(event.ns) ? event.ns.join("|") : "";
}

/**
 * A namespace key as people read it: `root` for the root graph; each segment's task id cut to
 * its first 8 characters (a UUID is unreadable in a select or a column), segments joined with
 * ` › `.
 *
 * @example namespaceLabel("") // "root"
 * namespaceLabel("inner:d53f0306-3341-5f85-bce6-07c4c49d32c4") // "inner:d53f0306"
 */
export function namespaceLabel(namespace: string): string {
  if (namespace === "") return "root";
  return namespace
    .split("|")
    .map((segment) => segment.replace(/^([^:]*:[0-9a-f]{8})-[0-9a-f-]{27}$/i, "$1"))
    .join(" › ");
}

/**
 * Milliseconds since the origin as `+1.23s` (never negative).
 *
 * @example formatRelativeTime(1_234, 0) // "+1.23s"
 */
export function formatRelativeTime(at: number, origin: number): string {
  const seconds = Math.max(0, at - origin) / 1000;
  return `+${seconds.toFixed(2)}s`;
}

/**
 * One line of JSON for the event's data, cut to `max` characters (with `…`).
 *
 * @example previewEvent({ data: { a: 1 } }) // '{"a":1}'
 */
export function previewEvent(event: Pick<StreamEvent, "data">, max = PREVIEW_LENGTH): string {
  const text = safeStringify(event.data) ?? "undefined";
  // Cut before stringifying newlines away: JSON.stringify without indentation has none.
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The whole event as indented JSON (what "copy as JSON" copies).
 *
 * @example prettyEvent(event) // '{\n  "type": "values", …'
 */
export function prettyEvent(event: StreamEvent): string {
  const { type, ns, id, event: name, data, interrupts } = event;
  const shown: Record<string, unknown> = { type, ns, event: name };
  if (id !== undefined) shown.id = id;
  shown.data = data;
  if (Array.isArray(interrupts) && interrupts.length > 0) shown.interrupts = interrupts;
  return safeStringify(shown, 2) ?? "undefined";
}

/**
 * `JSON.stringify` that never throws (cycles, BigInt) and shows values nested deeper than 64
 * levels as a placeholder, so deep data neither overflows the stack nor, indented, grows into
 * megabytes of spaces (see `stringifyForDisplay`).
 */
export function safeStringify(value: unknown, indent?: number): string | undefined {
  return value === undefined ? undefined : stringifyForDisplay(value, indent);
}

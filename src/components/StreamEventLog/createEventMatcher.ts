import type { StreamEvent } from "../../client/types";
import { stringifyForDisplay } from "../displayJson/stringifyForDisplay";
import { namespaceOf } from "./formatEvent";

/** Tells whether an event matches a search. */
export type EventMatcher = (event: StreamEvent) => boolean;

/**
 * A case-insensitive text search over an event: its mode, namespace, data and interrupts as
 * JSON. The query matches the JSON as typed (`"step":"reply"`) and as JSON escapes it, so text
 * with quotes or backslashes finds the strings that hold it (`say "hi"` in a message).
 * `null` for an empty query: everything matches.
 *
 * @example createEventMatcher("hello")?.(event) // true when "Hello" is in its data
 */
export function createEventMatcher(query: string): EventMatcher | null {
  const needle = query.trim().toLowerCase();
  if (needle === "") return null;
  const escaped = JSON.stringify(needle).slice(1, -1);
  return (event) => {
    const text = searchTextOf(event);
    return text.includes(needle) || (escaped !== needle && text.includes(escaped));
  };
}

function searchTextOf(event: StreamEvent): string {
  const interrupts = Array.isArray(event.interrupts) && event.interrupts.length > 0;
  return [
    String(event.type),
    namespaceOf(event),
    stringifyForDisplay(event.data),
    interrupts ? stringifyForDisplay(event.interrupts) : "",
  ]
    .join("\n")
    .toLowerCase();
}

import { isPlainObject } from "./isPlainObject";
import type { Interrupt, StreamEvent, StreamPart } from "./types";

// Shared by every event without interrupts or namespace: no allocation per event.
const NO_INTERRUPTS: Interrupt[] = [];
Object.freeze(NO_INTERRUPTS);
const ROOT_NS: string[] = [];
Object.freeze(ROOT_NS);

/**
 * The classic part as the normalized event: `mode|ns1|ns2` is split into `type` and `ns`, and
 * `values` data loses a non-empty `__interrupt__` list to `interrupts`. An empty list (a static
 * breakpoint) stays in the data, so a breakpoint can be told from a values event without one.
 *
 * @example
 * toStreamEvent({ event: "messages|inner:1", data: [chunk, meta] })
 * // { type: "messages", ns: ["inner:1"], data: [chunk, meta], interrupts: [], event: "messages|inner:1" }
 */
export function toStreamEvent(part: StreamPart): StreamEvent {
  const name = part.event;
  const bar = name.indexOf("|");
  const type = bar === -1 ? name : name.slice(0, bar);
  const ns = bar === -1 ? ROOT_NS : name.slice(bar + 1).split("|");
  let data = part.data;
  let interrupts = NO_INTERRUPTS;
  if (type === "values" && isPlainObject(data) && "__interrupt__" in data) {
    const { __interrupt__: raw, ...rest } = data;
    if (Array.isArray(raw) && raw.length > 0) {
      interrupts = raw as Interrupt[];
      data = rest;
    }
  }
  // The wire is untyped: the event is typed by its mode name, and readers check data shapes.
  return { type, ns, data, interrupts, id: part.id, event: name } as StreamEvent;
}

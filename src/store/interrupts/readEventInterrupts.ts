import type { StreamEvent } from "../../client/types";
import { isPlainObject } from "../../client/isPlainObject";

/** The key under which LangGraph reports interrupts in `values` and `updates` data. */
export const INTERRUPT_KEY = "__interrupt__";

/**
 * The raw interrupts an event reports, `[]` for a static breakpoint, or undefined when the event
 * says nothing about interrupts:
 * - `values`: `data.__interrupt__` when the key is still there, else the normalized event's
 *   `interrupts` when not empty. LangGraph sends interrupts as a values chunk holding only
 *   `__interrupt__`, so once the client pops the key, empty data (`{}`) with no interrupts is that
 *   chunk with an empty list: a static breakpoint.
 * - `updates`: `data.__interrupt__`.
 * - `tasks`: a task result's `interrupts`, when not empty.
 *
 * @example readEventInterrupts({ type: "updates", ns: [], interrupts: [], event: "updates", data: { __interrupt__: [{ id: "i1", value: 1 }] } })
 * // [{ id: "i1", value: 1 }]
 */
export function readEventInterrupts(event: StreamEvent): readonly unknown[] | undefined {
  switch (event.type) {
    case "values":
      return readValuesInterrupts(event);
    case "updates":
      return readKeyedInterrupts(event.data);
    case "tasks":
      return readTaskInterrupts(event.data);
    default:
      return undefined;
  }
}

function readValuesInterrupts(event: StreamEvent): readonly unknown[] | undefined {
  const keyed = readKeyedInterrupts(event.data);
  if (keyed !== undefined) return keyed;
  if (event.interrupts.length > 0) return event.interrupts;
  return isPlainObject(event.data) && Object.keys(event.data).length === 0 ? [] : undefined;
}

function readKeyedInterrupts(data: unknown): readonly unknown[] | undefined {
  if (!isPlainObject(data)) return undefined;
  const interrupts = data[INTERRUPT_KEY];
  return Array.isArray(interrupts) ? interrupts : undefined;
}

function readTaskInterrupts(data: unknown): readonly unknown[] | undefined {
  if (!isPlainObject(data) || !Array.isArray(data.interrupts)) return undefined;
  return data.interrupts.length > 0 ? data.interrupts : undefined;
}

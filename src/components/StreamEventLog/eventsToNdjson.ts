import type { EventLogEntry } from "../../store/EventLog";
import { stringifyForDisplay } from "../displayJson/stringifyForDisplay";
import type { EventLogView } from "./createEventLogIndex";
import { entryEvent } from "./entryEvent";

/**
 * The rows of a view as NDJSON: one compact JSON object per line, oldest first, each the event
 * (`type`, `ns`, `event`, `id`, `data`, `interrupts` when any) with its `seq` and `receivedAt`
 * (epoch ms). What plain JSON cannot hold (data nested past the stack's depth) is written as
 * the log shows it, with a placeholder deep down.
 *
 * @example eventsToNdjson(log.rows) // '{"seq":0,"receivedAt":1735732800000,"type":"metadata",…}\n'
 */
export function eventsToNdjson(rows: EventLogView): string {
  const lines: string[] = [];
  for (let row = 0; row < rows.count; row++) {
    const entry = rows.entryAt(row);
    if (entry !== undefined) lines.push(lineOf(entry));
  }
  return lines.map((line) => `${line}\n`).join("");
}

function lineOf(entry: EventLogEntry): string {
  const { type, ns, event, id, data, interrupts } = entryEvent(entry);
  const record: Record<string, unknown> = { seq: entry.seq, receivedAt: entry.receivedAt };
  Object.assign(record, { type, ns, event, id, data });
  if (Array.isArray(interrupts) && interrupts.length > 0) record.interrupts = interrupts;
  try {
    return JSON.stringify(record);
  } catch {
    return stringifyForDisplay(record);
  }
}

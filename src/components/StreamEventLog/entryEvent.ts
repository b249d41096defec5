import type { StreamEvent } from "../../client/types";
import type { EventLogEntry } from "../../store/EventLog";

/**
 * The event a log entry holds. The log and its views read events only through here: how the
 * store keeps an entry (shared parts, raw text parsed on demand) is its own business, and a
 * change there is a change of this one function.
 *
 * @example entryEvent(log.rows.entryAt(0)!).type // "metadata"
 */
export function entryEvent(entry: EventLogEntry): StreamEvent {
  return entry.event;
}

import type { Message } from "../../store/messages/Message";
import type { MessageItem } from "./buildMessageItems";

/**
 * When the stream first showed each message and each tool call's complete arguments, so that a
 * message can show its time and a tool call its duration when the wire carries neither.
 */
export interface ArrivalLog {
  /** Epoch ms when `key` (a message id, or `call:<id>`) first arrived live; undefined if unknown. */
  arrivedAt: (key: string) => number | undefined;
  /** Notes the messages not seen before: at the current time while `live`, else as unknown. */
  noteMessages: (messages: readonly Message[], live: boolean) => void;
  /** Notes the tool calls whose arguments just became complete (same rule). */
  noteToolCalls: (items: readonly MessageItem[], live: boolean) => void;
}

/**
 * An arrival log. Only what arrives while a run streams gets a time: what was there when the log
 * began, or came with a loaded thread, stays unknown forever (no time is better than a wrong
 * one). A message replayed when a page re-joins a running run is the exception: it gets the
 * re-join's time.
 *
 * Noting is meant to happen as a component renders what arrived: only the first note of a key
 * counts, so rendering again (or twice, in Strict Mode) changes nothing.
 *
 * @example
 * const log = createArrivalLog();
 * log.noteMessages(messages, isStreaming);
 * log.arrivedAt(messages[0].id) // a time, or undefined
 */
export function createArrivalLog(clock: () => number = Date.now): ArrivalLog {
  // NaN: seen, time unknown (so a later run does not stamp it with a wrong time).
  const times = new Map<string, number>();
  const note = (key: string, live: boolean) => {
    if (!times.has(key)) times.set(key, live ? clock() : Number.NaN);
  };
  let messagesBegan = false;
  let callsBegan = false;
  return {
    arrivedAt(key) {
      const time = times.get(key);
      return time === undefined || Number.isNaN(time) ? undefined : time;
    },
    noteMessages(messages, live) {
      // The first messages were there before we looked.
      const fresh = live && messagesBegan;
      messagesBegan = true;
      for (const message of messages) {
        if (typeof message?.id === "string" && message.id !== "") note(message.id, fresh);
      }
    },
    noteToolCalls(items, live) {
      const fresh = live && callsBegan;
      callsBegan = true;
      for (const item of items) {
        for (const call of item.toolCalls) {
          if (call.id !== "" && !call.partial) note(`call:${call.id}`, fresh);
        }
      }
    },
  };
}

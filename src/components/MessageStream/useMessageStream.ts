"use client";
import type { RunRef } from "../../store/RunHandle";
import { useRunHandle } from "../../hooks/RunScope";
import { useEffect, useState } from "react";
import type { Message } from "../../store/messages/Message";
import type { SessionStatus, TurnError } from "../../store/RunSession";
import { sessionDisplayStatus, type RunDisplayStatus } from "../../store/runDisplayStatus";
import { isActiveStatus } from "../../store/sessionReducers";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";
import { createArrivalLog } from "./arrivalLog";
import { announceMessage, buildMessageItems, type MessageItem } from "./buildMessageItems";
import { prepareTimeFormats } from "./timeFormats";

export interface UseMessageStreamOptions {
  /** The run handle (default: the `<RunScope>`'s): reads messages and status from the buffer. */
  run?: RunRef | null;
  /** Messages to show: a data prop makes its slice controlled (the run's is not read). */
  messages?: readonly Message[];
  /** Whether the run is still going (wins over the session's status). */
  isStreaming?: boolean;
  /**
   * The run's status (wins over the session's); active statuses mean streaming. `stopped` (or a
   * raw `interrupted`, which means the same unless the run waits for input: pass `needs-input`
   * then) marks the last turn "Stopped".
   */
  status?: SessionStatus | RunDisplayStatus;
  /** Errors to show beside the turns they belong to (wins over the session's `turnErrors`). */
  turnErrors?: readonly TurnError[];
}

export interface MessageStreamState {
  items: MessageItem[];
  /** The run is going: the last AI message is still streaming. */
  isStreaming: boolean;
  /** The run is going and no AI reply has started yet (after the last message). */
  awaitingReply: boolean;
  /** A polite announcement of the latest complete message (changes once per message). */
  announcement: string;
  /** Number of messages shown (tool results under their calls not counted). */
  count: number;
  /** Runs' errors, each beside the message it followed. */
  turnErrors: readonly TurnError[];
  /**
   * Keys of the items after which a run was stopped (cancelled, not paused for input), each
   * marked "Stopped". Remembered while the stream is mounted, after the next run starts too.
   */
  stoppedAfter: ReadonlySet<string>;
}

const NO_MESSAGES: readonly Message[] = [];
const NO_TURN_ERRORS: readonly TurnError[] = [];

/**
 * The behaviour of the message stream, without markup: assembled messages as items (tool results
 * under their calls, roles and labels, text, reasoning, image or JSON parts, the time each message
 * was written where known, each tool's duration), whether the last AI message is still streaming,
 * the turns that were stopped, and one announcement per completed message (not per token).
 *
 * @example
 * const { items, isStreaming } = useMessageStream({ run: chat });
 * items.map((item) => <p key={item.key}>{item.label}: {item.parts.length} parts</p>);
 */
export function useMessageStream(options: UseMessageStreamOptions = {}): MessageStreamState {
  const run = useRunHandle(options.run);
  // A slice given as a prop wins: no subscription for it, no re-render per flush.
  const sessionMessages = useOptionalRunSession(
    options.messages ? null : run,
    (session) => session?.messages,
  );
  // The status as shown, not the raw one: a run paused at an interrupt is "needs-input" (no
  // "Waiting for a reply…") although its stream stays open a little longer.
  const sessionStatus = useOptionalRunSession(
    options.status === undefined ? run : null,
    (session) => (session === undefined ? undefined : sessionDisplayStatus(session)),
  );
  const sessionTurnErrors = useOptionalRunSession(
    options.turnErrors ? null : run,
    (session) => session?.turnErrors,
  );
  const messages = options.messages ?? sessionMessages ?? NO_MESSAGES;
  const turnErrors = options.turnErrors ?? sessionTurnErrors ?? NO_TURN_ERRORS;
  const status = options.status ?? sessionStatus ?? "idle";
  const isStreaming = options.isStreaming ?? isActiveDisplayStatus(status);
  const stopped = status === "stopped" || status === "interrupted";

  // The time formatters are made in a task of their own when the list mounts, before a first
  // reply needs them: never on the way from a submit to its first token.
  useEffect(prepareTimeFormats, []);

  // Times are noted as the messages render: the first render that shows a message dates it.
  // Not memoized: buildMessageItems reuses the item of every message that did not change.
  const [arrivals] = useState(() => createArrivalLog());
  arrivals.noteMessages(messages, isStreaming);
  const items = buildMessageItems(messages, {
    streaming: isStreaming,
    arrivedAt: arrivals.arrivedAt,
  });
  arrivals.noteToolCalls(items, isStreaming);
  const last = items.at(-1);
  const awaitingReply = isStreaming && (last === undefined || last.role !== "ai");
  const announcement = announceLatest(messages, isStreaming);
  const stoppedAfter = useStoppedTurns(stopped && !isStreaming ? last?.key : undefined);

  return {
    items,
    isStreaming,
    awaitingReply,
    announcement,
    count: items.length,
    turnErrors,
    stoppedAfter,
  };
}

function isActiveDisplayStatus(status: SessionStatus | RunDisplayStatus): boolean {
  if (status === "needs-input" || status === "stopped") return false;
  return status === "cancelling" || status === "reconnecting" || isActiveStatus(status);
}

/**
 * The items after which a run stopped: the current one (`stoppedAt`) and those of earlier runs,
 * which the session forgets when the next run starts.
 */
function useStoppedTurns(stoppedAt: string | undefined): ReadonlySet<string> {
  const [stopped, setStopped] = useState<ReadonlySet<string>>(NO_KEYS);
  if (stoppedAt === undefined || stopped.has(stoppedAt)) return stopped;
  // Remembered while rendering (React renders again at once), not in an effect.
  const more = new Set([...stopped, stoppedAt]);
  setStopped(more);
  return more;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** The announcement of the latest complete message (the streaming one is not complete). */
function announceLatest(messages: readonly Message[], isStreaming: boolean): string {
  const streamingLast = isStreaming && messages.at(-1)?.type === "ai";
  for (let i = messages.length - (streamingLast ? 2 : 1); i >= 0; i--) {
    const message = messages[i] as Message;
    if (message.type !== "remove") return announcementOf(message);
  }
  return "";
}

/**
 * Announcements by message: the one before a streaming reply is asked for on every flush, and
 * shortening a long text reads all of it (messages are never changed in place).
 */
const announcements = new WeakMap<Message, string>();

function announcementOf(message: Message): string {
  // Bad data can put a non-object in the list: no key for a WeakMap.
  if (typeof message !== "object" || message === null) return announceMessage(message);
  let announcement = announcements.get(message);
  if (announcement === undefined) {
    announcement = announceMessage(message);
    announcements.set(message, announcement);
  }
  return announcement;
}

"use client";
import type { RunRef } from "../../store/RunHandle";
import { useRunHandle } from "../../hooks/RunScope";
import { useMemo } from "react";
import type { Message } from "../../store/messages/Message";
import type { SessionStatus, TurnError } from "../../store/RunSession";
import { isActiveStatus } from "../../store/sessionReducers";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";
import { announceMessage, buildMessageItems, type MessageItem } from "./buildMessageItems";

export interface UseMessageStreamOptions {
  /** The run handle (default: the `<RunScope>`'s): reads messages and status from the buffer. */
  run?: RunRef | null;
  /** Messages to show: a data prop makes its slice controlled (the run's is not read). */
  messages?: readonly Message[];
  /** Whether the run is still going (wins over the session's status). */
  isStreaming?: boolean;
  /** The run's status (wins over the session's); active statuses mean streaming. */
  status?: SessionStatus;
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
}

const NO_MESSAGES: readonly Message[] = [];
const NO_TURN_ERRORS: readonly TurnError[] = [];

/**
 * The behaviour of the message stream, without markup: assembled messages as items (tool results
 * under their calls, roles and labels, text or JSON parts), whether the last AI message is still
 * streaming, and one announcement per completed message (not per token).
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
  const sessionStatus = useOptionalRunSession(
    options.status === undefined ? run : null,
    (session) => session?.status,
  );
  const sessionTurnErrors = useOptionalRunSession(
    options.turnErrors ? null : run,
    (session) => session?.turnErrors,
  );
  const messages = options.messages ?? sessionMessages ?? NO_MESSAGES;
  const turnErrors = options.turnErrors ?? sessionTurnErrors ?? NO_TURN_ERRORS;
  const status = options.status ?? sessionStatus ?? "idle";
  const isStreaming = options.isStreaming ?? isActiveStatus(status);

  const items = useMemo(
    () => buildMessageItems(messages, { streaming: isStreaming }),
    [messages, isStreaming],
  );
  const last = items.at(-1);
  const awaitingReply = isStreaming && (last === undefined || last.role !== "ai");
  const announcement = announceLatest(messages, isStreaming);

  return { items, isStreaming, awaitingReply, announcement, count: items.length, turnErrors };
}

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

"use client";
import { useCallback } from "react";
import { useRunHandle } from "../../hooks/RunScope";
import {
  useMessageBranches,
  type MessageBranches,
  type UseMessageBranchesOptions,
} from "../../hooks/useMessageBranches";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";
import type { SubmitOptions } from "../../store/createRunController";
import type { Message } from "../../store/messages/Message";
import type { MessageBranch } from "../../store/messages/messageBranches";
import type { AnyRunHandle } from "../../store/RunHandle";
import { isActiveStatus } from "../../store/sessionReducers";
import { useLatestRef } from "../../hooks/useLatestRef";
import { contentText } from "../MessageStream/messageContent";

export interface UseMessageActionsOptions extends UseMessageBranchesOptions {
  /**
   * The input of an edit (default `{ messages: [{ type: "human", content: text }] }`), for a
   * graph whose input is shaped otherwise.
   *
   * @example toInput={(text) => ({ question: text })}
   */
  toInput?: (text: string, message: Message) => unknown;
  /** Options of the runs that regenerate and edit (`config`, `streamSubgraphs`, …). */
  submitOptions?: Omit<SubmitOptions, "checkpoint" | "checkpointId" | "threadId">;
}

/** What can be done to a run's messages: copy, regenerate, edit and resend, switch versions. */
export interface MessageActionsState extends MessageBranches {
  /** A run is under way: regenerate, edit and branch switches wait until it ends. */
  busy: boolean;
  /** Puts the message's text on the clipboard; resolves false when the browser refuses. */
  copy(message: Message): Promise<boolean>;
  /**
   * Runs the graph again from the checkpoint before this (AI) message, with no input: a new
   * version of the reply. The session shows that checkpoint at once, then the new reply.
   * `branch`: the message's place when you have it (default: from the loaded history).
   */
  regenerate(message: Message, branch?: MessageBranch | null): Promise<void>;
  /**
   * Sends `text` in place of this (human) message, from the checkpoint before it: a new version
   * of the question, and the reply to it.
   */
  edit(message: Message, text: string, branch?: MessageBranch | null): Promise<void>;
  /** Whether `regenerate`/`edit` can fork this message (its parent checkpoint is known). */
  canFork(message: Message, branch?: MessageBranch | null): boolean;
}

const humanMessage = (text: string) => ({ messages: [{ type: "human", content: text }] });

/**
 * The message actions of a chat, for the run (default: the `<RunScope>`'s) inside a
 * `RunsProvider`: copy, regenerate, edit-and-resend, and the versions each message has. Forks
 * go through the Runs API's `checkpoint` field: a regenerate is a run with no input from the
 * checkpoint before the reply, an edit a run with the new message from the one before the
 * question. `MessageActions` is its default markup; use it for your own.
 *
 * @example
 * const actions = useMessageActions(chat);
 * <button onClick={() => actions.regenerate(reply)} disabled={actions.busy}>Regenerate</button>
 */
export function useMessageActions(
  run?: AnyRunHandle | null,
  options: UseMessageActionsOptions = {},
): MessageActionsState {
  const handle = useRunHandle(run) as AnyRunHandle | undefined;
  const branches = useMessageBranches(handle, options);
  const busy = useOptionalRunSession(
    handle,
    (session) => !!session && isActiveStatus(session.status),
  );
  const latest = useLatestRef({ options, branches, busy, handle });

  const fork = useCallback(
    async (message: Message, input: unknown, branch: MessageBranch | null | undefined) => {
      const { branches, busy, handle, options } = latest.current;
      const parent = (branch ?? branches.byMessage.get(message.id))?.parentCheckpoint;
      if (!handle || busy || !parent?.checkpoint_id) return;
      // Show where the fork starts first: the new version streams in place of the old one,
      // not after the turns that followed it.
      await handle.showCheckpoint(branches.stateAt(parent.checkpoint_id) ?? parent.checkpoint_id);
      await handle.submit(input as never, { ...options.submitOptions, checkpoint: parent });
    },
    [latest],
  );
  const regenerate = useCallback(
    (message: Message, branch?: MessageBranch | null) => fork(message, null, branch),
    [fork],
  );
  const edit = useCallback(
    (message: Message, text: string, branch?: MessageBranch | null) =>
      fork(message, (latest.current.options.toInput ?? humanMessage)(text, message), branch),
    [fork, latest],
  );
  const canFork = useCallback(
    (message: Message, branch?: MessageBranch | null) =>
      !!(branch ?? branches.byMessage.get(message.id))?.parentCheckpoint?.checkpoint_id,
    [branches.byMessage],
  );
  return { ...branches, busy, copy: copyMessage, regenerate, edit, canFork };
}

async function copyMessage(message: Message): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(contentText(message.content));
    return true;
  } catch {
    return false;
  }
}

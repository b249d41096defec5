"use client";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
} from "react";
import { useRunHandle } from "../../hooks/RunScope";
import type { Message } from "../../store/messages/Message";
import type { MessageBranch } from "../../store/messages/messageBranches";
import type { AnyRunHandle } from "../../store/RunHandle";
import { contentText } from "../MessageStream/messageContent";
import { DEFAULT_MESSAGE_ACTIONS_LABELS, type MessageActionsLabels } from "./messageActionsLabels";
import { useMessageActions, type UseMessageActionsOptions } from "./useMessageActions";

export interface UseMessageActionBarOptions extends UseMessageActionsOptions {
  message: Message;
  /** The run the message belongs to (default: the `<RunScope>`'s). */
  run?: AnyRunHandle | null;
  /**
   * The message's versions and parent checkpoint, controlled (static rendering, or a history
   * you load yourself). Default: from the thread's history (`useMessageBranches`).
   */
  branch?: MessageBranch | null;
  labels?: Partial<MessageActionsLabels>;
}

/** What the last copy did: nothing yet, on the clipboard, or refused by the browser. */
type CopyState = "idle" | "copied" | "failed";

/** How long "Copied" stays before the button reads as before. */
const COPIED_FOR_MS = 2000;

/** The state and handlers behind one message's actions (the markup is `MessageActions`). */
export interface MessageActionBar {
  kind: "human" | "ai" | "other";
  labels: MessageActionsLabels;
  copyState: CopyState;
  copy(): void;
  /** Regenerate (AI) / Edit (human) can fork now: the parent is known and no run goes. */
  canFork: boolean;
  regenerate(): void;
  editing: boolean;
  startEdit(): void;
  cancelEdit(): void;
  /** The message's versions (more than one: the picker shows), if known. */
  branch: MessageBranch | undefined;
  /** Switches may happen now (no run goes). */
  canSwitch: boolean;
  showBranch(index: number): void;
  /** The Edit button's ref callback: focus comes back to it when the edit form closes. */
  setEditButton: (element: HTMLButtonElement | null) => void;
  formProps: { onSubmit: (event: FormEvent) => void };
  textareaProps: {
    ref: (element: HTMLTextAreaElement | null) => void;
    value: string;
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  };
  /** The edited text may be sent (not empty). */
  canSend: boolean;
}

/**
 * One message's actions: copy with a moment of "Copied", regenerate (AI), an inline edit form
 * (human: Enter sends, Shift+Enter breaks the line, Escape cancels and gives focus back to Edit)
 * and the branch picker's moves.
 *
 * @example const bar = useMessageActionBar({ message, run: chat });
 */
export function useMessageActionBar(options: UseMessageActionBarOptions): MessageActionBar {
  const { message, run, branch: branchProp, labels: labelsProp, ...actionOptions } = options;
  const handle = useRunHandle(run) as AnyRunHandle | undefined;
  const actions = useMessageActions(handle, {
    ...actionOptions,
    // A controlled branch needs no history.
    enabled: branchProp === undefined && actionOptions.enabled !== false,
  });
  const branch = branchProp === undefined ? actions.byMessage.get(message.id) : branchProp;
  const labels = { ...DEFAULT_MESSAGE_ACTIONS_LABELS, ...labelsProp };
  const kind = message.type === "human" ? "human" : message.type === "ai" ? "ai" : "other";

  const [copyState, setCopyState] = useState<CopyState>("idle");
  useEffect(() => {
    if (copyState === "idle") return;
    const timer = setTimeout(() => setCopyState("idle"), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copyState]);
  const { copy: copyText } = actions;
  const copy = useCallback(() => {
    void copyText(message).then((copied) => setCopyState(copied ? "copied" : "failed"));
  }, [copyText, message]);

  const canFork = !actions.busy && actions.canFork(message, branch);
  const { regenerate: regenerateMessage, edit } = actions;
  const regenerate = useCallback(() => {
    if (canFork) void regenerateMessage(message, branch).catch(keepAsItWas);
  }, [canFork, regenerateMessage, message, branch]);

  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const editButtonRef = useRef<HTMLButtonElement | null>(null);
  const setTextarea = useCallback((element: HTMLTextAreaElement | null) => {
    textareaRef.current = element;
  }, []);
  const setEditButton = useCallback((element: HTMLButtonElement | null) => {
    editButtonRef.current = element;
  }, []);
  // Focus follows the form: into the textarea when it opens, back to Edit when it closes.
  const focusAfter = useRef<"textarea" | "edit" | null>(null);
  useEffect(() => {
    const target = focusAfter.current === "textarea" ? textareaRef : editButtonRef;
    if (focusAfter.current === null) return;
    focusAfter.current = null;
    target.current?.focus();
  }, [editing]);
  const startEdit = useCallback(() => {
    if (!canFork) return;
    setDraft(contentText(message.content));
    focusAfter.current = "textarea";
    setEditing(true);
  }, [canFork, message]);
  const cancelEdit = useCallback(() => {
    focusAfter.current = "edit";
    setEditing(false);
  }, []);
  const canSend = draft.trim() !== "" && canFork;
  const send = () => {
    if (!canSend) return;
    setEditing(false);
    void edit(message, draft, branch).catch(keepAsItWas);
  };

  const canSwitch = !actions.busy;
  const { stateAt } = actions;
  const showBranch = useCallback(
    (index: number) => {
      const target = branch?.branches[index];
      if (!canSwitch || target === undefined || !handle) return;
      void handle.showCheckpoint(stateAt(target) ?? target).catch(keepAsItWas);
    },
    [branch, canSwitch, handle, stateAt],
  );

  return {
    kind,
    labels,
    copyState,
    copy,
    canFork,
    regenerate,
    editing,
    startEdit,
    cancelEdit,
    branch: branch ?? undefined,
    canSwitch,
    showBranch,
    setEditButton,
    canSend,
    formProps: {
      onSubmit: (event) => {
        event.preventDefault();
        send();
      },
    },
    textareaProps: {
      ref: setTextarea,
      value: draft,
      onChange: (event) => setDraft(event.target.value),
      onKeyDown: (event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          cancelEdit();
        } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
          event.preventDefault();
          send();
        }
      },
    },
  };
}

/**
 * A fork or switch whose checkpoint could not be loaded changed nothing: the session shows what
 * it did, and the buttons stay for another try (`useMessageActions` rejects, for apps that say
 * why).
 */
function keepAsItWas(): void {}

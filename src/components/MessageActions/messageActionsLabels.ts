/** Every text of `MessageActions`, for translation. */
export interface MessageActionsLabels {
  /** The group of actions (default "Message actions"). */
  actions: string;
  copy: string;
  /** Said (and shown) once the text is on the clipboard. */
  copied: string;
  copyFailed: string;
  regenerate: string;
  edit: string;
  /** The edit form's textarea. */
  editInput: string;
  send: string;
  cancel: string;
  previous: string;
  next: string;
  /** The branch picker's name, e.g. "Branch 2 of 3". */
  branch: (position: number, count: number) => string;
  /** The branch picker's visible text, e.g. "2/3". */
  position: (position: number, count: number) => string;
}

export const DEFAULT_MESSAGE_ACTIONS_LABELS: MessageActionsLabels = {
  actions: "Message actions",
  copy: "Copy message",
  copied: "Copied",
  copyFailed: "Could not copy",
  regenerate: "Regenerate reply",
  edit: "Edit message",
  editInput: "Edited message",
  send: "Send",
  cancel: "Cancel",
  previous: "Previous branch",
  next: "Next branch",
  branch: (position, count) => `Branch ${position} of ${count}`,
  position: (position, count) => `${position}/${count}`,
};

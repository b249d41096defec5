/** Texts of the composer; override any of them with the `labels` prop. */
export interface ComposerLabels {
  /** The textarea's label (read by screen readers; visually hidden). */
  input: string;
  /** How the keyboard sends, read as the textarea's description. */
  hint: string;
  send: string;
  stop: string;
  stopping: string;
  /** Why the message was not sent while the thread is busy. */
  busy: string;
  /** The name of the group of choices for a busy thread. */
  choices: string;
  /** One per multitask choice. */
  wait: string;
  enqueue: string;
  interrupt: string;
  rollback: string;
  reject: string;
  /** Forgets the refused message (it stays in the textarea). */
  dismiss: string;
  /** The message waits for the busy run to end (after the "wait" choice). */
  waiting: string;
  /** Takes the waiting message back. */
  cancelWaiting: string;
  /** Before the error of a submit the server never took. */
  notSent: string;
  /** Before the error of a run that failed. */
  runFailed: string;
  retry: string;
}

export const DEFAULT_COMPOSER_LABELS: ComposerLabels = {
  input: "Message",
  hint: "Enter sends, Shift+Enter starts a new line.",
  send: "Send",
  stop: "Stop",
  stopping: "Stopping…",
  busy: "Not sent yet: this thread is busy with another run.",
  choices: "What to do with your message",
  wait: "Send when it finishes",
  enqueue: "Queue it",
  interrupt: "Interrupt it",
  rollback: "Roll it back",
  reject: "Try again",
  dismiss: "Dismiss",
  waiting: "Your message will be sent when the current run finishes.",
  cancelWaiting: "Don't send",
  notSent: "Not sent:",
  runFailed: "The run failed:",
  retry: "Retry",
};

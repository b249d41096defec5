import type { MultitaskStrategy, StreamMode } from "langgraph-runs-react/client";

/** Options of every run the demo starts (the chat panel's "Run options"). */
export interface RunSettings {
  streamModes: StreamMode[];
  streamSubgraphs: boolean;
  multitaskStrategy: MultitaskStrategy;
}

/** The modes offered as checkboxes, in this order; the first four are the kit's default. */
export const STREAM_MODES: readonly { mode: StreamMode; hint: string }[] = [
  { mode: "values", hint: "the whole state after each step" },
  { mode: "messages-tuple", hint: "message chunks as the model streams them" },
  { mode: "updates", hint: "what each node returned" },
  { mode: "custom", hint: "what nodes wrote with config.writer" },
  { mode: "tasks", hint: "task starts and results" },
  { mode: "checkpoints", hint: "every checkpoint" },
  { mode: "debug", hint: "everything, verbosely" },
];

export const MULTITASK_STRATEGIES: readonly { value: MultitaskStrategy; label: string }[] = [
  { value: "reject", label: "reject (server default)" },
  { value: "enqueue", label: "enqueue" },
  { value: "interrupt", label: "interrupt" },
  { value: "rollback", label: "rollback" },
];

export const DEFAULT_SETTINGS: RunSettings = {
  streamModes: ["values", "messages-tuple", "updates", "custom"],
  streamSubgraphs: false,
  multitaskStrategy: "reject",
};

/** The stream-buffer session of the chat on a thread (stable, so a reload re-joins it). */
export const chatKey = (threadId: string) => `chat:${threadId}`;

/** `…3861b98f` for a long id, as the kit's runs table shows it (UUIDv7 ids share their first digits). */
export function shortId(runId: string): string {
  return runId.length > 12 ? `…${runId.slice(-8)}` : runId;
}

/** A human message as the demo graph expects it. */
export const humanInput = (text: string) => ({ messages: [{ type: "human", content: text }] });

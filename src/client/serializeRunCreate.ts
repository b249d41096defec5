import type { JsonObject, RunCreateOptions } from "./types";

/**
 * The one place camelCase payload fields become the snake_case wire body. Every create-like
 * call (stream, create, wait, each createBatch item) goes through it, so no call can forget a
 * field. `undefined` fields are left out; `null` is kept (it means "continue from the
 * checkpoint" for `input`).
 *
 * @example
 * serializeRunCreate("agent", { input: { messages }, streamMode: ["values"], ifNotExists: "create" })
 * // { assistant_id: "agent", input: {...}, stream_mode: ["values"], if_not_exists: "create" }
 */
export function serializeRunCreate(
  assistantId: string,
  options: RunCreateOptions = {},
): JsonObject {
  const body: JsonObject = { ...options.extraFields, assistant_id: assistantId };
  for (const [field, wireName] of WIRE_NAMES) {
    const value = options[field];
    if (value !== undefined) body[wireName] = value;
  }
  const tracer = options._langsmithTracer;
  if (tracer) {
    body.langsmith_tracer = { project_name: tracer.projectName, example_id: tracer.exampleId };
  }
  return body;
}

/** Fields that are not one-to-one renames (handled above). */
type SpecialField = "extraFields" | "_langsmithTracer";

/** camelCase payload field → wire name. Typed so a new RunCreateOptions field must be mapped. */
const FIELD_TO_WIRE: { [K in Exclude<keyof RunCreateOptions, SpecialField>]-?: string } = {
  input: "input",
  command: "command",
  config: "config",
  context: "context",
  metadata: "metadata",
  streamMode: "stream_mode",
  streamSubgraphs: "stream_subgraphs",
  streamResumable: "stream_resumable",
  checkpoint: "checkpoint",
  checkpointId: "checkpoint_id",
  interruptBefore: "interrupt_before",
  interruptAfter: "interrupt_after",
  multitaskStrategy: "multitask_strategy",
  ifNotExists: "if_not_exists",
  onCompletion: "on_completion",
  onDisconnect: "on_disconnect",
  webhook: "webhook",
  afterSeconds: "after_seconds",
  durability: "durability",
  checkpointDuring: "checkpoint_during",
  feedbackKeys: "feedback_keys",
  strictResume: "strict_resume",
  webhookMode: "webhook_mode",
};

const WIRE_NAMES = Object.entries(FIELD_TO_WIRE) as [
  Exclude<keyof RunCreateOptions, SpecialField>,
  string,
][];

/** Wire names of every RunCreate field the serializer knows (used by tests). */
export const RUN_CREATE_WIRE_FIELDS: readonly string[] = [
  ...WIRE_NAMES.map(([, wire]) => wire),
  "langsmith_tracer",
];
